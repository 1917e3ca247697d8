import { AppError } from '../../domain/app-error.ts'
import { type FlowSolution, solveMinCostFlow } from '../flow/solve-min-cost-flow.ts'
import { hashPair } from '../shared/hash-pair.ts'
import { readSeed } from '../shared/read-seed.ts'
import {
  type CompiledReviewProblem,
  compileReviewProblem,
  type ReviewAssignmentProblem,
  UNCAPPED,
} from './compile-review-problem.ts'

/** Options of one assignment run. */
export interface ReviewAssignmentOptions {
  /** Seed that spreads equally good reviewers over applications; default 1. */
  readonly seed?: number | undefined
  /** Pairs shortlisted per application beyond its k before pricing adds more (tuning); default 6. */
  readonly shortlistSlack?: number | undefined
}

/** A reviewer assigned to an application. */
export interface ReviewAssignment {
  readonly application: string
  readonly reviewer: string
  readonly affinity: number
}

/**
 * Why an application got fewer reviews than it needs: fewer eligible reviewers (without a conflict and
 * with a nonzero cap) than reviews needed, or eligible reviewers whose caps other applications must use.
 */
export type ReviewShortfallReason = 'too_few_eligible_reviewers' | 'reviewer_capacity'

/** An application left short of reviews. */
export interface ReviewShortfall {
  readonly application: string
  readonly needed: number
  readonly assigned: number
  readonly eligibleReviewers: number
  readonly reason: ReviewShortfallReason
}

/** A reviewer's load against its cap. */
export interface ReviewerLoad {
  readonly reviewer: string
  readonly load: number
  /** Null = no cap. */
  readonly maxLoad: number | null
}

/** The assignment, every reviewer's load (input order), the shortfalls and summary figures. */
export interface ReviewAssignmentResult {
  /** By application, then reviewer, in input order. */
  readonly assignments: readonly ReviewAssignment[]
  readonly loads: readonly ReviewerLoad[]
  readonly shortfalls: readonly ReviewShortfall[]
  readonly statistics: {
    readonly reviewsNeeded: number
    readonly reviewsAssigned: number
    readonly maxLoad: number
    readonly minLoad: number
    readonly totalAffinity: number
    readonly conflictedPairs: number
    readonly pricingRounds: number
  }
}

/** Extra shortlisted reviewers per application beyond the reviews it needs. */
const SHORTLIST_SLACK = 6
/** Violated pairs added per application and pricing round. */
const ADDED_PER_ROUND = 8

/**
 * Assigns reviewers: each application gets its k reviews, never from a conflicted reviewer, within
 * every reviewer's load cap. Lexicographic objective (decision 0031): (1) as many reviews as possible
 * (a maximum flow; the rest are reported as shortfalls), (2) loads as even as possible — decreasingly
 * minimal, which also minimises the maximum load (Frank & Murota 2022, "Discrete decreasing
 * minimization", Part I: in an M-convex set, minimise Σ load²), (3) the largest total affinity. One
 * min-cost flow (source → application → reviewer → sink, a convex cost per extra review on a reviewer,
 * a source → sink slack arc for reviews that cannot be placed) solved by network simplex on a shortlist
 * of pairs, priced against every left-out pair and load level with the duals (column generation), so
 * the answer is exact. Deterministic: the seed only decides which of equally good pairs are shortlisted.
 */
