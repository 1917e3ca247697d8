import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { AppError } from '../../domain/app-error.ts'
import { createRandom } from '../seeded-random.ts'
import { type FairShareProblem, solveFairShare } from './solve-fair-share.ts'

const RUNS = Number(process.env.MATCHING_PROPERTY_RUNS ?? 1)
const seedArbitrary = fc.integer({ min: 0, max: 0x7fffffff })

/** A random small problem: up to 5 claims, integer weights 1–4, some caps, up to 3 classes. */
function randomProblem(seed: number, maxClaims = 5): FairShareProblem {
  const random = createRandom(seed)
  const n = 1 + random.nextInt(maxClaims)
  const claims = Array.from({ length: n }, (_, i) => ({
    id: `o${i}`,
    demand: random.nextInt(6),
    weight: 1 + random.nextInt(4),
    ...(random.nextFloat() < 0.3 ? { cap: random.nextInt(5) } : {}),
    ...(random.nextFloat() < 0.5 ? { priorityClass: 1 + random.nextInt(3) } : {}),
  }))
  return { total: random.nextInt(16), claims }
}

const upperOf = (claim: FairShareProblem['claims'][number]): number =>
  Math.min(claim.demand, claim.cap ?? Number.POSITIVE_INFINITY)

/** Compares two ascending share vectors lexicographically (−1, 0, 1) with a tolerance for float noise. */
function compareLeximin(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]! - 1e-12) return -1
    if (a[i]! > b[i]! + 1e-12) return 1
  }
  return 0
}

/** Exhaustive leximin optimum of one class's shares given its budget: every integer vector is tried. */
function bruteForceShares(uppers: readonly number[], weights: readonly number[], budget: number): number[] {
  const target = Math.min(
    budget,
    uppers.reduce((s, u) => s + u, 0),
  )
  let best: number[] | null = null
  const x = uppers.map(() => 0)
  const visit = (i: number, used: number): void => {
    if (i === uppers.length) {
      if (used !== target) return
      const shares = x.map((v, j) => v / weights[j]!).sort((p, q) => p - q)
      if (best === null || compareLeximin(shares, best) > 0) best = shares
      return
    }
    for (let v = 0; v <= uppers[i]! && used + v <= target; v++) {
      x[i] = v
      visit(i + 1, used + v)
    }
    x[i] = 0
  }
  visit(0, 0)
  return best ?? []
}

test('hand-written: water-filling with weights, a cap, and a second class that gets the rest', () => {
  const result = solveFairShare({
    total: 100,
    claims: [
      { id: 'a', demand: 80 },
      { id: 'b', demand: 80, weight: 3 },
      { id: 'c', demand: 10 },
      { id: 'd', demand: 50, cap: 5 },
      { id: 'e', demand: 30, priorityClass: 2 },
    ],
  })
  // Class 1: c and d are satisfied (10, 5); a and b share 85 at level 85/4 = 21.25 → b 63.75, a 21.25.
  const byId = Object.fromEntries(result.allocations.map((a) => [a.id, a]))
  assert.equal(byId.c!.allocation, 10)
  assert.equal(byId.c!.status, 'demand_met')
  assert.equal(byId.d!.allocation, 5)
  assert.equal(byId.d!.status, 'capped')
  assert.equal(byId.a!.allocation + byId.b!.allocation, 85)
  assert.ok(Math.abs(byId.a!.allocation - 21.25) <= 1 && Math.abs(byId.b!.allocation - 63.75) <= 1)
  assert.equal(byId.a!.status, 'fair_share')
  assert.equal(byId.e!.allocation, 0)
  assert.equal(byId.e!.status, 'class_not_reached')
  assert.equal(result.allocated, 100)
  assert.equal(result.unallocated, 0)
  assert.deepEqual(
    result.classes.map((c) => [c.priorityClass, c.requested, c.allocated]),
    [
      [1, 175, 100],
      [2, 30, 0],
    ],
  )
})

test('hand-written: a small organisation gets its unit before a large one gets more (max-min, not D’Hondt)', () => {
  // Weights 1 and 3, two units: (1, 1) has minimum share 1/3; (0, 2) would leave the small one at 0.
  const result = solveFairShare({
    total: 2,
    claims: [
      { id: 'small', demand: 5 },
      { id: 'large', demand: 5, weight: 3 },
    ],
  })
  assert.deepEqual(
    result.allocations.map((a) => a.allocation),
    [1, 1],
  )
  const surplus = solveFairShare({ total: 50, claims: [{ id: 'x', demand: 20 }] })
  assert.equal(surplus.unallocated, 30)
  assert.equal(surplus.classes[0]!.level, null)
})

test('bad input is refused naming the field', () => {
  assert.throws(
    () =>
      solveFairShare({
        total: 10,
        claims: [
          { id: 'a', demand: -1 },
          { id: 'a', demand: 2, weight: 0 },
        ],
      }),
    (error: unknown) =>
      error instanceof AppError &&
      error.code === 'bad_request' &&
      error.issues.some((i) => i.path === 'claims[0].demand') &&
      error.issues.some((i) => i.path === 'claims[1].id') &&
      error.issues.some((i) => i.path === 'claims[1].weight'),
  )
})

test('fair share is the leximin optimum per class (brute force), respects caps, demands, total and classes', () => {
  fc.assert(
    fc.property(seedArbitrary, (seed) => {
      const problem = randomProblem(seed)
      const result = solveFairShare(problem)
      const { claims } = problem
      const requested = claims.reduce((s, c) => s + upperOf(c), 0)
      assert.equal(result.allocated, Math.min(problem.total, requested))
      assert.equal(
        result.allocations.reduce((s, a) => s + a.allocation, 0),
        result.allocated,
      )
      const classes = [...new Set(claims.map((c) => c.priorityClass ?? 1))].sort((a, b) => a - b)
      let budget = problem.total
      let isEarlierShort = false
      for (const k of classes) {
        const members = claims.map((_claim, i) => i).filter((i) => (claims[i]!.priorityClass ?? 1) === k)
        const uppers = members.map((i) => upperOf(claims[i]!))
        const weights = members.map((i) => claims[i]!.weight ?? 1)
        const given = members.map((i) => result.allocations[i]!.allocation)
        for (let j = 0; j < members.length; j++) {
          assert.ok(Number.isInteger(given[j]) && given[j]! >= 0 && given[j]! <= uppers[j]!)
          // No unit can move from one member to another whose share stays below the giver's new share.
          for (let t = 0; t < members.length; t++)
            if (t !== j && given[j]! < uppers[j]! && given[t]! > 0)
              assert.ok((given[t]! - 1) / weights[t]! <= given[j]! / weights[j]! + 1e-12)
        }
        const total = given.reduce((s, v) => s + v, 0)
        // Strict priority: a class gets units only when every earlier class has all it asked for.
        if (isEarlierShort) assert.equal(total, 0)
        const shares = given.map((v, j) => v / weights[j]!).sort((p, q) => p - q)
        assert.equal(compareLeximin(shares, bruteForceShares(uppers, weights, budget)), 0)
        budget -= total
        if (total < uppers.reduce((s, u) => s + u, 0)) isEarlierShort = true
      }
    }),
    { numRuns: 800 * RUNS },
  )
})

test('fair share is deterministic: the same problem gives the same allocation', () => {
  fc.assert(
    fc.property(seedArbitrary, (seed) => {
      const problem = randomProblem(seed, 40)
      assert.deepEqual(solveFairShare(problem), solveFairShare(problem))
    }),
    { numRuns: 100 * RUNS },
  )
})
