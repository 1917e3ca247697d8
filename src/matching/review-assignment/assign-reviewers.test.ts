import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { AppError } from '../../domain/app-error.ts'
import { createRandom } from '../seeded-random.ts'
import { assignReviewers, type ReviewAssignmentResult } from './assign-reviewers.ts'
import type { ReviewAssignmentProblem } from './compile-review-problem.ts'

const RUNS = Number(process.env.MATCHING_PROPERTY_RUNS ?? 1)
const seedArbitrary = fc.integer({ min: 0, max: 0x7fffffff })

/** A small random problem: ≤ 4 applications, ≤ 4 reviewers, k ≤ 2, keys, declared conflicts, caps, affinities. */
function randomProblem(seed: number): ReviewAssignmentProblem {
  const random = createRandom(seed)
  const nA = 1 + random.nextInt(4)
  const nR = 1 + random.nextInt(4)
  const companies = ['acme', 'bolt', 'core']
  const applications = Array.from({ length: nA }, (_, a) => ({
    id: `a${a}`,
    conflictKeys: [`company:${companies[random.nextInt(3)]}`],
    ...(random.nextFloat() < 0.25 ? { reviews: random.nextInt(3) } : {}),
  }))
  const reviewers = Array.from({ length: nR }, (_, r) => ({
    id: `r${r}`,
    ...(random.nextFloat() < 0.6 ? { maxLoad: random.nextInt(4) } : {}),
    conflictKeys: random.nextFloat() < 0.4 ? [`company:${companies[random.nextInt(3)]}`] : [],
  }))
  const pairs = applications.flatMap((a) => reviewers.map((r) => ({ application: a.id, reviewer: r.id })))
  const conflicts = pairs.filter(() => random.nextFloat() < 0.15)
  const affinities =
    random.nextFloat() < 0.6
      ? pairs.filter(() => random.nextFloat() < 0.7).map((p) => ({ ...p, affinity: random.nextInt(6) }))
      : []
  return {
    reviewsPerApplication: 1 + random.nextInt(2),
    applications,
    reviewers,
    conflicts,
    affinities,
  }
}

/** Plain view of who may review what (no engine code): conflicts by shared key or declared pair, caps. */
function eligibility(problem: ReviewAssignmentProblem) {
  const conflicted = new Set((problem.conflicts ?? []).map((c) => `${c.application} ${c.reviewer}`))
  const affinity = new Map(
    (problem.affinities ?? []).map((p) => [`${p.application} ${p.reviewer}`, p.affinity]),
  )
  const isEligible = (
    a: ReviewAssignmentProblem['applications'][number],
    r: ReviewAssignmentProblem['reviewers'][number],
  ) =>
    !conflicted.has(`${a.id} ${r.id}`) &&
    !(a.conflictKeys ?? []).some((k) => (r.conflictKeys ?? []).includes(k)) &&
    (r.maxLoad ?? 1) > 0
  return { isEligible, affinity: (a: string, r: string) => affinity.get(`${a} ${r}`) ?? 0 }
}

/** Lexicographic key of an assignment: more reviews, then loads sorted high to low smaller, then more affinity. */
type Key = { readonly reviews: number; readonly loads: readonly number[]; readonly affinity: number }
function compareKeys(x: Key, y: Key): number {
  if (x.reviews !== y.reviews) return x.reviews - y.reviews
  for (let i = 0; i < x.loads.length; i++) if (x.loads[i] !== y.loads[i]) return y.loads[i]! - x.loads[i]!
  return x.affinity - y.affinity
}

