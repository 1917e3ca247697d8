import { collectIssues, isCount } from '../shared/collect-issues.ts'

/** One interview slot of the event (slots do not overlap; the service sets the grid, e.g. 20 minutes). */
export interface InterviewSlot {
  readonly id: string
}

/** A candidate at the fair. */
export interface InterviewCandidate {
  readonly id: string
  /** Companies in the candidate's order (best first); absent = any company, no preference. */
  readonly ranking?: readonly string[] | undefined
  /** Slots the candidate can attend; absent = every slot. */
  readonly availability?: readonly string[] | undefined
  /** Most interviews for this candidate; default the problem's `maxInterviewsPerCandidate`. */
  readonly maxInterviews?: number | undefined
}

/** A company at the fair, interviewing at `tables` tables in parallel. */
export interface InterviewCompany {
  readonly id: string
  /** Interview tables running at once (an integer ≥ 1); default 1. */
  readonly tables?: number | undefined
  /** Candidates in the company's order (best first); absent = any candidate, no preference. */
  readonly ranking?: readonly string[] | undefined
  /** Slots the company interviews in (all its tables); absent = every slot. */
  readonly availability?: readonly string[] | undefined
  /** Most interviews in total; absent = tables × available slots. */
  readonly maxInterviews?: number | undefined
}

/** Interview-slot scheduling for a recruiting fair. */
export interface InterviewSchedulingProblem {
  readonly slots: readonly InterviewSlot[]
  readonly candidates: readonly InterviewCandidate[]
  readonly companies: readonly InterviewCompany[]
  /** Default cap per candidate (an integer ≥ 0); default 3. */
  readonly maxInterviewsPerCandidate?: number | undefined
}

/** Points a side gives its first choice; the last ranked choice gets 100 ÷ list length, an unranked pair 0. */
export const FIRST_CHOICE_POINTS = 100

/** The problem in flat arrays: dense ids (input order), availability bitsets, the acceptable pairs (CSR). */
export interface CompiledSlotProblem {
  readonly candidateCount: number
  readonly companyCount: number
  readonly slotCount: number
  /** 32-bit words per availability bitset. */
  readonly words: number
  readonly candidateFree: Uint32Array
  readonly companyFree: Uint32Array
  readonly candidateCap: Int32Array
  readonly companyCap: Int32Array
  readonly tables: Int32Array
  /** Acceptable pairs by candidate: company and welfare points (both sides' points). */
  readonly pairStart: Int32Array
  readonly pairCompany: Int32Array
  readonly pairPoints: Int32Array
}

type Issues = ReturnType<typeof collectIssues>

function readSlots(
  issues: Issues,
  ids: readonly string[] | undefined,
  slotIndex: Readonly<Record<string, number | undefined>>,
  into: Uint32Array,
  offset: number,
  slotCount: number,
  path: string,
): number {
  if (ids === undefined) {
    for (let t = 0; t < slotCount; t++) into[offset + (t >> 5)]! |= 1 << (t & 31)
    return slotCount
  }
  let count = 0
  ids.forEach((id, i) => {
    const t = slotIndex[id]
    if (t === undefined) issues.note(`${path}[${i}]`, `unknown slot '${id}'`)
    else if ((into[offset + (t >> 5)]! & (1 << (t & 31))) === 0) {
      into[offset + (t >> 5)]! |= 1 << (t & 31)
      count++
    }
  })
  return count
}

/** Points for a ranked id: 100 for the first of L, falling by 100/L per place; 0 when unranked. */
function pointsOf(rank: number, length: number): number {
  return rank < 0 ? 0 : Math.round((FIRST_CHOICE_POINTS * (length - rank)) / length)
}

/**
 * Checks a problem (throws `bad_request` naming bad fields and unknown ids) and lists the acceptable pairs:
 * each side ranks the other or gave no ranking, and they share a free slot.
 */
