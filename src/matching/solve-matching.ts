import { AppError } from '../domain/app-error.ts'
import { applyStableImprovementCycles, type ImprovementOutcome } from './apply-stable-improvement-cycles.ts'
import { breakTies } from './break-ties.ts'
import { buildResult, buildResultParts, type RunOutcome } from './build-result.ts'
import { type CompiledMarket, compileMarket } from './compile-market.ts'
import { type Capacities, createCapacities } from './create-capacities.ts'
import { encodeResult } from './encode-result.ts'
import type { Market } from './market-schema.ts'
import {
  type MatchingOptions,
  type MatchingResult,
  type MatchingStatistics,
  MECHANISMS,
  type Mechanism,
} from './matching-result.ts'
import { runCandidateProposing } from './run-candidate-proposing.ts'
import { runPositionProposing } from './run-position-proposing.ts'
import { type MaxFitOutcome, solveMaxFit } from './solve-max-fit.ts'

/** Resolved options with defaults applied. */
export interface ResolvedOptions {
  readonly mechanism: Mechanism
  readonly seed: number
  readonly improve: boolean
  readonly explain: boolean
}

/** Applies defaults and rejects misuse (unknown mechanism, bad seed, improvement with another mechanism). */
export function resolveOptions(options: MatchingOptions): ResolvedOptions {
  const mechanism = options.mechanism ?? 'candidate-proposing'
  if (!MECHANISMS.includes(mechanism))
    throw new AppError('bad_request', `unknown mechanism '${mechanism}'; use one of ${MECHANISMS.join(', ')}`)
  const seed = options.seed ?? 1
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new AppError('bad_request', `seed must be a non-negative integer, got ${seed}`)
  const improve = options.improve ?? false
  if (improve && mechanism !== 'candidate-proposing')
    throw new AppError('bad_request', 'stable improvement cycles apply to candidate-proposing only')
  return { mechanism, seed, improve, explain: options.explain ?? true }
}

/** The raw outcome of one round: final positions, plus what improvement or max-fit reported. */
export interface RoundOutcome {
  readonly matchPosition: Int32Array
  readonly improvement: ImprovementOutcome | null
  readonly maxFit: MaxFitOutcome | null
}

/** Runs one round of the chosen mechanism on compiled arrays (no result building). */
export function runRound(
  compiled: CompiledMarket,
  capacities: Capacities,
  options: ResolvedOptions,
): RoundOutcome {
  const nC = compiled.candidateCount
  if (options.mechanism === 'max-fit') {
    const maxFit = solveMaxFit(compiled, capacities)
    return { matchPosition: maxFit.matchPosition, improvement: null, maxFit }
  }
  const strict = breakTies(compiled, options.seed)
  let matchEntry =
    options.mechanism === 'candidate-proposing'
      ? runCandidateProposing(compiled, strict, capacities)
      : runPositionProposing(compiled, strict, capacities)
  let improvement: ImprovementOutcome | null = null
  if (options.improve) {
    improvement = applyStableImprovementCycles(compiled, capacities, matchEntry)
    matchEntry = improvement.matchEntry
  }
  const matchPosition = new Int32Array(nC)
  for (let c = 0; c < nC; c++)
    matchPosition[c] = matchEntry[c]! >= 0 ? compiled.entryPosition[matchEntry[c]!]! : -1
  return { matchPosition, improvement, maxFit: null }
}

/**
 * Solves a market: stable matching by deferred acceptance (candidate- or position-proposing; Gale & Shapley
 * 1962, with company caps per SPA-S, Abraham, Irving & Manlove 2007; ties by a seeded single lottery and
 * optional stable improvement cycles, Erdil & Ergin 2008), or the welfare-optimal max-fit assignment. Pure
 * and deterministic: the same market, options and seed give the same result.
 */
export function solveMatching(
  market: Market | CompiledMarket,
  options: MatchingOptions = {},
): MatchingResult {
  return buildResult(runFirstRound(market, options))
}

/** A result as JSON bytes plus its statistics (for a summary line). */
export interface EncodedResult {
  /** Exactly `JSON.stringify(result)` and a newline. */
  readonly json: Uint8Array
  readonly statistics: MatchingStatistics
}

/**
 * {@link solveMatching} straight to JSON bytes, identical to `JSON.stringify(solveMatching(…))` + "\n",
 * without building an object per explanation (what `ieum match` writes).
 */
export function solveMatchingToJson(
  market: Market | CompiledMarket,
  options: MatchingOptions = {},
): EncodedResult {
  return encodeRun(runFirstRound(market, options))
}

/** Encodes a run's result as JSON bytes. */
export function encodeRun(run: RunOutcome): EncodedResult {
  const { result, explained, unmatchedReason } = buildResultParts(run)
  const placements = { matchPosition: run.matchPosition, isFixed: run.isFixed, unmatchedReason }
  return { json: encodeResult(result, placements, explained, run.compiled), statistics: result.statistics }
}

function runFirstRound(market: Market | CompiledMarket, options: MatchingOptions): RunOutcome {
  const resolved = resolveOptions(options)
  const compiled = compileMarket(market)
  const capacities = createCapacities(compiled)
  const outcome = runRound(compiled, capacities, resolved)
  return {
    compiled,
    capacities,
    mechanism: resolved.mechanism,
    seed: resolved.seed,
    improve: resolved.improve,
    round: 1,
    matchPosition: outcome.matchPosition,
    isFixed: null,
    isWithdrawn: null,
    improvement: outcome.improvement,
    maxFit: outcome.maxFit,
    explain: resolved.explain,
  }
}