/** Exhaustive best key: every application tries every subset of at most k eligible reviewers. */
function bruteForce(problem: ReviewAssignmentProblem): Key {
  const { isEligible, affinity } = eligibility(problem)
  const { applications, reviewers } = problem
  const options = applications.map((a) => {
    const k = a.reviews ?? problem.reviewsPerApplication
    const eligible = reviewers.filter((r) => isEligible(a, r)).map((r) => r.id)
    const subsets: string[][] = [[]]
    for (const r of eligible) for (const s of [...subsets]) if (s.length < k) subsets.push([...s, r])
    return subsets
  })
  let best: Key | null = null
  const load = new Map<string, number>(reviewers.map((r) => [r.id, 0]))
  const visit = (i: number, reviews: number, total: number): void => {
    if (i === applications.length) {
      const key = { reviews, loads: [...load.values()].sort((p, q) => q - p), affinity: total }
      if (best === null || compareKeys(key, best) > 0) best = key
      return
    }
    for (const subset of options[i]!) {
      if (subset.some((r) => load.get(r)! + 1 > (reviewers.find((x) => x.id === r)!.maxLoad ?? Infinity)))
        continue
      for (const r of subset) load.set(r, load.get(r)! + 1)
      visit(
        i + 1,
        reviews + subset.length,
        total + subset.reduce((s, r) => s + affinity(applications[i]!.id, r), 0),
      )
      for (const r of subset) load.set(r, load.get(r)! - 1)
    }
  }
  visit(0, 0, 0)
  return best!
}

function keyOf(result: ReviewAssignmentResult): Key {
  return {
    reviews: result.assignments.length,
    loads: result.loads.map((l) => l.load).sort((p, q) => q - p),
    affinity: result.statistics.totalAffinity,
  }
}

/**
 * Independent certificates for a medium problem: the number of reviews equals a maximum flow found by
 * plain augmenting paths, and no review can move from a reviewer to one with a load at least 2 lower
 * along an alternating path (which, in an M-convex set, proves the loads decreasingly minimal).
 */
function assertMaximalAndEven(problem: ReviewAssignmentProblem, result: ReviewAssignmentResult): void {
  const { isEligible } = eligibility(problem)
  const { applications, reviewers } = problem
  const need = applications.map((a) => a.reviews ?? problem.reviewsPerApplication)
  const cap = reviewers.map((r) => r.maxLoad ?? Infinity)
  const eligible = applications.map((a) => reviewers.map((r) => isEligible(a, r)))
  // Maximum flow by augmenting paths (source → application → reviewer → sink), from scratch.
  const assigned = applications.map(() => reviewers.map(() => false))
  const load = reviewers.map(() => 0)
  const got = applications.map(() => 0)
  const augment = (): boolean => {
    // BFS over applications (entered from the source or from a reviewer through an assigned pair).
    const from = new Map<string, string | null>()
    const queue: string[] = []
    applications.forEach((_, a) => {
      if (got[a]! < need[a]!) {
        from.set(`a${a}`, null)
        queue.push(`a${a}`)
      }
    })
    while (queue.length > 0) {
      const node = queue.shift()!
      const index = Number(node.slice(1))
      if (node[0] === 'a') {
        for (let r = 0; r < reviewers.length; r++)
          if (eligible[index]![r] && !assigned[index]![r] && !from.has(`r${r}`)) {
            from.set(`r${r}`, node)
            if (load[r]! < cap[r]!) {
              let at: string = `r${r}`
              while (from.get(at) !== null) {
                const prev = from.get(at)!
                const [x, y] =
                  at[0] === 'r'
                    ? [Number(prev.slice(1)), Number(at.slice(1))]
                    : [Number(at.slice(1)), Number(prev.slice(1))]
                assigned[x]![y] = at[0] === 'r'
                at = prev
              }
              got[Number(at.slice(1))]!++
              load[r]!++
              return true
            }
            queue.push(`r${r}`)
          }
      } else
        for (let a = 0; a < applications.length; a++)
          if (assigned[a]![index] && !from.has(`a${a}`)) {
            from.set(`a${a}`, node)
            queue.push(`a${a}`)
          }
    }
    return false
  }
  while (augment()) {}
  assert.equal(
    result.statistics.reviewsAssigned,
    got.reduce((s, v) => s + v, 0),
    'not a maximum number of reviews',
  )
  // Exchange check on the engine's assignment: from an overloaded reviewer r1, alternate (assigned pair
  // back to its application, then an unassigned eligible pair, or through the source to any application
  // still short) and look for a reviewer with room and a load at least 2 lower.
  const mine = applications.map((a) =>
    reviewers.map((r) => result.assignments.some((x) => x.application === a.id && x.reviewer === r.id)),
  )
  const myLoad = reviewers.map((r) => result.loads.find((l) => l.reviewer === r.id)!.load)
  const myGot = applications.map((a) => result.assignments.filter((x) => x.application === a.id).length)
  for (let r1 = 0; r1 < reviewers.length; r1++) {
    const seenReviewer = new Set([r1])
    const seenApplication = new Set<number>()
    let isSourceUsed = false
    const queue = [r1]
    while (queue.length > 0) {
      const r = queue.shift()!
      const next: number[] = []
      for (let a = 0; a < applications.length; a++) if (mine[a]![r] && !seenApplication.has(a)) next.push(a)
      if (!isSourceUsed && next.length > 0) {
        isSourceUsed = true
        for (let a = 0; a < applications.length; a++) if (myGot[a]! < need[a]!) next.push(a)
      }
      for (const a of next) {
        seenApplication.add(a)
        for (let r2 = 0; r2 < reviewers.length; r2++) {
          if (seenReviewer.has(r2) || !eligible[a]![r2] || mine[a]![r2]) continue
          seenReviewer.add(r2)
          assert.ok(
            !(myLoad[r2]! < cap[r2]! && myLoad[r2]! <= myLoad[r1]! - 2),
            `a review can move from r${r1} to r${r2}`,
          )
          queue.push(r2)
        }
      }
    }
  }
}

