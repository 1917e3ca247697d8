/**
 * Ieum matching engine: pure, deterministic, explainable. Stable matching by deferred acceptance (Gale &
 * Shapley 1962; Roth & Peranson 1999), company caps (SPA-S, Abraham, Irving & Manlove 2007), ties by a
 * seeded single lottery with optional stable improvement cycles (Erdil & Ergin 2008), welfare-optimal
 * max-fit by min-cost flow, a second round, and `verify` for any matching. Allocation families, one
 * folder each: fair share, reviewer assignment, quota selection, course seats by priority and lottery,
 * project allocation with team sizes, team composition, mentor matching, interview-slot scheduling (decisions 0030–0039).
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
export {
  buildMentorMarket,
  type Mentee,
  type Mentor,
  type MentorLoad,
  type MentorMatch,
  type MentorMatchingProblem,
  type MentorMatchingResult,
  type MentorMechanism,
  matchMentors,
} from './mentor-matching/match-mentors.ts'
export { parseMarket } from './parse-market.ts'
export { drawSingleLottery } from './priority-lottery/draw-single-lottery.ts'
export {
  buildPriorityMarket,
  enrolByPriority,
  type PriorityApplicant,
  type PriorityChoice,
  type PriorityCourse,
  type PriorityCourseOutcome,
  type PriorityEnrolmentProblem,
  type PriorityEnrolmentResult,
  type PriorityMarket,
  type PriorityPlacement,
} from './priority-lottery/enrol-by-priority.ts'
export {
  allocateProjects,
  type ProjectAllocationOptions,
  type ProjectAllocationResult,
  type ProjectAssignment,
  type ProjectOutcome,
} from './project-allocation/allocate-projects.ts'
export type {
  AllocationApplicant,
  AllocationCompany,
  AllocationProject,
  ProjectAllocationProblem,
} from './project-allocation/build-project-market.ts'
export type { ClosureMinimality } from './project-allocation/find-closures.ts'
export type {
  QuotaApplicant,
  QuotaCap,
  QuotaSelectionProblem,
} from './quota-selection/compile-quota-problem.ts'
export {
  fillFromWaitlist,
  type QuotaDecision,
  type QuotaGroupCount,
  type QuotaReason,
  type QuotaSelectionResult,
  type QuotaSelectionState,
  type QuotaStatus,
  selectByQuota,
} from './quota-selection/select-by-quota.ts'
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
export type {
  InterviewCandidate,
  InterviewCompany,
  InterviewSchedulingProblem,
  InterviewSlot,
} from './slot-scheduling/compile-slot-problem.ts'
export {
  type CandidateSchedule,
  type CompanySchedule,
  FIRST_INTERVIEW_BONUS,
  type InterviewScheduleResult,
  type ScheduledInterview,
  scheduleInterviews,
} from './slot-scheduling/schedule-interviews.ts'
export { type EncodedResult, solveMatching, solveMatchingToJson } from './solve-matching.ts'
export { type SecondRoundInput, solveSecondRound, solveSecondRoundToJson } from './solve-second-round.ts'
export type {
  GroupingCriterion,
  TeamCompositionProblem,
  TeamCriteria,
  TeamMember,
  TeamSlot,
} from './team-composition/compile-team-problem.ts'
export {
  type ComposedTeam,
  composeTeams,
  drawTeamBaseline,
  type TeamCompositionOptions,
  type TeamCompositionResult,
  type TeamPlacement,
} from './team-composition/compose-teams.ts'
export { type CapacityViolation, type VerifyReport, verify } from './verify.ts'
