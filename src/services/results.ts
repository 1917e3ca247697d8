import {
  AppError,
  type CandidateRoundResult,
  type CompanyPlacement,
  type CompanyPositionOutcome,
  type CompanyResults,
  type RankEntry,
  type RankListSource,
} from '../domain/index.ts'
import { explainCandidate, type Market, type MatchingResult } from '../matching/index.ts'
import { candidateIdOf, requireCompanyAccess, requireRole } from './access/index.ts'
import { recordAudit } from './audit/index.ts'
import { queueNotifications } from './notifications.ts'
import { getProgram } from './programs/index.ts'
import type { ServiceContext } from './service-context.ts'

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

/** Weak ranks (entry index + 1, tied ids share one) of a rank list. */
function weakRanks(entries: readonly (string | readonly string[])[] | undefined): Map<string, number> {
  const ranks = new Map<string, number>()
  ;(entries ?? []).forEach((entry, index) => {
    for (const id of typeof entry === 'string' ? [entry] : entry) ranks.set(id, index + 1)
  })
  return ranks
}

const DEGREE_ORDER = ['high_school', 'bootcamp', 'associate', 'bachelor', 'master', 'doctorate']

/** The institution a company would name: the highest degree, the latest on equal degrees. */
function universityOf(education: unknown): string | null {
  const entries = (Array.isArray(education) ? education : []) as {
    institution?: string
    degree?: string
    graduationDate?: string
  }[]
  const best = [...entries].sort(
    (a, b) =>
      DEGREE_ORDER.indexOf(b.degree ?? '') - DEGREE_ORDER.indexOf(a.degree ?? '') ||
      (b.graduationDate ?? '').localeCompare(a.graduationDate ?? ''),
  )[0]
  return best?.institution ?? null
}

/**
 * A company's placed candidates in a program's published rounds, with each one's rank on the company's list,
 * the offer status, every position's seats and cut-off, and the dates of what comes next. Company members see
 * their own company only; operators any.
 */
