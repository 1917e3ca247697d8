import type { Kysely } from 'kysely'
import type { MatchRunSummary } from '../../domain/index.ts'
import type { Market, MatchingResult } from '../../matching/index.ts'
import { type Database, listCandidateNames, listPositionLabels } from '../../store/index.ts'
import type { StoredRun } from './load-run.ts'
import type { StoredOptions } from './solve-market-file.ts'

/** A run as the operator sees it: its files' digests, statistics, and seats and placements by country, company and position. */
export async function summariseMatchRun(db: Kysely<Database>, run: StoredRun): Promise<MatchRunSummary> {
  const result = JSON.parse(run.result) as MatchingResult
  const market = JSON.parse(run.market) as Market
  const options = JSON.parse(run.options) as StoredOptions
  const candidateIds = market.candidates.map((c) => c.id)
  const nationalityOf = new Map(
    (await listCandidateNames(db, candidateIds)).map((row) => [row.id, row.nationality]),
  )
  const matched = new Set(result.assignments.map((a) => a.candidate))
  const countries = new Map<string, { candidates: number; matched: number }>()
  for (const id of candidateIds) {
    const country = nationalityOf.get(id) ?? '??'
    const entry = countries.get(country) ?? { candidates: 0, matched: 0 }
    entry.candidates++
    if (matched.has(id)) entry.matched++
    countries.set(country, entry)
  }
  const companyRows = await listPositionLabels(
    db,
    market.positions.map((p) => p.id),
  )
  const companyOf = new Map(companyRows.map((row) => [row.id, row]))
  const companies = new Map<
    string,
    { companyId: string; companyName: string; seats: number; filled: number }
  >()
  for (const outcome of result.positions) {
    const company = companyOf.get(outcome.position)
    if (!company) continue
    const entry = companies.get(company.companyId) ?? {
      companyId: company.companyId,
      companyName: company.companyName,
      seats: 0,
      filled: 0,
    }
    entry.seats += outcome.capacity
    entry.filled += outcome.filled
    companies.set(company.companyId, entry)
  }
  return {
    id: run.id,
    programId: run.programId,
    round: run.round,
    mechanism: run.mechanism,
    seed: run.seed,
    status: run.status,
    engineVersion: run.engineVersion,
    createdAt: run.createdAt.toISOString(),
    publishedAt: run.publishedAt?.toISOString() ?? null,
    marketSha256: run.marketSha256,
    resultSha256: run.resultSha256,
    extraSeats: options.extraSeats,
    statistics: result.statistics,
    byCountry: [...countries.entries()]
      .map(([country, value]) => ({ country, ...value }))
      .sort((a, b) => b.candidates - a.candidates || a.country.localeCompare(b.country)),
    byCompany: [...companies.values()].sort((a, b) => a.companyName.localeCompare(b.companyName)),
    byPosition: result.positions
      .map((outcome) => ({
        positionId: outcome.position,
        title: companyOf.get(outcome.position)?.title ?? outcome.position,
        companyName: companyOf.get(outcome.position)?.companyName ?? '',
        seats: outcome.capacity,
        filled: outcome.filled,
        cutoffRank: outcome.cutoffRank,
      }))
      .sort(
        (a, b) =>
          a.companyName.localeCompare(b.companyName) ||
          a.title.localeCompare(b.title) ||
          a.positionId.localeCompare(b.positionId),
      ),
  }
}
