import { AppError, type AppErrorIssue } from '../domain/app-error.ts'
import type { Market, RankingEntry } from './market-schema.ts'

/** Stands for "no cap" in the Int32 capacity arrays. */
export const UNLIMITED = 0x7fffffff

const MAX_ISSUES = 50

/**
 * The market mapped to dense integers once, in flat typed arrays (CSR over candidate lists).
 * An "entry" is one (candidate, position) pair of a candidate's list, in list order.
 */
export interface CompiledMarket {
  /** The market gave `scores` or `scoreMatrix` (possibly empty). */
  readonly hasScores: boolean
  readonly candidateCount: number
  readonly positionCount: number
  readonly companyCount: number
  readonly groupCount: number
  readonly cellCount: number
  readonly entryCount: number
  readonly candidateIds: readonly string[]
  readonly positionIds: readonly string[]
  readonly companyIds: readonly string[]
  readonly groupIds: readonly string[]
  /** Group index of each candidate, -1 for none. */
  readonly candidateGroup: Int32Array
  /** CSR offsets into the entry arrays, length candidateCount + 1. */
  readonly candidateStart: Int32Array
  readonly entryPosition: Int32Array
  readonly entryCandidate: Int32Array
  /** Weak rank (1 = first entry; tied ids share a rank) in the candidate's list. */
  readonly entryCandidateRank: Int32Array
  /** Weak rank of the candidate in the position's effective ranking; 0 = not ranked (not acceptable). */
  readonly entryPositionRank: Int32Array
  /** Group-cap cell (company × group) the pair would occupy, -1 when no group cap applies; empty when cellCount is 0. */
  readonly entryCell: Int32Array
  readonly candidateHasTies: Uint8Array
  readonly positionCapacity: Int32Array
  /** Company index, -1 for none. */
  readonly positionCompany: Int32Array
  readonly positionUsesCompanyRanking: Uint8Array
  /** Company cap, UNLIMITED for none. */
  readonly companyCapacity: Int32Array
  /** Per-group cap at the company, UNLIMITED for none. */
  readonly companyGroupCap: Int32Array
  readonly companyPositionStart: Int32Array
  readonly companyPositionList: Int32Array
  readonly cellCompany: Int32Array
  readonly cellGroup: Int32Array
  readonly tiedRankingCount: number
  readonly hasCompanyCaps: boolean
  readonly hasGroupCaps: boolean
  /** CSR by candidate over scored pairs (from `scores` and `scoreMatrix`). */
  readonly scoreStart: Int32Array
  readonly scorePosition: Int32Array
  readonly scoreValue: Float64Array
}

/**
 * A valid market with every id resolved to a dense index, in flat arrays: what both readers (market objects
 * in {@link compileMarket}, JSON text in `readMarket`) produce and {@link assembleMarket} completes. Rankings
 * are CSR over "owners": positions 0..nP−1 (own rankings), then companies nP..nP+nK−1.
 */
export interface MarketTables {
  readonly candidateIds: readonly string[]
  readonly positionIds: readonly string[]
  readonly companyIds: readonly string[]
  readonly groupIds: readonly string[]
  readonly candidateGroup: Int32Array
  readonly candidateStart: Int32Array
  readonly entryPosition: Int32Array
  readonly entryCandidateRank: Int32Array
  readonly positionCapacity: Int32Array
  readonly positionCompany: Int32Array
  readonly companyCapacity: Int32Array
  readonly companyGroupCap: Int32Array
  /** 1 when the owner (position, then company) has a ranking. */
  readonly hasRanking: Uint8Array
  readonly rankingStart: Int32Array
  readonly rankedCandidate: Int32Array
  /** Weak rank (1-based) of each ranked candidate. */
  readonly rankedRank: Int32Array
  /** Sparse scores in file order. */
  readonly scoreCandidate: Int32Array
  readonly scorePosition: Int32Array
  readonly scoreValue: Float64Array
  /** Dense scores: row and column indices and the row-major values; null when absent. */
  readonly matrixRows: Int32Array | null
  readonly matrixColumns: Int32Array | null
  readonly matrixValues: ArrayLike<number> | null
  readonly hasScores: boolean
}

const cache = new WeakMap<Market, CompiledMarket>()

