import type { Kysely } from 'kysely'
import {
  AppError,
  type MatchingConfig,
  RANKABLE_APPLICATION_STATUSES,
  type RankEntry,
} from '../../domain/index.ts'
import type { Market } from '../../matching/index.ts'
import type { Database } from '../../store/index.ts'
import { deriveScoreRankings, listPairScores, loadProgramScoring } from '../scoring/index.ts'

/** Which round a market is built for: round 1 takes every eligible applicant and every seat; later rounds
 * keep accepted and pending placements fixed and offer the remaining seats to applicants without one. */
export interface MarketScope {
  readonly round: number
  /** Add every allowed pair's fit score (for max-fit runs). */
  readonly isScored?: boolean
}

/** Keeps only ids in `known` (rank lists may name applicants who left or seats no longer offered). */
function keepKnown(entries: readonly RankEntry[], known: ReadonlySet<string>): RankEntry[] {
  const kept: RankEntry[] = []
  for (const entry of entries) {
    if (typeof entry === 'string') {
      if (known.has(entry)) kept.push(entry)
      continue
    }
    const tied = entry.filter((id) => known.has(id))
    if (tied.length === 1) kept.push(tied[0]!)
    else if (tied.length > 1) kept.push(tied)
  }
  return kept
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * Builds the engine's market snapshot of a program from its stored applications, positions and frozen rank
 * lists. Ids are sorted so that the same data always gives the same file.
 */
export async function buildProgramMarket(
  db: Kysely<Database>,
  programId: string,
  scope: MarketScope,
): Promise<Market> {
  const program = await db.selectFrom('program').selectAll().where('id', '=', programId).executeTakeFirst()
  if (!program) throw new AppError('not_found', `no program ${programId}`)
  const config = program.matchingConfig as MatchingConfig

  const placements = await db
    .selectFrom('placement')
    .select(['candidateId', 'positionId', 'status'])
    .where('programId', '=', programId)
    .where('status', 'in', ['accepted', 'offered', 'declined'])
    .execute()
  // A candidate who holds or declined an offer does not take part in later rounds; held seats are taken.
  const excluded = new Set(scope.round > 1 ? placements.map((p) => p.candidateId) : [])
  const heldSeats = new Map<string, number>()
  if (scope.round > 1) {
    for (const p of placements) {
      if (p.status !== 'declined') heldSeats.set(p.positionId, (heldSeats.get(p.positionId) ?? 0) + 1)
    }
  }

  // Once eligibility has been checked, only eligible applicants take part.
  const hasChecked = await db
    .selectFrom('application')
    .select('id')
    .where('programId', '=', programId)
    .where('status', 'in', ['eligible', 'ineligible'])
    .executeTakeFirst()
  const applicants = await db
    .selectFrom('application')
    .innerJoin('candidate', 'candidate.id', 'application.candidateId')
    .select(['candidate.id', 'candidate.nationality', 'candidate.education'])
    .where('application.programId', '=', programId)
    .where('application.status', 'in', hasChecked ? ['eligible'] : RANKABLE_APPLICATION_STATUSES)
    .execute()

  const rankings = await db.selectFrom('ranking').selectAll().where('programId', '=', programId).execute()
  const candidateRanking = new Map<string, RankEntry[]>()
  const companyRanking = new Map<string, RankEntry[]>()
  const positionRanking = new Map<string, RankEntry[]>()
  for (const ranking of rankings) {
    const entries = ranking.entries as RankEntry[]
    if (ranking.side === 'candidate' && ranking.candidateId)
      candidateRanking.set(ranking.candidateId, entries)
    else if (ranking.positionId) positionRanking.set(ranking.positionId, entries)
    else if (ranking.companyId) companyRanking.set(ranking.companyId, entries)
  }

  const groupOf = (applicant: { nationality: string; education: unknown }): string | undefined => {
    if (!config.groupCap) return undefined
    if (config.groupCap.attribute === 'nationality') return applicant.nationality
    const education = applicant.education as { institution?: string }[]
    return education[0]?.institution
  }

  const candidates = applicants
    .filter((a) => !excluded.has(a.id))
    .sort(byId)
    .map((a) => {
      const group = groupOf(a)
      return { id: a.id, ranking: candidateRanking.get(a.id) ?? [], ...(group !== undefined && { group }) }
    })

  const positionRows = await db
    .selectFrom('programPosition')
    .innerJoin('position', 'position.id', 'programPosition.positionId')
    .select(['position.id', 'position.companyId', 'position.capacity', 'programPosition.capacity as seats'])
    .where('programPosition.programId', '=', programId)
    .execute()
  const positions = positionRows.sort(byId).map((p) => {
    const seats = Math.max(0, (p.seats ?? p.capacity) - (heldSeats.get(p.id) ?? 0))
    const ranking = positionRanking.get(p.id)
    return { id: p.id, capacity: seats, company: p.companyId, ...(ranking && { ranking }) }
  })
  const companyIds = [...new Set(positions.map((p) => p.company))].sort()
  const candidateSet = new Set(candidates.map((c) => c.id))
  const positionSet = new Set(positions.map((p) => p.id))
  for (const candidate of candidates) candidate.ranking = keepKnown(candidate.ranking, positionSet)
  for (const position of positions) {
    if (position.ranking) position.ranking = keepKnown(position.ranking, candidateSet)
  }
  // A side that did not rank gets rank lists derived from fit scores, ties kept as ties: companies per
  // position, candidates over the positions that fit them.
  const rankedCompanies = new Set(
    [...companyRanking.keys()].filter((id) => (companyRanking.get(id) ?? []).length > 0),
  )
  const needsScores =
    scope.isScored === true ||
    positions.some((p) => !p.ranking && !rankedCompanies.has(p.company)) ||
    candidates.some((c) => c.ranking.length === 0)
  const scoring = needsScores ? await loadProgramScoring(db, programId) : null
  const derived = scoring ? deriveScoreRankings(scoring) : new Map<string, RankEntry[]>()
  for (const position of positions) {
    if (!position.ranking && !rankedCompanies.has(position.company)) {
      ;(position as { ranking?: RankEntry[] }).ranking = keepKnown(
        derived.get(position.id) ?? [],
        candidateSet,
      )
    }
  }
  if (scoring) {
    const byCandidate = new Map<string, { position: string; score: number }[]>()
    for (const pair of listPairScores(scoring)) {
      const list = byCandidate.get(pair.candidate) ?? []
      list.push(pair)
      byCandidate.set(pair.candidate, list)
    }
    for (const candidate of candidates) {
      if (candidate.ranking.length > 0) continue
      const fits = (byCandidate.get(candidate.id) ?? []).filter((pair) => positionSet.has(pair.position))
      fits.sort((a, b) => b.score - a.score || (a.position < b.position ? -1 : 1))
      candidate.ranking = fits.slice(0, 10).map((pair) => pair.position)
    }
  }
  const scores =
    scope.isScored && scoring
      ? listPairScores(scoring).filter(
          (pair) => candidateSet.has(pair.candidate) && positionSet.has(pair.position),
        )
      : undefined
  const companies = companyIds.map((id) => ({
    id,
    // The operator's cap on placements at this company across its positions (null = no cap).
    capacity: config.companyCaps?.[id] ?? null,
    ranking: keepKnown(companyRanking.get(id) ?? [], candidateSet),
    ...(config.groupCap && { groupCap: config.groupCap.maxPerCompany }),
  }))
  return {
    version: 1,
    name: `${program.title} — round ${scope.round}`,
    candidates,
    positions,
    companies,
    ...(scores && { scores }),
  }
}
