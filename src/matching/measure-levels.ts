import type { CompiledMarket } from './compile-market.ts'
import type { Capacities } from './create-capacities.ts'

/** Occupancy of every level (position, company, group cell) of a matching, with weak cut-off ranks. */
export interface Levels {
  /** Participants' weak rank of their match in their own list; NONE when unmatched or unranked. */
  readonly matchRank: Int32Array
  /** Entry of each participant's match, -1 when unmatched or the candidate did not rank it. */
  readonly matchEntry: Int32Array
  readonly positionCount: Int32Array
  /** Weak rank (in the position's ranking) of its worst holder: the cut-off; NONE for an unranked holder. */
  readonly positionWorst: Int32Array
  readonly companyCount: Int32Array
  readonly companyWorst: Int32Array
  readonly cellCount: Int32Array
  readonly cellWorst: Int32Array
}

/** Rank standing for "none" (worse than every real rank). */
export const NONE = 0x7fffffff

/** Measures the levels of a matching among the participants of a round (others are fixed or absent). */
export function measureLevels(
  compiled: CompiledMarket,
  capacities: Capacities,
  matchPosition: Int32Array,
): Levels {
  const { candidateCount: nC, positionCount: nP, companyCount: nK, cellCount: nCells } = compiled
  const { candidateStart, entryPosition, entryCandidateRank, entryPositionRank, positionCompany } = compiled
  const { candidateGroup, cellCompany, cellGroup, groupCount } = compiled
  const { isParticipant } = capacities
  const positionCount = new Int32Array(nP)
  const positionWorst = new Int32Array(nP)
  const companyCount = new Int32Array(nK)
  const companyWorst = new Int32Array(nK)
  const cellCount = new Int32Array(nCells)
  const cellWorst = new Int32Array(nCells)
  const matchRank = new Int32Array(nC).fill(NONE)
  const matchEntry = new Int32Array(nC).fill(-1)
  const cellOf = new Map<number, number>()
  for (let cell = 0; cell < nCells; cell++)
    cellOf.set(cellCompany[cell]! * groupCount + cellGroup[cell]!, cell)
  for (let c = 0; c < nC; c++) {
    const p = matchPosition[c]!
    if (p < 0 || (isParticipant !== null && isParticipant[c] === 0)) continue
    let e = -1
    for (let i = candidateStart[c]!; i < candidateStart[c + 1]!; i++)
      if (entryPosition[i] === p) {
        e = i
        break
      }
    matchEntry[c] = e
    matchRank[c] = e >= 0 ? entryCandidateRank[e]! : NONE
    const rank = e >= 0 && entryPositionRank[e]! > 0 ? entryPositionRank[e]! : NONE
    positionCount[p]!++
    if (rank > positionWorst[p]!) positionWorst[p] = rank
    const k = positionCompany[p]!
    if (k < 0) continue
    companyCount[k]!++
    if (rank > companyWorst[k]!) companyWorst[k] = rank
    const g = candidateGroup[c]!
    if (g < 0 || nCells === 0) continue
    const cell = cellOf.get(k * groupCount + g)
    if (cell === undefined) continue
    cellCount[cell]!++
    if (rank > cellWorst[cell]!) cellWorst[cell] = rank
  }
  return {
    matchRank,
    matchEntry,
    positionCount,
    positionWorst,
    companyCount,
    companyWorst,
    cellCount,
    cellWorst,
  }
}