function fail(message: string, issues: AppErrorIssue[]): never {
  throw new AppError(
    'invalid_market',
    `${message}: ${issues[0]?.path ?? ''} ${issues[0]?.message ?? ''}`,
    issues,
  )
}

/** An id → dense index dictionary: a null-prototype object, where V8 finds strings ~3× faster than in a Map. */
export type IdIndex = Record<string, number | undefined>

/** Builds an {@link IdIndex}, reporting duplicate ids as issues at `what[i].id`. */
export function indexIds(
  items: readonly { readonly id: string }[],
  what: string,
  issues: AppErrorIssue[],
): IdIndex {
  const index: IdIndex = Object.create(null)
  for (let i = 0; i < items.length; i++) {
    const id = items[i]!.id
    const first = index[id]
    if (first !== undefined) {
      if (issues.length < MAX_ISSUES)
        issues.push({
          path: `${what}[${i}].id`,
          message: `duplicate id '${id}' (first at ${what}[${first}])`,
        })
    } else index[id] = i
  }
  return index
}

/**
 * Maps ids to dense integers and builds the flat arrays every solver uses. Throws `invalid_market`
 * naming the entry and JSON path for unknown or duplicate ids and inconsistent rankings. Cached per
 * market object (markets are immutable); an already compiled market (from `readMarket`) is returned as is.
 */
export function compileMarket(market: Market | CompiledMarket): CompiledMarket {
  if ('entryCount' in market) return market
  const cached = cache.get(market)
  if (cached) return cached
  const compiled = assembleMarket(resolveMarket(market))
  cache.set(market, compiled)
  return compiled
}