export function compileSlotProblem(problem: InterviewSchedulingProblem): CompiledSlotProblem {
  const issues = collectIssues()
  const { slots, candidates, companies } = problem
  const nS = slots.length
  const nC = candidates.length
  const nK = companies.length
  const words = Math.max(1, Math.ceil(nS / 32))
  const slotIndex = issues.index(slots, 'slots')
  const candidateIndex = issues.index(candidates, 'candidates')
  const companyIndex = issues.index(companies, 'companies')
  const defaultCap = problem.maxInterviewsPerCandidate ?? 3
  if (!isCount(defaultCap)) issues.note('maxInterviewsPerCandidate', 'must be an integer ≥ 0')
  const candidateFree = new Uint32Array(nC * words)
  const companyFree = new Uint32Array(nK * words)
  const candidateCap = new Int32Array(nC)
  const companyCap = new Int32Array(nK)
  const tables = new Int32Array(nK)
  candidates.forEach((candidate, c) => {
    const free = readSlots(
      issues,
      candidate.availability,
      slotIndex,
      candidateFree,
      c * words,
      nS,
      `candidates[${c}].availability`,
    )
    const cap = candidate.maxInterviews ?? defaultCap
    if (!isCount(cap)) issues.note(`candidates[${c}].maxInterviews`, 'must be an integer ≥ 0')
    candidateCap[c] = Math.min(cap, free)
    ;(candidate.ranking ?? []).forEach((id, r) => {
      if (companyIndex[id] === undefined)
        issues.note(`candidates[${c}].ranking[${r}]`, `unknown company '${id}'`)
    })
  })
  companies.forEach((company, k) => {
    const free = readSlots(
      issues,
      company.availability,
      slotIndex,
      companyFree,
      k * words,
      nS,
      `companies[${k}].availability`,
    )
    tables[k] = company.tables ?? 1
    if (!isCount(tables[k]!) || tables[k]! < 1)
      issues.note(`companies[${k}].tables`, 'must be an integer ≥ 1')
    const cap = company.maxInterviews ?? tables[k]! * free
    if (!isCount(cap)) issues.note(`companies[${k}].maxInterviews`, 'must be an integer ≥ 0')
    companyCap[k] = Math.min(cap, tables[k]! * free)
    ;(company.ranking ?? []).forEach((id, r) => {
      if (candidateIndex[id] === undefined)
        issues.note(`companies[${k}].ranking[${r}]`, `unknown candidate '${id}'`)
    })
  })
  issues.throwIfAny('interview scheduling')
  // Each company's ranking as candidate → 0-based rank (a flat row per company would be nC × nK; a map per company is sparse).
  const companyRank = companies.map((company) => {
    const rank = new Map<number, number>()
    ;(company.ranking ?? []).forEach((id, r) => {
      if (!rank.has(candidateIndex[id]!)) rank.set(candidateIndex[id]!, r)
    })
    return rank
  })
  const pairStart = new Int32Array(nC + 1)
  const pairCompany: number[] = []
  const pairPoints: number[] = []
  for (let c = 0; c < nC; c++) {
    const ranking = candidates[c]!.ranking
    const choices =
      ranking === undefined ? companies.map((_k, k) => k) : ranking.map((id) => companyIndex[id]!)
    const seen = new Set<number>()
    choices.forEach((k, r) => {
      if (seen.has(k)) return
      seen.add(k)
      const company = companies[k]!
      const theirRank = companyRank[k]!.get(c)
      if (company.ranking !== undefined && theirRank === undefined) return
      let isShared = false
      for (let w = 0; w < words && !isShared; w++)
        if ((candidateFree[c * words + w]! & companyFree[k * words + w]!) !== 0) isShared = true
      if (!isShared) return
      pairCompany.push(k)
      pairPoints.push(
        pointsOf(ranking === undefined ? -1 : r, ranking?.length ?? 1) +
          pointsOf(theirRank ?? -1, company.ranking?.length ?? 1),
      )
    })
    pairStart[c + 1] = pairCompany.length
  }
  return {
    candidateCount: nC,
    companyCount: nK,
    slotCount: nS,
    words,
    candidateFree,
    companyFree,
    candidateCap,
    companyCap,
    tables,
    pairStart,
    pairCompany: Int32Array.from(pairCompany),
    pairPoints: Int32Array.from(pairPoints),
  }
}
