import { type CompiledMarket, compileMarket, UNLIMITED } from './compile-market.ts'
import { createCapacities } from './create-capacities.ts'
import { findBlockingPairs } from './find-blocking-pairs.ts'
import { mapAssignments } from './map-assignments.ts'
import type { Market } from './market-schema.ts'
import type { Assignment } from './matching-result.ts'

/** A cap a matching exceeds. */
export interface CapacityViolation {
  readonly level: 'position' | 'company' | 'group'
  readonly id: string
  readonly count: number
  readonly capacity: number
}

/** What `verify` found. */
export interface VerifyReport {
  readonly isStable: boolean
  readonly blockingPairCount: number
  /** The first `limit` blocking pairs (candidate and the position both would rather have). */
  readonly blockingPairs: readonly Assignment[]
  readonly capacityViolations: readonly CapacityViolation[]
}

function findViolations(compiled: CompiledMarket, matchPosition: Int32Array): CapacityViolation[] {
  const violations: CapacityViolation[] = []
  const positionCount = new Int32Array(compiled.positionCount)
  const companyCount = new Int32Array(compiled.companyCount)
  const cellCount = new Map<number, number>()
  for (let c = 0; c < compiled.candidateCount; c++) {
    const p = matchPosition[c]!
    if (p < 0) continue
    positionCount[p]!++
    const k = compiled.positionCompany[p]!
    if (k < 0) continue
    companyCount[k]!++
    const g = compiled.candidateGroup[c]!
    if (g >= 0 && compiled.companyGroupCap[k] !== UNLIMITED) {
      const key = k * compiled.groupCount + g
      cellCount.set(key, (cellCount.get(key) ?? 0) + 1)
    }
  }
  for (let p = 0; p < compiled.positionCount; p++)
    if (positionCount[p]! > compiled.positionCapacity[p]!)
      violations.push({
        level: 'position',
        id: compiled.positionIds[p]!,
        count: positionCount[p]!,
        capacity: compiled.positionCapacity[p]!,
      })
  for (let k = 0; k < compiled.companyCount; k++)
    if (companyCount[k]! > compiled.companyCapacity[k]!)
      violations.push({
        level: 'company',
        id: compiled.companyIds[k]!,
        count: companyCount[k]!,
        capacity: compiled.companyCapacity[k]!,
      })
  for (const [key, count] of [...cellCount].sort((a, b) => a[0] - b[0])) {
    const k = Math.floor(key / compiled.groupCount)
    const g = key % compiled.groupCount
    if (count > compiled.companyGroupCap[k]!)
      violations.push({
        level: 'group',
        id: `${compiled.companyIds[k]}/${compiled.groupIds[g]}`,
        count,
        capacity: compiled.companyGroupCap[k]!,
      })
  }
  return violations
}

/**
 * Checks any matching of a market: its blocking pairs under the SPA-S stability definition (Abraham,
 * Irving & Manlove 2007) with group caps, on the original weak rankings, and any cap it exceeds.
 */
export function verify(
  market: Market | CompiledMarket,
  assignments: readonly Assignment[],
  limit = 1000,
): VerifyReport {
  const compiled = compileMarket(market)
  const matchPosition = mapAssignments(compiled, assignments, 'assignments')
  const blocking = findBlockingPairs(compiled, createCapacities(compiled), matchPosition, limit)
  const blockingPairs: Assignment[] = []
  for (let i = 0; i < blocking.pairs.length; i += 2)
    blockingPairs.push({
      candidate: compiled.candidateIds[blocking.pairs[i]!]!,
      position: compiled.positionIds[compiled.entryPosition[blocking.pairs[i + 1]!]!]!,
    })
  const capacityViolations = findViolations(compiled, matchPosition)
  return {
    isStable: blocking.count === 0 && capacityViolations.length === 0,
    blockingPairCount: blocking.count,
    blockingPairs,
    capacityViolations,
  }
}
