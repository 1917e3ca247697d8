import type { Kysely } from 'kysely'
import {
  AppError,
  type CompanyPlacement,
  type CompanyPositionOutcome,
  type CompanyResults,
  type RankEntry,
  type RankListSource,
} from '../../domain/index.ts'
import type { Market, MatchingResult } from '../../matching/index.ts'
import { type Database, selectPublishedRuns } from '../../store/index.ts'
import { requireCompanyAccess, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'

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

/** What the company's results are read from: its positions, placements, the published runs, its lists. */
async function loadCompanyResultRows(db: Kysely<Database>, programId: string, companyId: string) {
  const ownPositions = await db
    .selectFrom('programPosition')
    .innerJoin('position', 'position.id', 'programPosition.positionId')
    .select(['position.id', 'position.title', 'position.capacity', 'programPosition.capacity as seats'])
    .where('programPosition.programId', '=', programId)
    .where('position.companyId', '=', companyId)
    .orderBy('position.title')
    .execute()
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
  const runs = await selectPublishedRuns(db, programId)
    .select(['id', 'round', 'result', 'market', 'publishedAt'])
    .execute()
  // Lists are frozen before any run, so the stored rows are the ones the runs read (less applicants who left).
  const lists = await db
    .selectFrom('ranking')
    .select(['positionId', 'entries'])
    .where('programId', '=', programId)
    .where('side', '=', 'company')
    .where('companyId', '=', companyId)
    .execute()
  return { ownPositions, rows, runs, lists }
}

type CompanyResultRows = Awaited<ReturnType<typeof loadCompanyResultRows>>

/**
 * Which list each position used (its own, else the company's, else the one derived from scores) and the
 * ranks read on the list the company knows: its saved list, or, when it saved none, the score-derived list
 * of the first published round. (A run's market keeps only that round's candidates, so its own ranks shift
 * once placed candidates leave; those are the engine's cut-offs, reported separately.)
 */
function readCompanyLists({ lists, runs }: CompanyResultRows) {
  const listOf = (positionId: string | null) => {
    const entries = lists.find((l) => l.positionId === positionId)?.entries as RankEntry[] | undefined
    return entries && entries.length > 0 ? entries : null
  }
  const companyList = listOf(null)
  const sourceOf = (positionId: string): RankListSource =>
    listOf(positionId) ? 'position' : companyList ? 'company' : 'scores'
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
  return { sourceOf, ranksAt }
}

/** Every round's outcome at each of the company's positions, and the engine's cut-offs there. */
function collectPositionOutcomes(data: CompanyResultRows, lists: ReturnType<typeof readCompanyLists>) {
  const titleOf = new Map(data.ownPositions.map((p) => [p.id, p.title]))
  const positions: CompanyPositionOutcome[] = []
  const cutoffs: CompanyResults['cutoffs'][number][] = []
  for (const run of data.runs) {
    const result = JSON.parse(run.result) as MatchingResult
    for (const outcome of result.positions) {
      const title = titleOf.get(outcome.position)
      if (title === undefined) continue
      const held = data.rows.filter((r) => r.matchRunId === run.id && r.positionId === outcome.position)
      // The cut-off is the rank of the last admitted candidate, i.e. the worst rank among those admitted.
      const admittedRanks = result.assignments
        .filter((a) => a.position === outcome.position)
        .map((a) => lists.ranksAt(outcome.position).get(a.candidate))
        .filter((rank): rank is number => rank !== undefined)
      positions.push({
        round: run.round,
        positionId: outcome.position,
        positionTitle: title,
        seats: outcome.capacity,
        filled: outcome.filled,
        cutoffRank: admittedRanks.length > 0 ? Math.max(...admittedRanks) : null,
        listSource: lists.sourceOf(outcome.position),
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
  return { positions, cutoffs }
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
  const data = await loadCompanyResultRows(db, programId, companyId)
  const lists = readCompanyLists(data)
  const { positions, cutoffs } = collectPositionOutcomes(data, lists)
  const placements: CompanyPlacement[] = data.rows.map((row) => ({
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
    rankOnList: lists.ranksAt(row.positionId).get(row.candidateId) ?? null,
  }))
  const seats = data.ownPositions.reduce((sum, p) => sum + (p.seats ?? p.capacity), 0)
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
    rounds: data.runs.map((run) => ({
      round: run.round,
      publishedAt: run.publishedAt?.toISOString() ?? null,
    })),
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
