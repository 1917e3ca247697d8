import { AppError } from '../domain/index.ts'
import { explainCandidate, type MatchingResult } from '../matching/index.ts'
import { candidateIdOf, requireCompanyAccess, requireRole } from './access.ts'
import { queueNotifications } from './notifications.ts'
import { getProgram } from './programs.ts'
import { recordAudit } from './record-audit.ts'
import type { ServiceContext } from './service-context.ts'

/** A reason, with the position and company named, for the candidate's results page. */
export interface ExplainedReason {
  readonly code: string
  readonly positionId: string
  readonly positionTitle: string
  readonly companyName: string
  readonly cutoffRank: number | null
  readonly candidateRank: number | null
  readonly isTie: boolean
}

/** One round's outcome for the signed-in candidate. */
export interface CandidateRoundResult {
  readonly round: number
  readonly runId: string
  readonly publishedAt: string | null
  readonly placement: {
    readonly id: string
    readonly status: string
    readonly positionId: string
    readonly positionTitle: string
    readonly companyName: string
    readonly choiceRank: number | null
  } | null
  readonly isInMarket: boolean
  readonly unmatchedReason: string | null
  readonly reasons: readonly ExplainedReason[]
  readonly acceptanceDeadline: string | null
}

async function positionLabels(context: ServiceContext, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { title: string; companyName: string; companyId: string }>()
  const rows = await context.db
    .selectFrom('position')
    .innerJoin('company', 'company.id', 'position.companyId')
    .select(['position.id', 'position.title', 'company.name as companyName', 'company.id as companyId'])
    .where('position.id', 'in', [...ids])
    .execute()
  return new Map(rows.map((row) => [row.id, row]))
}

/**
 * The signed-in candidate's published outcomes in a program, round by round: the placement and its status,
 * or an honest "not matched", with why not for every position ranked above.
 */
export async function getOwnResults(
  context: ServiceContext,
  programId: string,
): Promise<CandidateRoundResult[]> {
  const { db, actor } = context
  requireRole(actor, 'candidate')
  const candidateId = candidateIdOf(actor)
  if (!candidateId) throw new AppError('not_found', 'this account has no candidate profile')
  const program = await getProgram(context, programId)
  const runs = await db
    .selectFrom('matchRun')
    .select(['id', 'round', 'result', 'publishedAt'])
    .where('programId', '=', programId)
    .where('status', '=', 'published')
    .orderBy('round')
    .execute()
  const results: CandidateRoundResult[] = []
  for (const run of runs) {
    const result = JSON.parse(run.result) as MatchingResult
    const explanation = explainCandidate(result, candidateId) ?? undefined
    const unmatched = result.unmatched.find((u) => u.candidate === candidateId)
    const placement = await db
      .selectFrom('placement')
      .select(['id', 'status', 'positionId'])
      .where('matchRunId', '=', run.id)
      .where('candidateId', '=', candidateId)
      .executeTakeFirst()
    const labels = await positionLabels(context, [
      ...(explanation?.reasons.map((r) => r.position) ?? []),
      ...(placement ? [placement.positionId] : []),
    ])
    const placedLabel = placement ? labels.get(placement.positionId) : undefined
    results.push({
      round: run.round,
      runId: run.id,
      publishedAt: run.publishedAt?.toISOString() ?? null,
      isInMarket: explanation !== undefined || unmatched !== undefined,
      placement:
        placement && placedLabel
          ? {
              id: placement.id,
              status: placement.status,
              positionId: placement.positionId,
              positionTitle: placedLabel.title,
              companyName: placedLabel.companyName,
              choiceRank: explanation?.choiceRank ?? null,
            }
          : null,
      unmatchedReason: unmatched?.reason ?? null,
      reasons: (explanation?.reasons ?? []).map((reason) => ({
        code: reason.code,
        positionId: reason.position,
        positionTitle: labels.get(reason.position)?.title ?? reason.position,
        companyName: labels.get(reason.position)?.companyName ?? '',
        cutoffRank: reason.cutoffRank ?? null,
        candidateRank: reason.candidateRank ?? null,
        isTie: reason.isTie ?? false,
      })),
      acceptanceDeadline:
        program.timeline.find((step) => step.phase === 'acceptance_deadline')?.startsOn ?? null,
    })
  }
  return results
}

