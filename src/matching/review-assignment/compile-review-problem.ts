import { collectIssues, isCount } from '../shared/collect-issues.ts'

/** An application to review. */
export interface ReviewApplication {
  readonly id: string
  /** Reviews this application needs; default the problem's `reviewsPerApplication`. */
  readonly reviews?: number | undefined
  /**
   * Conflict keys (e.g. `company:acme`, `institution:kaist`, `person:u123`): a reviewer sharing any key
   * has a conflict of interest and is never assigned.
   */
  readonly conflictKeys?: readonly string[] | undefined
}

/** A committee member who reviews. */
export interface Reviewer {
  readonly id: string
  /** Most reviews this reviewer takes (an integer ≥ 0); null or absent = no cap. */
  readonly maxLoad?: number | null | undefined
  /** Keys of the reviewer's affiliations, declared relations and past employers (see {@link ReviewApplication}). */
  readonly conflictKeys?: readonly string[] | undefined
}

/** One (application, reviewer) pair, by ids. */
export interface ReviewPair {
  readonly application: string
  readonly reviewer: string
}

/** Reviewer assignment: k reviews per application, load caps, conflicts, optional affinities. */
export interface ReviewAssignmentProblem {
  /** Reviews each application needs (k, an integer ≥ 0). */
  readonly reviewsPerApplication: number
  readonly applications: readonly ReviewApplication[]
  readonly reviewers: readonly Reviewer[]
  /** Declared conflicts, in addition to shared conflict keys. */
  readonly conflicts?: readonly ReviewPair[] | undefined
  /** How well a reviewer fits an application: an integer 0–100 (expertise match or bid); absent = 0. */
  readonly affinities?: readonly (ReviewPair & { readonly affinity: number })[] | undefined
}

/** Largest affinity accepted: keeps the lexicographic costs exact in doubles. */
export const MAX_AFFINITY = 100

/** The problem in flat arrays: dense ids (input order) and every eligible pair, CSR by application. */
export interface CompiledReviewProblem {
  readonly applicationCount: number
  readonly reviewerCount: number
  readonly needed: Int32Array
  /** Load cap of each reviewer (UNCAPPED for none). */
  readonly maxLoad: Int32Array
  readonly eligibleStart: Int32Array
  readonly eligibleReviewer: Int32Array
  readonly eligibleAffinity: Int32Array
  /** Number of (application, reviewer) pairs excluded by a conflict. */
  readonly conflictedPairs: number
  readonly maxAffinity: number
}

/** Stands for "no load cap" in {@link CompiledReviewProblem.maxLoad}. */
export const UNCAPPED = 0x7fffffff

/**
 * Checks a problem (throws `bad_request` naming each bad field or unknown id) and lists every eligible
 * pair: not conflicted by a shared key or a declared pair, and the reviewer may take reviews at all.
 */