export function assignReviewers(
  problem: ReviewAssignmentProblem,
  options: ReviewAssignmentOptions = {},
): ReviewAssignmentResult {
  const seed = readSeed(options.seed)
  const compiled = compileReviewProblem(problem)
  const { applicationCount: nA, reviewerCount: nR, needed, maxLoad, eligibleStart } = compiled
  const { eligibleReviewer, eligibleAffinity, maxAffinity } = compiled
  let totalNeeded = 0
  for (let a = 0; a < nA; a++) totalNeeded += needed[a]!
  // A reviewer can take at most its cap and at most one review per eligible application.
  const degree = new Int32Array(nR)
  for (let i = 0; i < eligibleReviewer.length; i++) degree[eligibleReviewer[i]!]!++
  const reviewerRoom = new Int32Array(nR)
  for (let r = 0; r < nR; r++) reviewerRoom[r] = Math.min(maxLoad[r]!, degree[r]!)
  // Start each reviewer at one level above the even load (the water level over the reviewers' room);
  // pricing adds more levels where the optimum needs them.
  const evenLoad = findEvenLoad(reviewerRoom, totalNeeded)
  const levels = new Int32Array(nR)
  for (let r = 0; r < nR; r++) levels[r] = Math.min(reviewerRoom[r]!, evenLoad + 1)
  const isKept = shortlist(compiled, seed, options.shortlistSlack ?? SHORTLIST_SLACK)
  // Weight of one unit of Σ load(load − 1)/2: more than any difference in total affinity cost.
  const loadWeight = totalNeeded * maxAffinity + 1

  let rounds = 0
  for (;;) {
    rounds++
    const network = buildNetwork(compiled, isKept, levels, reviewerRoom, loadWeight, totalNeeded)
    const solution = solveMinCostFlow(network)
    const { potential } = solution
    let violations = 0
    for (let a = 0; a < nA; a++) {
      let added = 0
      for (let i = eligibleStart[a]!; i < eligibleStart[a + 1]! && added < ADDED_PER_ROUND; i++) {
        if (isKept[i] === 1) continue
        const rc = maxAffinity - eligibleAffinity[i]! + potential[a]! - potential[nA + eligibleReviewer[i]!]!
        if (rc < 0) {
          isKept[i] = 1
          added++
        }
      }
      violations += added
    }
    const sink = nA + nR + 1
    for (let r = 0; r < nR; r++) {
      if (levels[r]! >= reviewerRoom[r]!) continue
      // The next load level costs loadWeight · levels[r]; costlier ones follow only if it is used.
      if (loadWeight * levels[r]! + potential[nA + r]! - potential[sink]! < 0) {
        levels[r] = Math.min(reviewerRoom[r]!, levels[r]! + Math.max(1, levels[r]! >> 2))
        violations++
      }
    }
    if (violations === 0) return buildAssignmentResult(problem, compiled, isKept, solution, rounds)
  }
}

