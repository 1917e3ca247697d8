import type { Kysely } from 'kysely'
import {
  AppError,
  type ApplicantFit,
  type ProgramPhase,
  RANKABLE_APPLICATION_STATUSES,
  type RankEntry,
  type RankingView,
  type ScoreDerivedRanking,
} from '../domain/index.ts'
import { EXCLUDED_SCORE, explainPair, scoreMatrix } from '../scoring/index.ts'
import type { Database } from '../store/index.ts'
import { candidateIdOf, requireCompanyAccess, requireRole } from './access/index.ts'
import { deriveScoreRankings, loadProgramScoring } from './program-scoring.ts'
import { getProgram, type ProgramOverview } from './programs/index.ts'
import { requireRankableApplication } from './require-rankable-application.ts'
import type { ServiceContext } from './service-context.ts'

/** What a ranking view says about its program besides the entries. */
function programFacts(program: ProgramOverview) {
  return {
    isFrozen: isRankingFrozen(program.phase),
    mechanism: program.matchingConfig.mechanism,
    phase: program.phase,
    freezesOn: program.timeline.find((step) => step.phase === 'ranking_freeze')?.startsOn ?? null,
  }
}

/** Phases in which rank lists may still change; from `ranking_freeze` on they are fixed. */
const RANKING_OPEN_PHASES: readonly ProgramPhase[] = ['call_open', 'eligibility_check', 'ranking']

/** True once a program's rank lists are frozen. */
export function isRankingFrozen(phase: ProgramPhase): boolean {
  return !RANKING_OPEN_PHASES.includes(phase)
}

function flatten(entries: readonly RankEntry[]): string[] {
  return entries.flatMap((entry) => (typeof entry === 'string' ? [entry] : [...entry]))
}

function checkEntries(entries: readonly RankEntry[], allowed: ReadonlySet<string>, what: string): void {
  const seen = new Set<string>()
  const issues: { path: string; message: string }[] = []
  entries.forEach((entry, index) => {
    const ids = typeof entry === 'string' ? [entry] : entry
    for (const id of ids) {
      if (seen.has(id)) issues.push({ path: `body.entries.${index}`, message: `${id} is ranked twice` })
      else if (!allowed.has(id))
        issues.push({ path: `body.entries.${index}`, message: `${id} is not a ${what} of this program` })
      seen.add(id)
    }
  })
  if (issues.length > 0)
    throw new AppError('validation_failed', `the rank list has ${issues.length} problem(s)`, issues)
}

/**
 * Throws when a company's list names applicants who take no part in the match: `application_ineligible`
 * when any was found not eligible, else `application_inactive` (withdrawn), naming every such entry. The
 * match would drop them silently; refusing tells the company now, while it can still rank someone else.
 */
function refuseUnrankableApplicants(
  entries: readonly RankEntry[],
  statusOf: ReadonlyMap<string, string>,
): void {
  const rankable: readonly string[] = RANKABLE_APPLICATION_STATUSES
  const issues: { path: string; message: string }[] = []
  let hasIneligible = false
  entries.forEach((entry, index) => {
    for (const id of typeof entry === 'string' ? [entry] : entry) {
      const status = statusOf.get(id)
      if (status === undefined || rankable.includes(status)) continue
      hasIneligible ||= status === 'ineligible'
      const why = status === 'ineligible' ? 'is not eligible' : 'withdrew their application'
      issues.push({ path: `body.entries.${index}`, message: `ranking[${index}]: applicant ${id} ${why}` })
    }
  })
  if (issues.length === 0) return
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
  throw new AppError(
    hasIneligible ? 'application_ineligible' : 'application_inactive',
    `${issues[0]!.message}${more}: only eligible applicants can be ranked; remove them and save again`,
    issues,
  )
}

async function readRanking(
  db: Kysely<Database>,
  where: {
    programId: string
    side: 'candidate' | 'company'
    candidateId?: string
    companyId?: string
    positionId?: string | null
  },
) {
  let query = db
    .selectFrom('ranking')
    .selectAll()
    .where('programId', '=', where.programId)
    .where('side', '=', where.side)
  query = where.candidateId
    ? query.where('candidateId', '=', where.candidateId)
    : query.where('candidateId', 'is', null)
  query = where.companyId
    ? query.where('companyId', '=', where.companyId)
    : query.where('companyId', 'is', null)
  query = where.positionId
    ? query.where('positionId', '=', where.positionId)
    : query.where('positionId', 'is', null)
  return query.executeTakeFirst()
}

