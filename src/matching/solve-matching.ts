import { AppError } from '../domain/app-error.ts'
import { applyStableImprovementCycles, type ImprovementOutcome } from './apply-stable-improvement-cycles.ts'
import { breakTies } from './break-ties.ts'
import { buildResult } from './build-result.ts'
import { type CompiledMarket, compileMarket } from './compile-market.ts'
import { type Capacities, createCapacities } from './create-capacities.ts'
import type { Market } from './market-schema.ts'
import { type MatchingOptions, type MatchingResult, MECHANISMS, type Mechanism } from './matching-result.ts'
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
  const resolved = resolveOptions(options)
  const compiled = compileMarket(market)
  const capacities = createCapacities(compiled)
  const outcome = runRound(compiled, capacities, resolved)
  return buildResult({
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
  })
}