/** Resolves a market object's ids into {@link MarketTables}, validating every reference. */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: engine hot loop: one validating pass maps every id to a dense integer (split passes would re-walk the market)
function resolveMarket(market: Market): MarketTables {
  const issues: AppErrorIssue[] = []
  const note = (path: string, message: string): void => {
    if (issues.length < MAX_ISSUES) issues.push({ path, message })
  }
  const candidates = market.candidates
  const positions = market.positions
  const companies = market.companies ?? []
  const nC = candidates.length
  const nP = positions.length
  const nK = companies.length
  const candidateIndex = indexIds(candidates, 'candidates', issues)
  const positionIndex = indexIds(positions, 'positions', issues)
  const companyIndex = indexIds(companies, 'companies', issues)
  if (issues.length > 0) fail('duplicate ids', issues)

  // Companies.
  const companyCapacity = new Int32Array(nK)
  const companyGroupCap = new Int32Array(nK)
  for (let k = 0; k < nK; k++) {
    const company = companies[k]!
    const capacity = company.capacity
    companyCapacity[k] = capacity === null || capacity === undefined ? UNLIMITED : capacity
    companyGroupCap[k] = company.groupCap === undefined ? UNLIMITED : company.groupCap
    const constrained = companyCapacity[k] !== UNLIMITED || companyGroupCap[k] !== UNLIMITED
    if (constrained && company.ranking === undefined)
      note(`companies[${k}].ranking`, `company '${company.id}' has a cap, so it needs a ranking`)
  }
  // Positions.
  const positionCapacity = new Int32Array(nP)
  const positionCompany = new Int32Array(nP).fill(-1)
  for (let p = 0; p < nP; p++) {
    const position = positions[p]!
    positionCapacity[p] = position.capacity
    if (position.capacity < 0 || !Number.isInteger(position.capacity))
      note(`positions[${p}].capacity`, `capacity of '${position.id}' must be an integer ≥ 0`)
    if (position.company !== undefined) {
      const k = companyIndex[position.company]
      if (k === undefined) {
        note(`positions[${p}].company`, `unknown company '${position.company}'`)
        continue
      }
      positionCompany[p] = k
      const constrained = companyCapacity[k] !== UNLIMITED || companyGroupCap[k] !== UNLIMITED
      if (position.ranking !== undefined && constrained)
        note(
          `positions[${p}].ranking`,
          `position '${position.id}' has its own ranking but company '${position.company}' caps candidates across its positions; SPA-S uses one ranking per company, so give the ranking to the company`,
        )
    }
  }
  if (issues.length > 0) fail('invalid positions or companies', issues)

  // Groups, in order of first appearance.
  const groupIndex = new Map<string, number>()
  const groupIds: string[] = []
  const candidateGroup = new Int32Array(nC).fill(-1)
  for (let c = 0; c < nC; c++) {
    const group = candidates[c]!.group
    if (group === undefined) continue
    let g = groupIndex.get(group)
    if (g === undefined) {
      g = groupIds.length
      groupIndex.set(group, g)
      groupIds.push(group)
    }
    candidateGroup[c] = g
  }

  // Candidate lists (CSR).
  const candidateStart = new Int32Array(nC + 1)
  for (let c = 0; c < nC; c++) candidateStart[c + 1] = candidateStart[c]! + countIds(candidates[c]!.ranking)
  const nE = candidateStart[nC]!
  const entryPosition = new Int32Array(nE)
  const entryCandidateRank = new Int32Array(nE)
  const seenBy = new Int32Array(Math.max(nP, nC)).fill(-1)
  {
    let e = 0
    for (let c = 0; c < nC; c++) {
      const ranking = candidates[c]!.ranking
      for (let r = 0; r < ranking.length; r++) {
        const item = ranking[r]!
        const isSingle = typeof item === 'string'
        const count = isSingle ? 1 : item.length
        for (let t = 0; t < count; t++) {
          const id = isSingle ? item : item[t]!
          const p = positionIndex[id]
          entryCandidateRank[e] = r + 1
          if (p === undefined) {
            note(`candidates[${c}].ranking[${r}]${isSingle ? '' : `[${t}]`}`, `unknown position '${id}'`)
            entryPosition[e++] = 0
            continue
          }
          if (seenBy[p] === c)
            note(
              `candidates[${c}].ranking[${r}]${isSingle ? '' : `[${t}]`}`,
              `position '${id}' listed twice by candidate '${candidates[c]!.id}'`,
            )
          seenBy[p] = c
          entryPosition[e++] = p
        }
      }
    }
  }
  if (issues.length > 0) fail('invalid candidate ranking', issues)

  // Rankings of positions, then of companies (CSR over owners).
  const hasRanking = new Uint8Array(nP + nK)
  const rankingStart = new Int32Array(nP + nK + 1)
  const rankingOf = (o: number): readonly RankingEntry[] | undefined =>
    o < nP ? positions[o]!.ranking : companies[o - nP]!.ranking
  for (let o = 0; o < nP + nK; o++) {
    const ranking = rankingOf(o)
    if (ranking !== undefined) hasRanking[o] = 1
    rankingStart[o + 1] = rankingStart[o]! + (ranking === undefined ? 0 : countIds(ranking))
  }
  const rankedCandidate = new Int32Array(rankingStart[nP + nK]!)
  const rankedRank = new Int32Array(rankingStart[nP + nK]!)
  const tagOf = seenBy.fill(-1)
  for (let o = 0; o < nP + nK; o++) {
    const ranking = rankingOf(o)
    if (ranking === undefined) continue
    const path = o < nP ? `positions[${o}].ranking` : `companies[${o - nP}].ranking`
    let at = rankingStart[o]!
    for (let r = 0; r < ranking.length; r++) {
      const item: RankingEntry = ranking[r]!
      const isSingle: boolean = typeof item === 'string'
      const count = isSingle ? 1 : item.length
      for (let t = 0; t < count; t++) {
        const id: string = typeof item === 'string' ? item : item[t]!
        const c = candidateIndex[id]
        rankedRank[at] = r + 1
        if (c === undefined) {
          note(`${path}[${r}]${isSingle ? '' : `[${t}]`}`, `unknown candidate '${id}'`)
          rankedCandidate[at++] = 0
          continue
        }
        if (tagOf[c] === o) note(`${path}[${r}]${isSingle ? '' : `[${t}]`}`, `candidate '${id}' ranked twice`)
        tagOf[c] = o
        rankedCandidate[at++] = c
      }
    }
  }
  if (issues.length > 0) fail('invalid position or company ranking', issues)

  // Scores.
  const scores = market.scores ?? []
  const matrix = market.scoreMatrix
  if (scores.length > 0 && matrix) note('scoreMatrix', 'give either scores or scoreMatrix, not both')
  const scoreCandidate = new Int32Array(scores.length)
  const scorePosition = new Int32Array(scores.length)
  const scoreValue = new Float64Array(scores.length)
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!
    const c = candidateIndex[s.candidate]
    const p = positionIndex[s.position]
    if (c === undefined) note(`scores[${i}].candidate`, `unknown candidate '${s.candidate}'`)
    if (p === undefined) note(`scores[${i}].position`, `unknown position '${s.position}'`)
    if (!Number.isFinite(s.score)) note(`scores[${i}].score`, 'score must be a finite number')
    scoreCandidate[i] = c ?? 0
    scorePosition[i] = p ?? 0
    scoreValue[i] = s.score
  }
  let matrixRows: Int32Array | null = null
  let matrixColumns: Int32Array | null = null
  if (matrix) {
    matrixRows = new Int32Array(matrix.candidates.length)
    matrixColumns = new Int32Array(matrix.positions.length)
    const seenRow = new Uint8Array(nC)
    const seenColumn = new Uint8Array(nP)
    for (let i = 0; i < matrix.candidates.length; i++) {
      const c = candidateIndex[matrix.candidates[i]!]
      if (c === undefined) note(`scoreMatrix.candidates[${i}]`, `unknown candidate '${matrix.candidates[i]}'`)
      else if (seenRow[c] === 1)
        note(`scoreMatrix.candidates[${i}]`, `duplicate id '${matrix.candidates[i]}'`)
      else seenRow[c] = 1
      matrixRows[i] = c ?? -1
    }
    for (let j = 0; j < matrix.positions.length; j++) {
      const p = positionIndex[matrix.positions[j]!]
      if (p === undefined) note(`scoreMatrix.positions[${j}]`, `unknown position '${matrix.positions[j]}'`)
      else if (seenColumn[p] === 1)
        note(`scoreMatrix.positions[${j}]`, `duplicate id '${matrix.positions[j]}'`)
      else seenColumn[p] = 1
      matrixColumns[j] = p ?? -1
    }
    if (matrix.values.length !== matrix.candidates.length * matrix.positions.length)
      note(
        'scoreMatrix.values',
        `expected ${matrix.candidates.length * matrix.positions.length} values (candidates × positions), got ${matrix.values.length}`,
      )
  }
  if (issues.length > 0) fail('invalid scores', issues)
  return {
    candidateIds: candidates.map((c) => c.id),
    positionIds: positions.map((p) => p.id),
    companyIds: companies.map((k) => k.id),
    groupIds,
    candidateGroup,
    candidateStart,
    entryPosition,
    entryCandidateRank,
    positionCapacity,
    positionCompany,
    companyCapacity,
    companyGroupCap,
    hasRanking,
    rankingStart,
    rankedCandidate,
    rankedRank,
    scoreCandidate,
    scorePosition,
    scoreValue,
    matrixRows,
    matrixColumns,
    matrixValues: matrix ? matrix.values : null,
    hasScores: market.scores !== undefined || market.scoreMatrix !== undefined,
  }
}

