import type { EligibilityRule, Program } from '../../domain/index.ts'
import { findProgramPositionSpan, loadProgramEligibilityRules, toCandidate } from '../../store/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { evaluateEligibility } from './evaluate-eligibility.ts'

export async function loadRules({ db }: ServiceContext, programId: string): Promise<EligibilityRule[]> {
  return loadProgramEligibilityRules(db, programId)
}

/** When the program runs: its positions' earliest start and latest end, else its timeline's running phase. */
async function findProgramDates({ db }: ServiceContext, program: Program) {
  const span = await findProgramPositionSpan(db, program.id)
  const stepDate = (phase: Program['phase']) =>
    program.timeline.find((step) => step.phase === phase)?.startsOn
  return {
    programStart: span.start ?? stepDate('running') ?? null,
    programEnd: span.end ?? stepDate('closed') ?? null,
  }
}

/** A verdict for every application that is not withdrawn, under `rules`, without storing anything. */
export async function evaluateProgramApplications(
  context: ServiceContext,
  program: Program,
  rules: readonly EligibilityRule[],
  options: { referenceDate?: string | undefined },
) {
  const { programStart, programEnd } = await findProgramDates(context, program)
  const referenceDate =
    options.referenceDate ??
    program.timeline.find((step) => step.phase === 'eligibility_check')?.startsOn ??
    // Today in UTC, `YYYY-MM-DD`, by the context's clock.
    context.now().toISOString().slice(0, 10)
  const rows = await context.db
    .selectFrom('application')
    .innerJoin('candidate', 'candidate.id', 'application.candidateId')
    .selectAll('candidate')
    .select([
      'application.id as applicationId',
      'application.status as applicationStatus',
      'application.overrideReason',
    ])
    .where('application.programId', '=', program.id)
    .where('application.status', '!=', 'withdrawn')
    .orderBy('application.id')
    .execute()
  const evaluationOptions = {
    referenceDate,
    ...(programStart !== null && { programStart }),
    ...(programEnd !== null && { programEnd }),
  }
  const outcomes = rows.map(({ applicationId, applicationStatus, overrideReason, ...candidate }) => {
    const verdict = evaluateEligibility(toCandidate(candidate), rules, evaluationOptions)
    const isOverridden = overrideReason !== null
    const status = isOverridden ? applicationStatus : verdict.isEligible ? 'eligible' : 'ineligible'
    return { applicationId, previousStatus: applicationStatus, verdict, isOverridden, status }
  })
  return { referenceDate, programStart, programEnd, outcomes }
}