export function compileReviewProblem(problem: ReviewAssignmentProblem): CompiledReviewProblem {
  const issues = collectIssues()
  const { applications, reviewers } = problem
  const nA = applications.length
  const nR = reviewers.length
  const applicationIndex = issues.index(applications, 'applications')
  const reviewerIndex = issues.index(reviewers, 'reviewers')
  if (!isCount(problem.reviewsPerApplication)) issues.note('reviewsPerApplication', 'must be an integer ≥ 0')
  const needed = new Int32Array(nA)
  for (let a = 0; a < nA; a++) {
    const reviews = applications[a]!.reviews ?? problem.reviewsPerApplication
    if (!isCount(reviews)) issues.note(`applications[${a}].reviews`, 'must be an integer ≥ 0')
    needed[a] = reviews
  }
  const maxLoad = new Int32Array(nR)
  for (let r = 0; r < nR; r++) {
    const cap = reviewers[r]!.maxLoad ?? null
    if (cap !== null && !isCount(cap))
      issues.note(`reviewers[${r}].maxLoad`, 'must be an integer ≥ 0 or null')
    maxLoad[r] = cap === null ? UNCAPPED : cap
  }
  // Conflict keys: each key's reviewers (CSR), so an application marks its conflicts in one pass.
  const keyIndex = new Map<string, number>()
  const keyReviewers: number[][] = []
  for (let r = 0; r < nR; r++)
    for (const key of reviewers[r]!.conflictKeys ?? []) {
      let k = keyIndex.get(key)
      if (k === undefined) {
        k = keyReviewers.length
        keyIndex.set(key, k)
        keyReviewers.push([])
      }
      keyReviewers[k]!.push(r)
    }
  const declared: number[][] = Array.from({ length: nA }, () => [])
  const resolvePair = (pair: ReviewPair, path: string): [number, number] | null => {
    const a = applicationIndex[pair.application]
    const r = reviewerIndex[pair.reviewer]
    if (a === undefined) issues.note(`${path}.application`, `unknown application '${pair.application}'`)
    if (r === undefined) issues.note(`${path}.reviewer`, `unknown reviewer '${pair.reviewer}'`)
    return a === undefined || r === undefined ? null : [a, r]
  }
  ;(problem.conflicts ?? []).forEach((pair, i) => {
    const resolved = resolvePair(pair, `conflicts[${i}]`)
    if (resolved) declared[resolved[0]]!.push(resolved[1])
  })
  const affinityOf: number[][] = Array.from({ length: nA }, () => [])
  let maxAffinity = 0
  ;(problem.affinities ?? []).forEach((pair, i) => {
    const resolved = resolvePair(pair, `affinities[${i}]`)
    if (!Number.isInteger(pair.affinity) || pair.affinity < 0 || pair.affinity > MAX_AFFINITY)
      issues.note(`affinities[${i}].affinity`, `must be an integer 0–${MAX_AFFINITY}`)
    else if (resolved) {
      affinityOf[resolved[0]]!.push(resolved[1], pair.affinity)
      maxAffinity = Math.max(maxAffinity, pair.affinity)
    }
  })
  issues.throwIfAny('reviewer assignment')

  const isConflicted = new Uint8Array(nR)
  const affinity = new Int32Array(nR)
  const markApplication = (a: number, value: 0 | 1): void => {
    for (const key of applications[a]!.conflictKeys ?? []) {
      const k = keyIndex.get(key)
      if (k !== undefined) for (const r of keyReviewers[k]!) isConflicted[r] = value
    }
    for (const r of declared[a]!) isConflicted[r] = value
    const pairs = affinityOf[a]!
    for (let i = 0; i < pairs.length; i += 2) affinity[pairs[i]!] = value === 1 ? pairs[i + 1]! : 0
  }
  const eligibleStart = new Int32Array(nA + 1)
  let conflictedPairs = 0
  for (let a = 0; a < nA; a++) {
    markApplication(a, 1)
    let count = 0
    for (let r = 0; r < nR; r++) {
      if (isConflicted[r] === 1) conflictedPairs++
      else if (maxLoad[r]! > 0) count++
    }
    markApplication(a, 0)
    eligibleStart[a + 1] = eligibleStart[a]! + count
  }
  const eligibleReviewer = new Int32Array(eligibleStart[nA]!)
  const eligibleAffinity = new Int32Array(eligibleStart[nA]!)
  for (let a = 0; a < nA; a++) {
    markApplication(a, 1)
    let at = eligibleStart[a]!
    for (let r = 0; r < nR; r++)
      if (isConflicted[r] === 0 && maxLoad[r]! > 0) {
        eligibleReviewer[at] = r
        eligibleAffinity[at++] = affinity[r]!
      }
    markApplication(a, 0)
  }
  return {
    applicationCount: nA,
    reviewerCount: nR,
    needed,
    maxLoad,
    eligibleStart,
    eligibleReviewer,
    eligibleAffinity,
    conflictedPairs,
    maxAffinity,
  }
}