/** Number of ids in a ranking (tied groups count each id). */
function countIds(ranking: readonly RankingEntry[]): number {
  let length = ranking.length
  for (let r = 0; r < ranking.length; r++) {
    const item = ranking[r]!
    if (typeof item !== 'string') length += item.length - 1
  }
  return length
}

/** True when consecutive ids share a weak rank, i.e. the ranking has a tie. */
function hasTie(rank: Int32Array, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) if (rank[i] === rank[i - 1]) return true
  return false
}

/**
 * Completes valid {@link MarketTables} into the compiled market: position-side ranks of every list entry,
 * company position lists, group-cap cells and the scores as CSR by candidate. Throws `invalid_market` only
 * for a pair scored twice.
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: engine hot loop: builds the CSR tables in one pass over flat typed arrays
export function assembleMarket(tables: MarketTables): CompiledMarket {
  const { candidateIds, positionIds, companyIds, groupIds, candidateGroup, candidateStart } = tables
  const { entryPosition, entryCandidateRank, positionCapacity, positionCompany } = tables
  const { companyCapacity, companyGroupCap, hasRanking, rankingStart, rankedCandidate, rankedRank } = tables
  const nC = candidateIds.length
  const nP = positionIds.length
  const nK = companyIds.length
  const nE = candidateStart[nC]!

  let tiedRankingCount = 0
  let hasCompanyCaps = false
  let hasGroupCaps = false
  for (let k = 0; k < nK; k++) {
    if (companyCapacity[k] !== UNLIMITED) hasCompanyCaps = true
    if (companyGroupCap[k] !== UNLIMITED) hasGroupCaps = true
    const o = nP + k
    if (hasRanking[o] === 1 && hasTie(rankedRank, rankingStart[o]!, rankingStart[o + 1]!)) tiedRankingCount++
  }
  const positionUsesCompanyRanking = new Uint8Array(nP)
  const companyPositionCount = new Int32Array(nK + 1)
  for (let p = 0; p < nP; p++) {
    if (hasRanking[p] === 1 && hasTie(rankedRank, rankingStart[p]!, rankingStart[p + 1]!)) tiedRankingCount++
    const k = positionCompany[p]!
    if (k < 0) continue
    companyPositionCount[k]!++
    if (hasRanking[p] === 0) positionUsesCompanyRanking[p] = 1
  }
  const companyPositionStart = new Int32Array(nK + 1)
  for (let k = 0; k < nK; k++)
    companyPositionStart[k + 1] = companyPositionStart[k]! + companyPositionCount[k]!
  const companyPositionList = new Int32Array(companyPositionStart[nK]!)
  {
    const fill = companyPositionStart.slice(0, nK)
    for (let p = 0; p < nP; p++) {
      const k = positionCompany[p]!
      if (k >= 0) companyPositionList[fill[k]!++] = p
    }
  }

  const candidateHasTies = new Uint8Array(nC)
  const entryCandidate = new Int32Array(nE)
  for (let c = 0; c < nC; c++) {
    const start = candidateStart[c]!
    const end = candidateStart[c + 1]!
    let isTied = false
    for (let e = start; e < end; e++) {
      entryCandidate[e] = c
      if (e > start && entryCandidateRank[e] === entryCandidateRank[e - 1]) isTied = true
    }
    if (isTied) {
      candidateHasTies[c] = 1
      tiedRankingCount++
    }
  }

  // Entries grouped by position (counting sort), to fill in the position-side rank of each pair.
  const positionEntryStart = new Int32Array(nP + 1)
  for (let e = 0; e < nE; e++) positionEntryStart[entryPosition[e]! + 1]!++
  for (let p = 0; p < nP; p++) positionEntryStart[p + 1]! += positionEntryStart[p]!
  const positionEntryList = new Int32Array(nE)
  // The candidate of each grouped entry, beside it: the ranking pass below then reads it in order.
  const positionEntryCandidate = new Int32Array(nE)
  {
    const fill = positionEntryStart.slice(0, nP)
    for (let e = 0; e < nE; e++) {
      const at = fill[entryPosition[e]!]!++
      positionEntryList[at] = e
      positionEntryCandidate[at] = entryCandidate[e]!
    }
  }
  const entryPositionRank = new Int32Array(nE)
  const rankOf = new Int32Array(nC)
  const tagOf = new Int32Array(nC).fill(-1)
  const loadRanking = (o: number): void => {
    for (let i = rankingStart[o]!; i < rankingStart[o + 1]!; i++) {
      const c = rankedCandidate[i]!
      tagOf[c] = o
      rankOf[c] = rankedRank[i]!
    }
  }
  const applyRanking = (p: number, tag: number): void => {
    for (let i = positionEntryStart[p]!; i < positionEntryStart[p + 1]!; i++) {
      const c = positionEntryCandidate[i]!
      entryPositionRank[positionEntryList[i]!] = tagOf[c] === tag ? rankOf[c]! : 0
    }
  }
  for (let p = 0; p < nP; p++) {
    if (hasRanking[p] === 0) continue
    loadRanking(p)
    applyRanking(p, p)
  }
  for (let k = 0; k < nK; k++) {
    const o = nP + k
    if (hasRanking[o] === 0) continue
    loadRanking(o)
    for (let i = companyPositionStart[k]!; i < companyPositionStart[k + 1]!; i++) {
      const p = companyPositionList[i]!
      if (positionUsesCompanyRanking[p] === 1) applyRanking(p, o)
    }
  }

  // Group-cap cells: one per (company with a group cap, group) pair that occurs in some list.
  const entryCell = hasGroupCaps ? new Int32Array(nE).fill(-1) : new Int32Array(0)
  const cellCompanyList: number[] = []
  const cellGroupList: number[] = []
  if (hasGroupCaps) {
    const cellIndex = new Map<number, number>()
    const nG = groupIds.length
    for (let e = 0; e < nE; e++) {
      const k = positionCompany[entryPosition[e]!]!
      const g = candidateGroup[entryCandidate[e]!]!
      if (k < 0 || g < 0 || companyGroupCap[k] === UNLIMITED) continue
      const key = k * nG + g
      let cell = cellIndex.get(key)
      if (cell === undefined) {
        cell = cellCompanyList.length
        cellIndex.set(key, cell)
        cellCompanyList.push(k)
        cellGroupList.push(g)
      }
      entryCell[e] = cell
    }
  }

  // Scores (CSR by candidate): sparse scores in file order, then the matrix rows.
  const { scoreCandidate, matrixRows, matrixColumns, matrixValues } = tables
  const scoreStart = new Int32Array(nC + 1)
  for (let i = 0; i < scoreCandidate.length; i++) scoreStart[scoreCandidate[i]! + 1]!++
  const width = matrixColumns === null ? 0 : matrixColumns.length
  if (matrixRows !== null)
    for (let i = 0; i < matrixRows.length; i++) scoreStart[matrixRows[i]! + 1]! += width
  for (let c = 0; c < nC; c++) scoreStart[c + 1]! += scoreStart[c]!
  const totalScores = scoreStart[nC]!
  const scorePosition = new Int32Array(totalScores)
  const scoreValue = new Float64Array(totalScores)
  const issues: AppErrorIssue[] = []
  {
    const fill = scoreStart.slice(0, nC)
    for (let i = 0; i < scoreCandidate.length; i++) {
      const at = fill[scoreCandidate[i]!]!++
      scorePosition[at] = tables.scorePosition[i]!
      scoreValue[at] = tables.scoreValue[i]!
    }
    if (matrixRows !== null && matrixColumns !== null && matrixValues !== null)
      for (let i = 0; i < matrixRows.length; i++) {
        const c = matrixRows[i]!
        let at = fill[c]!
        for (let j = 0; j < width; j++) {
          scorePosition[at] = matrixColumns[j]!
          scoreValue[at++] = matrixValues[i * width + j]!
        }
        fill[c] = at
      }
    // Duplicate pairs in `scores`.
    const seenBy = new Int32Array(nP).fill(-1)
    for (let c = 0; c < nC && issues.length < MAX_ISSUES; c++) {
      for (let i = scoreStart[c]!; i < scoreStart[c + 1]!; i++) {
        const p = scorePosition[i]!
        if (seenBy[p] === c && issues.length < MAX_ISSUES)
          issues.push({
            path: 'scores',
            message: `pair (${candidateIds[c]}, ${positionIds[p]}) is scored twice`,
          })
        seenBy[p] = c
      }
    }
  }
  if (issues.length > 0) fail('invalid scores', issues)

  return {
    hasScores: tables.hasScores,
    candidateCount: nC,
    positionCount: nP,
    companyCount: nK,
    groupCount: groupIds.length,
    cellCount: cellCompanyList.length,
    entryCount: nE,
    candidateIds,
    positionIds,
    companyIds,
    groupIds,
    candidateGroup,
    candidateStart,
    entryPosition,
    entryCandidate,
    entryCandidateRank,
    entryPositionRank,
    entryCell,
    candidateHasTies,
    positionCapacity,
    positionCompany,
    positionUsesCompanyRanking,
    companyCapacity,
    companyGroupCap,
    companyPositionStart,
    companyPositionList,
    cellCompany: Int32Array.from(cellCompanyList),
    cellGroup: Int32Array.from(cellGroupList),
    tiedRankingCount,
    hasCompanyCaps,
    hasGroupCaps,
    scoreStart,
    scorePosition,
    scoreValue,
  }
}
