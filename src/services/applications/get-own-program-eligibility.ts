import type {
  Application,
  EligibilityVerdict,
  OwnProgramEligibility,
  Program,
  UiLocale,
} from '../../domain/index.ts'
import { findProgramPositionSpan, loadProgramEligibilityRules } from '../../store/index.ts'
import { findMissingProfileFields, getOwnCandidate } from '../candidates/index.ts'
import { evaluateEligibility, localizeEligibilityVerdict } from '../eligibility/index.ts'
import { getProgram } from '../programs/index.ts'
import { isRankingFrozen } from '../rankings/index.ts'
import type { ServiceContext } from '../service-context.ts'

/**
 * What the signed-in candidate needs to decide and follow an application: the program's rules evaluated
 * against their current profile (a preview, the same evaluation the hub's check makes), the official
 * verdict once checked, and whether they may apply or withdraw now. Reasons are written in `locale`.
 */
export async function getOwnProgramEligibility(
  context: ServiceContext,
  programId: string,
  locale: UiLocale,
): Promise<OwnProgramEligibility> {
  const { db } = context
  const candidate = await getOwnCandidate(context)
  const program = await getProgram(context, programId)
  const rules = await loadProgramEligibilityRules(db, programId)
  const span = await findProgramPositionSpan(db, programId)
  const stepDate = (phase: Program['phase']) =>
    program.timeline.find((step) => step.phase === phase)?.startsOn
  const programStart = span.start ?? stepDate('running')
  const programEnd = span.end ?? stepDate('closed')
  const referenceDate = stepDate('eligibility_check') ?? context.now().toISOString().slice(0, 10)
  const preview = evaluateEligibility(candidate, rules, {
    referenceDate,
    ...(programStart ? { programStart } : {}),
    ...(programEnd ? { programEnd } : {}),
  })
  const application = await db
    .selectFrom('application')
    .select(['id', 'status', 'submittedAt', 'eligibility', 'overrideReason'])
    .where('programId', '=', programId)
    .where('candidateId', '=', candidate.id)
    .executeTakeFirst()
  const missingFields = findMissingProfileFields(candidate)
  const isActive = application !== undefined && application.status !== 'withdrawn'
  const official =
    isActive && application.eligibility ? (application.eligibility as EligibilityVerdict) : null
  return {
    programId,
    programPhase: program.phase,
    referenceDate,
    missingFields,
    preview: localizeEligibilityVerdict(preview, locale),
    application: application
      ? {
          id: application.id,
          status: application.status as Application['status'],
          submittedAt: application.submittedAt.toISOString(),
          isOverridden: application.overrideReason !== null,
        }
      : null,
    official: official ? localizeEligibilityVerdict(official, locale) : null,
    canApply: program.phase === 'call_open' && !isActive && missingFields.length === 0,
    canWithdraw: isActive && !isRankingFrozen(program.phase),
    callClosesOn: stepDate('eligibility_check') ?? null,
    withdrawUntil: stepDate('ranking_freeze') ?? null,
  }
}