test('hand-written: a conflicted reviewer is never assigned and loads are even', () => {
  const result = assignReviewers({
    reviewsPerApplication: 2,
    applications: [
      { id: 'n1', conflictKeys: ['company:acme'] },
      { id: 'n2', conflictKeys: ['company:acme'] },
      { id: 'n3', conflictKeys: ['company:bolt'] },
      { id: 'n4' },
    ],
    reviewers: [{ id: 'kim', conflictKeys: ['company:acme'] }, { id: 'lee', maxLoad: 3 }, { id: 'park' }],
    affinities: [{ application: 'n4', reviewer: 'kim', affinity: 90 }],
  })
  assert.ok(
    !result.assignments.some(
      (a) => a.reviewer === 'kim' && (a.application === 'n1' || a.application === 'n2'),
    ),
  )
  assert.equal(result.assignments.length, 8)
  assert.deepEqual(result.shortfalls, [])
  // 8 reviews over 3 reviewers: loads 3, 3, 2 (kim can take only n3 and n4).
  assert.deepEqual(result.loads.map((l) => l.load).sort(), [2, 3, 3])
  assert.ok(result.assignments.some((a) => a.application === 'n4' && a.reviewer === 'kim'))
})

test('hand-written: the shortfall names the application and why', () => {
  const result = assignReviewers({
    reviewsPerApplication: 3,
    applications: [{ id: 'x', conflictKeys: ['institution:kaist'] }, { id: 'y' }],
    reviewers: [
      { id: 'r1', maxLoad: 1, conflictKeys: ['institution:kaist'] },
      { id: 'r2', maxLoad: 1 },
      { id: 'r3', maxLoad: 1 },
      { id: 'r4', maxLoad: 0 },
    ],
  })
  // Three seats of review capacity for six reviews: x can use only two reviewers, y all three.
  assert.equal(result.statistics.reviewsAssigned, 3)
  assert.deepEqual(
    result.shortfalls.map((s) => [s.application, s.eligibleReviewers, s.reason]),
    [
      ['x', 2, 'too_few_eligible_reviewers'],
      ['y', 3, 'reviewer_capacity'],
    ],
  )
  assert.equal(result.shortfalls[0]!.assigned + result.shortfalls[1]!.assigned, 3)
})

test('bad input is refused naming the field', () => {
  assert.throws(
    () =>
      assignReviewers({
        reviewsPerApplication: 2,
        applications: [{ id: 'a' }],
        reviewers: [{ id: 'r', maxLoad: -1 }],
        conflicts: [{ application: 'a', reviewer: 'nobody' }],
        affinities: [{ application: 'a', reviewer: 'r', affinity: 101 }],
      }),
    (error: unknown) =>
      error instanceof AppError &&
      ['reviewers[0].maxLoad', 'conflicts[0].reviewer', 'affinities[0].affinity'].every((path) =>
        error.issues.some((i) => i.path === path),
      ),
  )
})

