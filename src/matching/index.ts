/**
 * Ieum matching engine: pure, deterministic, explainable. Stable matching by deferred acceptance (Gale &
 * Shapley 1962; Roth & Peranson 1999), company caps (SPA-S, Abraham, Irving & Manlove 2007), ties by a
 * seeded single lottery with optional stable improvement cycles (Erdil & Ergin 2008), welfare-optimal
 * max-fit by min-cost flow, a second round, and `verify` for any matching.
 */
export { AppError } from '../domain/app-error.ts'
export type { CompiledMarket } from './compile-market.ts'
export { ENGINE_VERSION } from './engine-version.ts'
export { decodeExplanation, explainCandidate, type StoredResult } from './explain-candidate.ts'
export {
  type FairShareAllocation,
  type FairShareClaim,
  type FairShareClass,
  type FairShareProblem,
  type FairShareResult,
  type FairShareStatus,
  solveFairShare,
} from './fair-share/solve-fair-share.ts'
export {
  type GenerateMarketOptions,
  generateMarket,
  MARKET_SHAPES,
  type MarketShape,
} from './generate-market.ts'
export {
  CandidateSchema,
  CompanySchema,
  MARKET_FORMAT_VERSION,
  type Market,
  MarketSchema,
  PositionSchema,
  type RankingEntry,
  RankingSchema,
  ScoreMatrixSchema,
  ScoreSchema,
} from './market-schema.ts'
export {
  type Assignment,
  type Explanation,
  type ExplanationEntry,
  type MatchingOptions,
  type MatchingResult,
  type MatchingStatistics,
  MECHANISMS,
  type Mechanism,
  type PositionOutcome,
  REASON_CODES,
  RESULT_FORMAT,
  type Reason,
  type ReasonCode,
  type Unmatched,
  type UnmatchedReason,
} from './matching-result.ts'
export { parseMarket } from './parse-market.ts'
export { readMarket } from './read-market.ts'
export {
  assignReviewers,
  type ReviewAssignment,
  type ReviewAssignmentOptions,
  type ReviewAssignmentResult,
  type ReviewerLoad,
  type ReviewShortfall,
  type ReviewShortfallReason,
} from './review-assignment/assign-reviewers.ts'
export type {
  ReviewApplication,
  ReviewAssignmentProblem,
  Reviewer,
  ReviewPair,
} from './review-assignment/compile-review-problem.ts'
export { type EncodedResult, solveMatching, solveMatchingToJson } from './solve-matching.ts'
export { type SecondRoundInput, solveSecondRound, solveSecondRoundToJson } from './solve-second-round.ts'
export { type CapacityViolation, type VerifyReport, verify } from './verify.ts'
