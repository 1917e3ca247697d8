import { type CompiledMarket, UNLIMITED } from './compile-market.ts'
import type { Capacities } from './create-capacities.ts'
import { type Levels, measureLevels } from './measure-levels.ts'

/** Blocking pairs of a matching: count and the first `limit` pairs as flat [candidate, entry] numbers. */
export interface BlockingPairs {
  readonly count: number
  readonly pairs: readonly number[]
  readonly levels: Levels
}

/**
 * Blocking pairs under the original (weak) preferences, with the SPA-S stability definition of Abraham,
 * Irving & Manlove (2007) extended by group caps: (c, p) blocks when both rank each other, c is unmatched
 * or strictly prefers p, and p would take c — p has a free seat and its company has room (or already holds
 * c, or strictly prefers c to its worst holder) and c's group has room there (or the company strictly
 * prefers c to that group's worst holder); or p is full and strictly prefers c to its worst holder (and the
 * group cap allows it). Counts only the round's participants against the round's capacities. Linear.
 * `measured`: the levels of this matching among the same participants, when the caller has them.
 */
export function findBlockingPairs(
  compiled: CompiledMarket,
  capacities: Capacities,
  matchPosition: Int32Array,
  limit = 0,
  measured: Levels | null = null,
): BlockingPairs {
  const { candidateCount: nC } = compiled
  const { candidateStart, entryPosition, entryCandidateRank, entryPositionRank, entryCell, positionCompany } =
    compiled
  const { positionCapacity, companyCapacity, cellCapacity, isParticipant } = capacities
  const levels = measured ?? measureLevels(compiled, capacities, matchPosition)
  const { matchRank, positionCount, positionWorst, companyCount, companyWorst, cellCount, cellWorst } = levels
  let count = 0
  const pairs: number[] = []
  for (let c = 0; c < nC; c++) {
    if (isParticipant !== null && isParticipant[c] === 0) continue
    const own = matchPosition[c]!
    const ownRank = matchRank[c]!
    const ownCompany = own >= 0 ? positionCompany[own]! : -1
    for (let e = candidateStart[c]!; e < candidateStart[c + 1]!; e++) {
      if (entryCandidateRank[e]! >= ownRank) continue
      const rank = entryPositionRank[e]!
      const p = entryPosition[e]!
      if (rank === 0 || p === own || positionCapacity[p]! <= 0) continue
      const k = positionCompany[p]!
      const isCapped = k >= 0 && companyCapacity[k]! !== UNLIMITED
      const isInside = k >= 0 && k === ownCompany
      const cell = compiled.cellCount > 0 ? entryCell[e]! : -1
      const cellCap = cell >= 0 ? cellCapacity[cell]! : UNLIMITED
      if (cellCap <= 0 || (isCapped && companyCapacity[k]! <= 0)) continue
      // Moving inside the company keeps the group count; else the group needs room or a worse holder.
      const hasGroupRoom = cell < 0 || isInside || cellCount[cell]! < cellCap
      const beatsGroup = hasGroupRoom || rank < cellWorst[cell]!
      let isBlocking: boolean
      if (positionCount[p]! < positionCapacity[p]!) {
        if (isInside || !isCapped || companyCount[k]! < companyCapacity[k]!) isBlocking = beatsGroup
        else isBlocking = hasGroupRoom ? rank < companyWorst[k]! : rank < cellWorst[cell]!
      } else isBlocking = rank < positionWorst[p]! && beatsGroup
      if (isBlocking) {
        if (count < limit) pairs.push(c, e)
        count++
      }
    }
  }
  return { count, pairs, levels }
}