test('reviewer assignment: no conflicted pair, caps kept, k whenever feasible, optimal versus brute force', () => {
  fc.assert(
    fc.property(seedArbitrary, seedArbitrary, (problemSeed, seed) => {
      const problem = randomProblem(problemSeed)
      const result = assignReviewers(problem, { seed, shortlistSlack: seed % 3 })
      const { isEligible } = eligibility(problem)
      const byId = (id: string) => problem.applications.find((a) => a.id === id)!
      const reviewerById = (id: string) => problem.reviewers.find((r) => r.id === id)!
      const seen = new Set<string>()
      for (const a of result.assignments) {
        assert.ok(isEligible(byId(a.application), reviewerById(a.reviewer)), 'conflicted or capped-at-0 pair')
        assert.ok(!seen.has(`${a.application} ${a.reviewer}`), 'same pair twice')
        seen.add(`${a.application} ${a.reviewer}`)
      }
      for (const l of result.loads) assert.ok(l.load <= (reviewerById(l.reviewer).maxLoad ?? Infinity))
      const best = bruteForce(problem)
      assert.deepEqual(keyOf(result), best)
      // Every application gets k exactly when the brute force can give everyone k; else the shortfall says so.
      const needed = problem.applications.reduce(
        (s, a) => s + (a.reviews ?? problem.reviewsPerApplication),
        0,
      )
      assert.equal(result.shortfalls.length === 0, best.reviews === needed)
      for (const a of problem.applications) {
        const k = a.reviews ?? problem.reviewsPerApplication
        const got = result.assignments.filter((x) => x.application === a.id).length
        const short = result.shortfalls.find((s) => s.application === a.id)
        assert.equal(short !== undefined, got < k)
        if (short) {
          const eligible = problem.reviewers.filter((r) => isEligible(a, r)).length
          assert.equal(short.reason, eligible < k ? 'too_few_eligible_reviewers' : 'reviewer_capacity')
        }
      }
    }),
    { numRuns: 400 * RUNS },
  )
})

test('reviewer assignment is deterministic for a seed', () => {
  fc.assert(
    fc.property(seedArbitrary, seedArbitrary, (problemSeed, seed) => {
      const problem = randomProblem(problemSeed)
      assert.deepEqual(assignReviewers(problem, { seed }), assignReviewers(problem, { seed }))
    }),
    { numRuns: 100 * RUNS },
  )
})

test('pricing makes a shortlisted solve exact: the same lexicographic key as keeping every pair', () => {
  fc.assert(
    fc.property(seedArbitrary, (seed) => {
      const random = createRandom(seed)
      const nA = 10 + random.nextInt(30)
      const nR = 4 + random.nextInt(12)
      // Dense conflicts (few keys) force some reviewers far above the even load.
      const keys = random.nextFloat() < 0.5 ? 3 : 8
      const applications = Array.from({ length: nA }, (_, a) => ({
        id: `a${a}`,
        conflictKeys: [`k${random.nextInt(keys)}`, `k${random.nextInt(keys)}`],
      }))
      const reviewers = Array.from({ length: nR }, (_, r) => ({
        id: `r${r}`,
        maxLoad: random.nextFloat() < 0.5 ? random.nextInt(12) : null,
        conflictKeys: r % 3 === 0 ? [] : [`k${random.nextInt(keys)}`],
      }))
      const affinities = applications.flatMap((a) =>
        reviewers
          .filter(() => random.nextFloat() < 0.3)
          .map((r) => ({ application: a.id, reviewer: r.id, affinity: random.nextInt(101) })),
      )
      const problem = { reviewsPerApplication: 1 + random.nextInt(3), applications, reviewers, affinities }
      const full = assignReviewers(problem, { shortlistSlack: Infinity })
      const pruned = assignReviewers(problem, { shortlistSlack: 0, seed })
      assert.deepEqual(keyOf(pruned), keyOf(full))
      assertMaximalAndEven(problem, pruned)
    }),
    { numRuns: 60 * RUNS },
  )
})
