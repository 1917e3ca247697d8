import type { CompiledMarket } from './compile-market.ts'
import { createRandom } from './seeded-random.ts'

/**
 * Strict preferences after the seeded single lottery (one draw shared by all positions). The position-side
 * key of an entry is `positionRank * candidateCount + candidateLottery[candidate]` (smaller is better),
 * computed on the fly so that no per-pair array is needed.
 */
export interface StrictOrder {
  readonly seed: number
  /** Lottery number of each candidate (0 = luckiest), used by every position to break ties. */
  readonly candidateLottery: Int32Array
  /** Lottery number of each position, used to break ties inside candidates' lists. */
  readonly positionLottery: Int32Array
  /** Entries in each candidate's strict order (CSR as `candidateStart`); null = list order (no ties). */
  readonly order: Int32Array | null
  /** Index of each entry inside `order` (within one candidate, smaller is preferred); null = the entry itself. */
  readonly orderIndex: Int32Array | null
}

/** Position-side strict key of entry e (smaller is better); Infinity when the position does not rank the candidate. */
export function keyOf(compiled: CompiledMarket, strict: StrictOrder, e: number): number {
  const rank = compiled.entryPositionRank[e]!
  return rank === 0
    ? Number.POSITIVE_INFINITY
    : rank * compiled.candidateCount + strict.candidateLottery[compiled.entryCandidate[e]!]!
}

function drawLottery(count: number, seed: number): Int32Array {
  const random = createRandom(seed)
  const permutation = new Int32Array(count)
  for (let i = 0; i < count; i++) permutation[i] = i
  for (let i = count - 1; i > 0; i--) {
    const j = random.nextInt(i + 1)
    const t = permutation[i]!
    permutation[i] = permutation[j]!
    permutation[j] = t
  }
  const lottery = new Int32Array(count)
  for (let i = 0; i < count; i++) lottery[permutation[i]!] = i
  return lottery
}

/**
 * Breaks ties with a seeded single tie-breaking lottery (one random order of candidates shared by all
 * positions, as in Erdil & Ergin 2008 and Abdulkadiroğlu, Pathak & Roth 2009), and ties inside candidate
 * lists with a seeded order of positions.
 */
export function breakTies(compiled: CompiledMarket, seed: number): StrictOrder {
  const { candidateCount: nC, positionCount: nP, entryCount: nE } = compiled
  const candidateLottery = drawLottery(nC, seed)
  const positionLottery = drawLottery(nP, seed ^ 0x5bd1e995)
  const { candidateStart, candidateHasTies, entryPosition, entryCandidateRank } = compiled
  let hasTies = false
  for (let c = 0; c < nC && !hasTies; c++) if (candidateHasTies[c] === 1) hasTies = true
  if (!hasTies) return { seed, candidateLottery, positionLottery, order: null, orderIndex: null }
  const order = new Int32Array(nE)
  for (let e = 0; e < nE; e++) order[e] = e
  for (let c = 0; c < nC; c++) {
    if (candidateHasTies[c] === 0) continue
    const start = candidateStart[c]!
    const end = candidateStart[c + 1]!
    const slice = Array.from(order.subarray(start, end))
    slice.sort(
      (a, b) =>
        entryCandidateRank[a]! - entryCandidateRank[b]! ||
        positionLottery[entryPosition[a]!]! - positionLottery[entryPosition[b]!]!,
    )
    order.set(slice, start)
  }
  const orderIndex = new Int32Array(nE)
  for (let i = 0; i < nE; i++) orderIndex[order[i]!] = i
  return { seed, candidateLottery, positionLottery, order, orderIndex }
}