async function writeRanking(
  db: Kysely<Database>,
  now: Date,
  key: {
    programId: string
    side: 'candidate' | 'company'
    candidateId: string | null
    companyId: string | null
    positionId: string | null
  },
  entries: readonly RankEntry[],
) {
  const existing = await readRanking(db, {
    programId: key.programId,
    side: key.side,
    ...(key.candidateId && { candidateId: key.candidateId }),
    ...(key.companyId && { companyId: key.companyId }),
    positionId: key.positionId,
  })
  if (existing) {
    await db
      .updateTable('ranking')
      .set({ entries: JSON.stringify(entries), updatedAt: now })
      .where('id', '=', existing.id)
      .execute()
  } else {
    await db
      .insertInto('ranking')
      .values({ ...key, entries: JSON.stringify(entries) })
      .execute()
  }
}

/** The signed-in candidate's rank list of a program's positions. */
export async function getCandidateRanking(context: ServiceContext, programId: string): Promise<RankingView> {
  requireRole(context.actor, 'candidate')
  const candidateId = candidateIdOf(context.actor)
  const program = await getProgram(context, programId)
  const row = candidateId
    ? await readRanking(context.db, { programId, side: 'candidate', candidateId })
    : undefined
  return {
    entries: (row?.entries as RankEntry[] | undefined) ?? [],
    updatedAt: row?.updatedAt.toISOString() ?? null,
    ...programFacts(program),
  }
}

/** Saves the signed-in candidate's rank list (positions of the program, best first; no ties). */
export async function saveCandidateRanking(
  context: ServiceContext,
  programId: string,
  entries: readonly string[],
): Promise<RankingView> {
  const { db, actor } = context
  requireRole(actor, 'candidate')
  const candidateId = candidateIdOf(actor)
  if (!candidateId) throw new AppError('not_found', 'this account has no candidate profile')
  const program = await getProgram(context, programId)
  if (isRankingFrozen(program.phase)) {
    throw new AppError('phase_closed', 'rank lists of this program are frozen and can no longer change')
  }
  // The match leaves out applicants found not eligible, so their list would be silently ignored: refuse it.
  await requireRankableApplication(db, programId, candidateId)
  const positions = await db
    .selectFrom('programPosition')
    .select('positionId')
    .where('programId', '=', programId)
    .execute()
  checkEntries(entries, new Set(positions.map((p) => p.positionId)), 'position')
  await writeRanking(
    db,
    context.now(),
    { programId, side: 'candidate', candidateId, companyId: null, positionId: null },
    entries,
  )
  return getCandidateRanking(context, programId)
}

/** A company's rank list of applicants (for all its positions, or one position when `positionId` is set). */
export async function getCompanyRanking(
  context: ServiceContext,
  programId: string,
  companyId: string,
  positionId: string | null = null,
): Promise<RankingView> {
  requireRole(context.actor, 'operator', 'company')
  requireCompanyAccess(context.actor, companyId, 'company')
  const program = await getProgram(context, programId)
  const row = await readRanking(context.db, { programId, side: 'company', companyId, positionId })
  return {
    entries: (row?.entries as RankEntry[] | undefined) ?? [],
    updatedAt: row?.updatedAt.toISOString() ?? null,
    ...programFacts(program),
  }
}

/** Throws `not_found` unless `positionId` is offered in the program by `companyId`. */
async function requireOwnProgramPosition(
  db: Kysely<Database>,
  programId: string,
  companyId: string,
  positionId: string,
): Promise<void> {
  const position = await db
    .selectFrom('programPosition')
    .innerJoin('position', 'position.id', 'programPosition.positionId')
    .select('position.companyId')
    .where('programPosition.programId', '=', programId)
    .where('position.id', '=', positionId)
    .executeTakeFirst()
  if (!position || position.companyId !== companyId)
    throw new AppError('not_found', `no position ${positionId}`)
}