export async function getCompanyResults(
  context: ServiceContext,
  programId: string,
  companyId: string,
): Promise<CompanyResults> {
  const { db, actor } = context
  requireRole(actor, 'operator', 'company')
  requireCompanyAccess(actor, companyId, 'company')
  const program = await getProgram(context, programId)
  const company = await db
    .selectFrom('company')
    .select(['id', 'name'])
    .where('id', '=', companyId)
    .where('hubId', '=', program.hubId)
    .executeTakeFirst()
  if (!company) throw new AppError('not_found', `no company ${companyId}`)
  const ownPositions = await db
    .selectFrom('programPosition')
    .innerJoin('position', 'position.id', 'programPosition.positionId')
    .select(['position.id', 'position.title', 'position.capacity', 'programPosition.capacity as seats'])
    .where('programPosition.programId', '=', programId)
    .where('position.companyId', '=', companyId)
    .orderBy('position.title')
    .execute()
  const titleOf = new Map(ownPositions.map((p) => [p.id, p.title]))
  const rows = await db
    .selectFrom('placement')
    .innerJoin('position', 'position.id', 'placement.positionId')
    .innerJoin('candidate', 'candidate.id', 'placement.candidateId')
    .select([
      'placement.id',
      'placement.round',
      'placement.status',
      'placement.decidedAt',
      'placement.matchRunId',
      'position.id as positionId',
      'position.title as positionTitle',
      'candidate.id as candidateId',
      'candidate.fullName',
      'candidate.nationality',
      'candidate.residenceCountry',
      'candidate.email',
      'candidate.education',
      'candidate.skills',
    ])
    .where('placement.programId', '=', programId)
    .where('position.companyId', '=', companyId)
    .orderBy('placement.round')
    .orderBy('position.title')
    .orderBy('candidate.fullName')
    .execute()
  const runs = await db
    .selectFrom('matchRun')
    .select(['id', 'round', 'result', 'market', 'publishedAt'])
    .where('programId', '=', programId)
    .where('status', '=', 'published')
    .orderBy('round')
    .execute()
  // Which list each position used: its own, else the company's, else the one derived from scores. Lists are
  // frozen before any run, so the stored rows are the ones the runs read (less applicants who left).
  const lists = await db
    .selectFrom('ranking')
    .select(['positionId', 'entries'])
    .where('programId', '=', programId)
    .where('side', '=', 'company')
    .where('companyId', '=', companyId)
    .execute()
  const listOf = (positionId: string | null) => {
    const entries = lists.find((l) => l.positionId === positionId)?.entries as RankEntry[] | undefined
    return entries && entries.length > 0 ? entries : null
  }
  const companyList = listOf(null)
  const sourceOf = (positionId: string): RankListSource =>
    listOf(positionId) ? 'position' : companyList ? 'company' : 'scores'

  // Ranks are read on the list the company knows: its saved list, or, when it saved none, the score-derived
  // list of the first published round. (A run's market keeps only that round's candidates, so its own ranks
  // shift once placed candidates leave; those are the engine's cut-offs, kept in `cutoffs` below.)
  const firstMarket = runs[0] ? (JSON.parse(runs[0].market) as Market) : null
  const referenceRanks = new Map<string, Map<string, number>>()
  const ranksAt = (positionId: string): Map<string, number> => {
    let ranks = referenceRanks.get(positionId)
    if (!ranks) {
      const derived = firstMarket?.positions.find((p) => p.id === positionId)?.ranking
      ranks = weakRanks(listOf(positionId) ?? companyList ?? derived)
      referenceRanks.set(positionId, ranks)
    }
    return ranks
  }

  const positions: CompanyPositionOutcome[] = []
  const cutoffs: CompanyResults['cutoffs'][number][] = []
  for (const run of runs) {
    const result = JSON.parse(run.result) as MatchingResult
    for (const outcome of result.positions) {
      const title = titleOf.get(outcome.position)
      if (title === undefined) continue
      const held = rows.filter((r) => r.matchRunId === run.id && r.positionId === outcome.position)
      // The cut-off is the rank of the last admitted candidate, i.e. the worst rank among those admitted.
      const admittedRanks = result.assignments
        .filter((a) => a.position === outcome.position)
        .map((a) => ranksAt(outcome.position).get(a.candidate))
        .filter((rank): rank is number => rank !== undefined)
      positions.push({
        round: run.round,
        positionId: outcome.position,
        positionTitle: title,
        seats: outcome.capacity,
        filled: outcome.filled,
        cutoffRank: admittedRanks.length > 0 ? Math.max(...admittedRanks) : null,
        listSource: sourceOf(outcome.position),
        accepted: held.filter((r) => r.status === 'accepted').length,
        declined: held.filter((r) => r.status === 'declined').length,
        pending: held.filter((r) => r.status === 'offered').length,
      })
      cutoffs.push({
        round: run.round,
        positionId: outcome.position,
        positionTitle: title,
        capacity: outcome.capacity,
        filled: outcome.filled,
        cutoffRank: outcome.cutoffRank,
      })
    }
  }
  const placements: CompanyPlacement[] = rows.map((row) => ({
    id: row.id,
    round: row.round,
    status: row.status,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    positionId: row.positionId,
    positionTitle: row.positionTitle,
    candidateId: row.candidateId,
    fullName: row.fullName,
    nationality: row.nationality,
    residenceCountry: row.residenceCountry,
    email: row.email,
    university: universityOf(row.education),
    skills: (row.skills as { skill: string; level: number }[]).map(({ skill, level }) => ({ skill, level })),
    rankOnList: ranksAt(row.positionId).get(row.candidateId) ?? null,
  }))
  const seats = ownPositions.reduce((sum, p) => sum + (p.seats ?? p.capacity), 0)
  const count = (status: string) => placements.filter((p) => p.status === status).length
  const accepted = count('accepted')
  const pending = count('offered')
  await recordAudit(db, actor, [
    {
      action: 'read',
      entityType: 'placement',
      entityId: null,
      detail: { programId, companyId, list: placements.length },
    },
  ])
  const dateOf = (phase: string) => program.timeline.find((step) => step.phase === phase)?.startsOn ?? null
  return {
    companyId,
    companyName: company.name,
    programTitle: program.title,
    phase: program.phase,
    acceptanceDeadline: dateOf('acceptance_deadline'),
    secondRoundOn: dateOf('second_round'),
    rounds: runs.map((run) => ({ round: run.round, publishedAt: run.publishedAt?.toISOString() ?? null })),
    placements,
    positions,
    totals: {
      seats,
      accepted,
      pending,
      declined: count('declined'),
      open: Math.max(0, seats - accepted - pending),
    },
    cutoffs,
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
    .set({ status, decidedAt: context.now() })
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
