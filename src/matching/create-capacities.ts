import { type CompiledMarket, UNLIMITED } from './compile-market.ts'

/** Seats left at each level for one stable round (a second round starts from what the first left). */
export interface Capacities {
  readonly positionCapacity: Int32Array
  /** UNLIMITED for companies without a cap. */
  readonly companyCapacity: Int32Array
  /** Per group-cap cell (company × group). */
  readonly cellCapacity: Int32Array
  /** 1 for candidates taking part; null = everyone. */
  readonly isParticipant: Uint8Array | null
}

/** Creates the full capacities of a market (every seat free, every candidate taking part). */
export function createCapacities(compiled: CompiledMarket): Capacities {
  const cellCapacity = new Int32Array(compiled.cellCount)
  for (let cell = 0; cell < compiled.cellCount; cell++)
    cellCapacity[cell] = compiled.companyGroupCap[compiled.cellCompany[cell]!]!
  return {
    positionCapacity: compiled.positionCapacity.slice(),
    companyCapacity: compiled.companyCapacity.slice(),
    cellCapacity,
    isParticipant: null,
  }
}

/** Seats a company can actually fill: its cap bounded by the seats of its positions. */
export function countCompanyRoom(compiled: CompiledMarket, capacities: Capacities, k: number): number {
  let seats = 0
  for (let i = compiled.companyPositionStart[k]!; i < compiled.companyPositionStart[k + 1]!; i++)
    seats += capacities.positionCapacity[compiled.companyPositionList[i]!]!
  return Math.min(
    seats,
    capacities.companyCapacity[k]! === UNLIMITED ? seats : capacities.companyCapacity[k]!,
  )
}