/** A company's placed candidates and its cut-offs in a program's published rounds. */
export async function getCompanyResults(context: ServiceContext, programId: string, companyId: string) {
  const { db, actor } = context
  requireRole(actor, 'operator', 'company')
  requireCompanyAccess(actor, companyId, 'company')
  await getProgram(context, programId)
  const placements = await db
    .selectFrom('placement')
    .innerJoin('position', 'position.id', 'placement.positionId')
    .innerJoin('candidate', 'candidate.id', 'placement.candidateId')
    .select([
      'placement.id',
      'placement.round',
      'placement.status',
      'placement.decidedAt',
      'position.id as positionId',
      'position.title as positionTitle',
      'candidate.id as candidateId',
      'candidate.fullName',
      'candidate.nationality',
      'candidate.email',
    ])
    .where('placement.programId', '=', programId)
    .where('position.companyId', '=', companyId)
    .orderBy('placement.round')
    .orderBy('position.title')
    .orderBy('candidate.fullName')
    .execute()
  const runs = await db
    .selectFrom('matchRun')
    .select(['id', 'round', 'result'])
    .where('programId', '=', programId)
    .where('status', '=', 'published')
    .orderBy('round')
    .execute()
  const ownPositions = await db
    .selectFrom('position')
    .select(['id', 'title'])
    .where('companyId', '=', companyId)
    .execute()
  const titleOf = new Map(ownPositions.map((p) => [p.id, p.title]))
  const cutoffs = runs.flatMap((run) =>
    (JSON.parse(run.result) as MatchingResult).positions
      .filter((p) => titleOf.has(p.position))
      .map((p) => ({
        round: run.round,
        positionId: p.position,
        positionTitle: titleOf.get(p.position) ?? '',
        ...p,
      })),
  )
  await recordAudit(db, actor, [
    {
      action: 'read',
      entityType: 'placement',
      entityId: null,
      detail: { programId, companyId, list: placements.length },
    },
  ])
  return {
    placements: placements.map((p) => ({ ...p, decidedAt: p.decidedAt?.toISOString() ?? null })),
    cutoffs: cutoffs.map(({ position: _position, ...rest }) => rest),
  }
}

/** The signed-in candidate accepts or declines an offer before the acceptance deadline. */
export async function respondToOffer(
  context: ServiceContext,
  placementId: string,
  decision: 'accept' | 'decline',
) {
  const { db, actor } = context
  requireRole(actor, 'candidate')
  const placement = await db
    .selectFrom('placement')
    .innerJoin('position', 'position.id', 'placement.positionId')
    .innerJoin('candidate', 'candidate.id', 'placement.candidateId')
    .select([
      'placement.id',
      'placement.status',
      'placement.programId',
      'placement.candidateId',
      'position.title',
      'position.companyId',
      'candidate.fullName',
    ])
    .where('placement.id', '=', placementId)
    .executeTakeFirst()
  if (!placement || placement.candidateId !== candidateIdOf(actor))
    throw new AppError('not_found', `no offer ${placementId}`)
  if (placement.status !== 'offered')
    throw new AppError('conflict', `this offer was ${placement.status} already`)
  const program = await getProgram(context, placement.programId)
  if (!OFFER_OPEN_PHASES.includes(program.phase)) {
    throw new AppError('phase_closed', 'the acceptance deadline has passed; offers can no longer be answered')
  }
  const status = decision === 'accept' ? 'accepted' : 'declined'
  await db
    .updateTable('placement')
    .set({ status, decidedAt: new Date() })
    .where('id', '=', placementId)
    .execute()
  const members = await db
    .selectFrom('roleGrant')
    .innerJoin('authUser', 'authUser.id', 'roleGrant.userId')
    .select(['authUser.id', 'authUser.email', 'authUser.locale', 'roleGrant.hubId'])
    .where('roleGrant.companyId', '=', placement.companyId)
    .execute()
  await queueNotifications(
    db,
    members.map((member) => ({
      hubId: member.hubId,
      userId: member.id,
      email: member.email,
      locale: member.locale ?? 'ko',
      kind: decision === 'accept' ? 'offer_accepted' : 'offer_declined',
      params: { program: program.title, candidate: placement.fullName, position: placement.title },
    })),
  )
  await recordAudit(db, actor, [
    { action: 'update', entityType: 'placement', entityId: placementId, detail: { status } },
  ])
  return { id: placementId, status }
}

/** Phases in which published offers can be answered; the operator closes the window by moving on. */
const OFFER_OPEN_PHASES: readonly string[] = ['publish', 'acceptance_deadline', 'second_round']