/**
 * Saves a company's rank list of the program's applicants; tied applicants share an inner array. An empty
 * list removes the stored one, so the company (or position) counts as not having ranked: the match then
 * uses the company's list or the score-derived ranking, never "nobody is acceptable".
 */
export async function saveCompanyRanking(
  context: ServiceContext,
  programId: string,
  companyId: string,
  entries: readonly RankEntry[],
  positionId: string | null = null,
): Promise<RankingView> {
  const { db, actor } = context
  requireRole(actor, 'operator', 'company')
  requireCompanyAccess(actor, companyId, 'company')
  const program = await getProgram(context, programId)
  if (isRankingFrozen(program.phase)) {
    throw new AppError('phase_closed', 'rank lists of this program are frozen and can no longer change')
  }
  if (positionId) await requireOwnProgramPosition(db, programId, companyId, positionId)
  const applicants = await db
    .selectFrom('application')
    .select(['candidateId', 'status'])
    .where('programId', '=', programId)
    .execute()
  const statusOf = new Map(applicants.map((a) => [a.candidateId, a.status]))
  checkEntries(entries, new Set(statusOf.keys()), 'applicant')
  refuseUnrankableApplicants(entries, statusOf)
  const key = { programId, side: 'company' as const, candidateId: null, companyId, positionId }
  if (entries.length === 0) {
    const existing = await readRanking(db, { programId, side: 'company', companyId, positionId })
    if (existing) await db.deleteFrom('ranking').where('id', '=', existing.id).execute()
  } else {
    await writeRanking(db, context.now(), key, entries)
  }
  return getCompanyRanking(context, programId, companyId, positionId)
}

/**
 * The ranking a company would get from fit scores for one of its positions (exactly the list the match uses
 * for a position nobody ranked), or for all its positions at once (each applicant by their best fit over the
 * company's positions). Companies start from it and edit.
 */
export async function getScoreDerivedCompanyRanking(
  context: ServiceContext,
  programId: string,
  companyId: string,
  positionId: string | null = null,
): Promise<ScoreDerivedRanking> {
  const { db, actor } = context
  requireRole(actor, 'operator', 'company')
  requireCompanyAccess(actor, companyId, 'company')
  await getProgram(context, programId)
  if (positionId) await requireOwnProgramPosition(db, programId, companyId, positionId)
  const scoring = await loadProgramScoring(db, programId)
  const { candidateIds, positionIds } = scoring.index
  const ownColumns = positionIds.flatMap((id, column) =>
    (positionId ? id === positionId : scoring.positions.get(id)?.companyId === companyId) ? [column] : [],
  )
  if (ownColumns.length === 0) return { positionId, entries: [], fits: [] }
  const matrix = scoreMatrix(scoring.index)
  const fits: ApplicantFit[] = []
  candidateIds.forEach((candidateId, row) => {
    let best = EXCLUDED_SCORE
    for (const column of ownColumns) best = Math.max(best, matrix[row * positionIds.length + column]!)
    if (best !== EXCLUDED_SCORE) {
      fits.push({ candidateId, score: best, isExcluded: false })
      return
    }
    // Excluded everywhere: report the score the applicant would have had, so the company can judge.
    let soft = 0
    for (const column of ownColumns) soft = Math.max(soft, explainPair(scoring.index, row, column).softScore)
    fits.push({ candidateId, score: soft, isExcluded: true })
  })
  let entries: RankEntry[]
  if (positionId) {
    entries = deriveScoreRankings(scoring).get(positionId) ?? []
  } else {
    const kept = fits
      .filter((fit) => !fit.isExcluded)
      .sort((a, b) => b.score - a.score || (a.candidateId < b.candidateId ? -1 : 1))
    const tiers: string[][] = []
    let lastScore: number | null = null
    for (const fit of kept) {
      if (fit.score !== lastScore) tiers.push([])
      tiers[tiers.length - 1]!.push(fit.candidateId)
      lastScore = fit.score
    }
    entries = tiers.map((tier) => (tier.length === 1 ? tier[0]! : tier))
  }
  return { positionId, entries, fits }
}

/** Ids in a rank list, in order, ties flattened. */
export function rankedIds(entries: readonly RankEntry[]): string[] {
  return flatten(entries)
}