/** Smallest load L with Σ min(room, L) ≥ the reviews needed (the room's total when that is less). */
function findEvenLoad(room: Int32Array, totalNeeded: number): number {
  let lo = 0
  let hi = 0
  for (let r = 0; r < room.length; r++) hi = Math.max(hi, room[r]!)
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    let covered = 0
    for (let r = 0; r < room.length; r++) covered += Math.min(room[r]!, mid)
    if (covered >= totalNeeded) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** Per application, its best `reviews + slack` eligible pairs by affinity, ties by a seeded hash. */
function shortlist(compiled: CompiledReviewProblem, seed: number, slack: number): Uint8Array {
  const { applicationCount: nA, needed, eligibleStart, eligibleReviewer, eligibleAffinity } = compiled
  const isKept = new Uint8Array(eligibleReviewer.length)
  let widest = 0
  for (let a = 0; a < nA; a++) widest = Math.max(widest, eligibleStart[a + 1]! - eligibleStart[a]!)
  const key = new Float64Array(widest)
  for (let a = 0; a < nA; a++) {
    const start = eligibleStart[a]!
    const count = eligibleStart[a + 1]! - start
    const keep = Math.min(count, needed[a]! + slack)
    if (keep === count) {
      isKept.fill(1, start, start + count)
      continue
    }
    for (let i = 0; i < count; i++)
      key[i] = eligibleAffinity[start + i]! * 0x100000000 + hashPair(seed, a, eligibleReviewer[start + i]!)
    // Partial selection of the `keep` largest keys (keep is small).
    for (let picked = 0; picked < keep; picked++) {
      let best = -1
      for (let i = 0; i < count; i++) if (key[i]! >= 0 && (best < 0 || key[i]! > key[best]!)) best = i
      isKept[start + best] = 1
      key[best] = -1
    }
  }
  return isKept
}

/** Nodes: applications, reviewers, source, sink. Arcs: kept pairs first (in CSR order), then the rest. */
function buildNetwork(
  compiled: CompiledReviewProblem,
  isKept: Uint8Array,
  levels: Int32Array,
  reviewerRoom: Int32Array,
  loadWeight: number,
  totalNeeded: number,
) {
  const { applicationCount: nA, reviewerCount: nR, needed, eligibleStart } = compiled
  const { eligibleReviewer, eligibleAffinity, maxAffinity } = compiled
  const source = nA + nR
  const sink = source + 1
  let kept = 0
  for (let i = 0; i < isKept.length; i++) kept += isKept[i]!
  let levelCount = 0
  let highest = 0
  for (let r = 0; r < nR; r++) {
    levelCount += levels[r]!
    highest = Math.max(highest, reviewerRoom[r]!)
  }
  const m = kept + nA + levelCount + 1
  const arcSource = new Int32Array(m)
  const arcTarget = new Int32Array(m)
  const arcCapacity = new Float64Array(m)
  const arcCost = new Float64Array(m)
  let e = 0
  for (let a = 0; a < nA; a++)
    for (let i = eligibleStart[a]!; i < eligibleStart[a + 1]!; i++) {
      if (isKept[i] === 0) continue
      arcSource[e] = a
      arcTarget[e] = nA + eligibleReviewer[i]!
      arcCapacity[e] = 1
      arcCost[e++] = maxAffinity - eligibleAffinity[i]!
    }
  for (let a = 0; a < nA; a++) {
    arcSource[e] = source
    arcTarget[e] = a
    arcCapacity[e++] = needed[a]!
  }
  for (let r = 0; r < nR; r++)
    for (let level = 0; level < levels[r]!; level++) {
      arcSource[e] = nA + r
      arcTarget[e] = sink
      arcCapacity[e] = 1
      arcCost[e++] = loadWeight * level
    }
  // The slack arc costs more than any simple augmenting path, also through load levels not yet in the
  // network (up to each reviewer's room), so it carries only what cannot be placed.
  const slackCost = Math.min(nA, nR) * maxAffinity + loadWeight * Math.max(0, highest - 1) + 1
  if (slackCost * (sink + 2) > 2 ** 52)
    throw new AppError('bad_request', 'reviewer assignment too large for exact costs; lower the affinities')
  arcSource[e] = source
  arcTarget[e] = sink
  arcCapacity[e] = totalNeeded
  arcCost[e] = slackCost
  const supply = new Float64Array(sink + 1)
  supply[source] = totalNeeded
  supply[sink] = -totalNeeded
  return { nodeCount: sink + 1, arcSource, arcTarget, arcCapacity, arcCost, supply }
}

function buildAssignmentResult(
  problem: ReviewAssignmentProblem,
  compiled: CompiledReviewProblem,
  isKept: Uint8Array,
  solution: FlowSolution,
  pricingRounds: number,
): ReviewAssignmentResult {
  const { applicationCount: nA, reviewerCount: nR, needed, maxLoad, eligibleStart } = compiled
  const { eligibleReviewer, eligibleAffinity } = compiled
  const { applications, reviewers } = problem
  const assignments: ReviewAssignment[] = []
  const shortfalls: ReviewShortfall[] = []
  const load = new Int32Array(nR)
  let totalAffinity = 0
  let totalNeeded = 0
  let e = 0
  for (let a = 0; a < nA; a++) {
    let assigned = 0
    for (let i = eligibleStart[a]!; i < eligibleStart[a + 1]!; i++) {
      if (isKept[i] === 0) continue
      if (solution.flow[e++]! > 0) {
        const r = eligibleReviewer[i]!
        assignments.push({
          application: applications[a]!.id,
          reviewer: reviewers[r]!.id,
          affinity: eligibleAffinity[i]!,
        })
        load[r]!++
        assigned++
        totalAffinity += eligibleAffinity[i]!
      }
    }
    totalNeeded += needed[a]!
    if (assigned < needed[a]!) {
      const eligibleReviewers = eligibleStart[a + 1]! - eligibleStart[a]!
      shortfalls.push({
        application: applications[a]!.id,
        needed: needed[a]!,
        assigned,
        eligibleReviewers,
        reason: eligibleReviewers < needed[a]! ? 'too_few_eligible_reviewers' : 'reviewer_capacity',
      })
    }
  }
  let highest = 0
  let lowest = nR > 0 ? Number.POSITIVE_INFINITY : 0
  const loads = reviewers.map((reviewer, r): ReviewerLoad => {
    highest = Math.max(highest, load[r]!)
    lowest = Math.min(lowest, load[r]!)
    return { reviewer: reviewer.id, load: load[r]!, maxLoad: maxLoad[r] === UNCAPPED ? null : maxLoad[r]! }
  })
  return {
    assignments,
    loads,
    shortfalls,
    statistics: {
      reviewsNeeded: totalNeeded,
      reviewsAssigned: assignments.length,
      maxLoad: highest,
      minLoad: lowest,
      totalAffinity,
      conflictedPairs: compiled.conflictedPairs,
      pricingRounds,
    },
  }
}
