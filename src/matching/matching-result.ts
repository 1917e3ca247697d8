import type { MatchingStatistics } from '../domain/index.ts'

/** The mechanisms `solveMatching` offers. */
export const MECHANISMS = ['candidate-proposing', 'position-proposing', 'max-fit'] as const

/** One of {@link MECHANISMS}. */
export type Mechanism = (typeof MECHANISMS)[number]

/** Options of one run; together with the market they determine the result byte for byte. */
export interface MatchingOptions {
  /** Default 'candidate-proposing' (candidate-optimal, strategy-proof for candidates; as in the NRMP). */
  readonly mechanism?: Mechanism | undefined
  /** Seed of the tie-breaking lottery; default 1. */
  readonly seed?: number | undefined
  /** Apply stable improvement cycles after tie-breaking (candidate-proposing only); default false. */
  readonly improve?: boolean | undefined
  /** Per-candidate explanations; default true. */
  readonly explain?: boolean | undefined
}

/** A candidate placed at a position. */
export interface Assignment {
  readonly candidate: string
  readonly position: string
}

/** Why a candidate ended unmatched. */
export type UnmatchedReason =
  | 'empty_ranking'
  | 'no_mutual_acceptance'
  | 'outranked'
  | 'no_scored_position'
  | 'not_selected'
  | 'withdrawn'

/** An unmatched candidate and why. */
export interface Unmatched {
  readonly candidate: string
  readonly reason: UnmatchedReason
}

/** Why a candidate did not get a position it ranked above its match (codes for the UI to translate). */
export type ReasonCode =
  | 'zero_capacity'
  | 'not_ranked_by_position'
  | 'position_full'
  | 'company_full'
  | 'group_full'
  | 'filled_in_earlier_round'
  | 'welfare_tradeoff'
  | 'constraint_conflict'

/**
 * Reason codes in the order of their numbers in a result file's explanations (`reasonCodes`). Append only:
 * the number of a code never changes.
 */
export const REASON_CODES = [
  'zero_capacity',
  'not_ranked_by_position',
  'position_full',
  'company_full',
  'group_full',
  'filled_in_earlier_round',
  'welfare_tradeoff',
  'constraint_conflict',
] as const satisfies readonly ReasonCode[]

/**
 * One reason, decoded (see {@link explainCandidate}). `*_full`: the level was full and its cut-off (weak
 * rank of its last admitted candidate) was better than the candidate's rank there, or equal (`isTie`: lost
 * the tie-break). Ranks are 1-based.
 */
export interface Reason {
  readonly code: ReasonCode
  readonly position: string
  readonly company?: string
  readonly group?: string
  readonly cutoffRank?: number
  readonly candidateRank?: number
  readonly isTie?: boolean
  /** Max-fit: the candidate's score at this position (null = not scored, so not allowed). */
  readonly score?: number | null
}

/** Explanation for one candidate, decoded: the match and, for every position ranked above it, why not. */
export interface Explanation {
  readonly candidate: string
  readonly position: string | null
  /** Weak rank of the match in the candidate's list (1 = first choice), null when unmatched or unranked. */
  readonly choiceRank: number | null
  readonly reasons: readonly Reason[]
}

/**
 * An explanation as stored in a result (docs/formats/result.md): `reasons` holds four numbers per reason —
 * code (index in {@link REASON_CODES}), position (index in the result's `positions`), cut-off rank or, for
 * `welfare_tradeoff`, the score (null = not scored), and the candidate's rank there; 0 = none.
 */
export interface ExplanationEntry {
  readonly candidate: string
  readonly position: string | null
  readonly choiceRank: number | null
  /** The candidate's group, present when a reason is `group_full`. */
  readonly group?: string
  readonly reasons: readonly (number | null)[]
}

/** Per-position outcome. */
export interface PositionOutcome {
  readonly position: string
  /** Company of the position, null for none. */
  readonly company: string | null
  readonly capacity: number
  readonly filled: number
  /** Weak rank, in the position's ranking, of its last admitted candidate; null when none is ranked. */
  readonly cutoffRank: number | null
}

/** Summary figures (defined with the run views in domain, which the API returns as they are). */
export type { MatchingStatistics }

/** Current result format (docs/formats/result.md); `explainCandidate` also reads 'ieum-result/1'. */
export const RESULT_FORMAT = 'ieum-result/2'

/** A matching result (docs/formats/result.md); same market + options → byte-identical JSON. */
export interface MatchingResult {
  readonly format: typeof RESULT_FORMAT
  readonly engine: string
  readonly mechanism: Mechanism
  readonly round: 1 | 2
  readonly seed: number
  readonly improve: boolean
  readonly statistics: MatchingStatistics
  /** What the single lottery decided: rankings with ties, candidates who lost a tie at a cut-off. */
  readonly lottery: {
    readonly seed: number
    readonly tiedRankings: number
    readonly candidatesTiedAtCutoff: number
  }
  /** Stable improvement cycles applied after tie-breaking and the moves they made. */
  readonly improvement: {
    readonly isApplied: boolean
    readonly cycles: number
    readonly moves: readonly { readonly candidate: string; readonly from: string; readonly to: string }[]
  }
  /** Max-fit details (null for the stable mechanisms). */
  readonly maxFit: {
    readonly totalScore: number
    readonly pricingRounds: number
    readonly pairsUsed: number
  } | null
  readonly assignments: readonly Assignment[]
  /** Second round: placements accepted in the first round and kept fixed. */
  readonly fixed: readonly Assignment[]
  readonly unmatched: readonly Unmatched[]
  readonly positions: readonly PositionOutcome[]
  /** The codes numbered in `explanations` (always {@link REASON_CODES}), so the file explains itself. */
  readonly reasonCodes: readonly ReasonCode[]
  /** One per participant of the round, in market order; decode one with `explainCandidate`. */
  readonly explanations: readonly ExplanationEntry[]
}
