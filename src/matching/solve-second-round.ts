import { AppError } from '../domain/app-error.ts'
import { buildResult, type RunOutcome } from './build-result.ts'
import { type CompiledMarket, compileMarket, UNLIMITED } from './compile-market.ts'
import { createCapacities } from './create-capacities.ts'
import { mapAssignments } from './map-assignments.ts'
import type { Market } from './market-schema.ts'
import type { Assignment, MatchingOptions, MatchingResult } from './matching-result.ts'
import { type EncodedResult, encodeRun, resolveOptions, runRound } from './solve-matching.ts'

/** What happened after the first round's offers. */
export interface SecondRoundInput {
  /** Placements candidates accepted: kept fixed, their seats (and company/group slots) used up. */
  readonly accepted: readonly Assignment[]
  /** Candidates who left the process (for example declined and withdrew); not placed again. */
  readonly withdrawn?: readonly string[] | undefined
}

/**
 * Second round: keeps accepted placements fixed and fills the remaining seats with a new stable round
 * (the chosen mechanism on the residual market) for everyone else, instead of first-come offers.
 */
export function solveSecondRound(
  market: Market | CompiledMarket,
  input: SecondRoundInput,
  options: MatchingOptions = {},
): MatchingResult {
  return buildResult(runSecondRound(market, input, options))
}

/** {@link solveSecondRound} straight to JSON bytes (identical to `JSON.stringify` of its result + "\n"). */
export function solveSecondRoundToJson(
  market: Market | CompiledMarket,
  input: SecondRoundInput,
  options: MatchingOptions = {},
): EncodedResult {
  return encodeRun(runSecondRound(market, input, options))
}

function runSecondRound(
  market: Market | CompiledMarket,
  input: SecondRoundInput,
  options: MatchingOptions,
): RunOutcome {
  const resolved = resolveOptions(options)
  const compiled = compileMarket(market)
  const fixedPosition = mapAssignments(compiled, input.accepted, 'accepted')
  const nC = compiled.candidateCount
  const candidateIndex = new Map<string, number>()
  compiled.candidateIds.forEach((id, i) => {
    candidateIndex.set(id, i)
  })
  const isWithdrawn = new Uint8Array(nC)
  ;(input.withdrawn ?? []).forEach((id, i) => {
    const c = candidateIndex.get(id)
    if (c === undefined)
      throw new AppError('bad_request', `unknown candidate '${id}' at withdrawn[${i}]`, [
        { path: `withdrawn[${i}]`, message: `unknown candidate '${id}'` },
      ])
    isWithdrawn[c] = 1
  })
  const capacities = createCapacities(compiled)
  const { positionCapacity, companyCapacity, cellCapacity } = capacities
  const isParticipant = new Uint8Array(nC)
  const isFixed = new Uint8Array(nC)
  const cellOf = new Map<number, number>()
  for (let cell = 0; cell < compiled.cellCount; cell++)
    cellOf.set(compiled.cellCompany[cell]! * compiled.groupCount + compiled.cellGroup[cell]!, cell)
  for (let c = 0; c < nC; c++) {
    const p = fixedPosition[c]!
    if (p < 0) {
      isParticipant[c] = isWithdrawn[c] === 1 ? 0 : 1
      continue
    }
    isFixed[c] = 1
    positionCapacity[p]!--
    const k = compiled.positionCompany[p]!
    if (k >= 0 && companyCapacity[k]! !== UNLIMITED) companyCapacity[k]!--
    const g = compiled.candidateGroup[c]!
    const cell = k >= 0 && g >= 0 ? cellOf.get(k * compiled.groupCount + g) : undefined
    if (cell !== undefined) cellCapacity[cell]!--
  }
  for (let p = 0; p < compiled.positionCount; p++)
    if (positionCapacity[p]! < 0)
      throw new AppError(
        'bad_request',
        `accepted placements exceed the capacity of '${compiled.positionIds[p]}'`,
      )
  for (let k = 0; k < compiled.companyCount; k++)
    if (companyCapacity[k]! < 0)
      throw new AppError(
        'bad_request',
        `accepted placements exceed the cap of company '${compiled.companyIds[k]}'`,
      )
  for (let cell = 0; cell < compiled.cellCount; cell++) if (cellCapacity[cell]! < 0) cellCapacity[cell] = 0
  const roundCapacities = { ...capacities, isParticipant }
  const outcome = runRound(compiled, roundCapacities, resolved)
  const matchPosition = outcome.matchPosition.slice()
  for (let c = 0; c < nC; c++) {
    if (isFixed[c] === 1) matchPosition[c] = fixedPosition[c]!
    else if (isParticipant[c] === 0) matchPosition[c] = -1
  }
  return {
    compiled,
    capacities: roundCapacities,
    mechanism: resolved.mechanism,
    seed: resolved.seed,
    improve: resolved.improve,
    round: 2,
    matchPosition,
    isFixed,
    isWithdrawn,
    improvement: outcome.improvement,
    maxFit: outcome.maxFit,
    explain: resolved.explain,
  }
}
