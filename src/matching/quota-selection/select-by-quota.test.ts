import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { AppError } from '../../domain/app-error.ts'
import { createRandom } from '../seeded-random.ts'
import type { QuotaSelectionProblem } from './compile-quota-problem.ts'
import { fillFromWaitlist, type QuotaSelectionResult, selectByQuota } from './select-by-quota.ts'

const RUNS = Number(process.env.MATCHING_PROPERTY_RUNS ?? 1)
const seedArbitrary = fc.integer({ min: 0, max: 0x7fffffff })

/** ≤ 8 applicants, scores with ties, companies and countries with default and own caps, a minimum score. */
function randomProblem(seed: number): QuotaSelectionProblem {
  const random = createRandom(seed)
  const n = 1 + random.nextInt(8)
  const applicants = Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    score: random.nextInt(6),
    groups: {
      company: `c${random.nextInt(3)}`,
      ...(random.nextFloat() < 0.8 ? { country: `n${random.nextInt(3)}` } : {}),
    },
  }))
  const caps = [
    ...(random.nextFloat() < 0.8 ? [{ family: 'company', max: 1 + random.nextInt(2) }] : []),
    ...(random.nextFloat() < 0.5 ? [{ family: 'country', max: random.nextInt(3) }] : []),
    ...(random.nextFloat() < 0.4 ? [{ family: 'country', group: 'n0', max: random.nextInt(3) }] : []),
  ]
  return {
    seats: random.nextInt(6),
    applicants,
    caps,
    ...(random.nextFloat() < 0.3 ? { minimumScore: 1 } : {}),
  }
}

/** Merit order computed plainly: score high to low, ties by input position. */
const meritOrder = (problem: QuotaSelectionProblem): number[] =>
  problem.applicants
    .map((_applicant, i) => i)
    .sort((a, b) => problem.applicants[b]!.score - problem.applicants[a]!.score || a - b)

/** Whether a set of applicant indices fits the seats and every cap. */
function isFeasible(problem: QuotaSelectionProblem, set: readonly number[]): boolean {
  if (set.length > problem.seats) return false
  const count = new Map<string, number>()
  for (const i of set)
    for (const [family, group] of Object.entries(problem.applicants[i]!.groups ?? {})) {
      const own = problem.caps?.find((c) => c.family === family && c.group === group)
      const cap = own ?? problem.caps?.find((c) => c.family === family && c.group === undefined)
      if (!cap) continue
      const key = `${family}/${group}`
      count.set(key, (count.get(key) ?? 0) + 1)
      if (count.get(key)! > cap.max) return false
    }
  return true
}

/** Exhaustive: among supersets of `held` drawn from `pool`, the feasible one best in merit order (lexicographic). */
function bruteForce(
  problem: QuotaSelectionProblem,
  held: readonly number[],
  pool: readonly number[],
): Set<number> {
  const order = meritOrder(problem)
  let best: number[] | null = null
  const better = (x: number[], y: number[]): boolean => {
    for (const i of order) if (x.includes(i) !== y.includes(i)) return x.includes(i)
    return false
  }
  for (let mask = 0; mask < 1 << pool.length; mask++) {
    const set = [...held, ...pool.filter((_i, b) => (mask >> b) & 1)]
    if (isFeasible(problem, set) && (best === null || better(set, best))) best = set
  }
  return new Set(best ?? held)
}

const indicesOf = (problem: QuotaSelectionProblem, ids: readonly string[]): number[] =>
  ids.map((id) => problem.applicants.findIndex((a) => a.id === id))

function assertWaitlist(
  problem: QuotaSelectionProblem,
  result: QuotaSelectionResult,
  declined: Set<number>,
): void {
  const order = meritOrder(problem)
  const selected = new Set(indicesOf(problem, result.selected))
  const expected = order
    .filter(
      (i) =>
        !selected.has(i) &&
        !declined.has(i) &&
        problem.applicants[i]!.score >= (problem.minimumScore ?? -Infinity),
    )
    .map((i) => problem.applicants[i]!.id)
  assert.deepEqual(result.waitlist, expected)
}

test('hand-written: 5 seats, at most 2 per company, a country cap; reasons name the cap', () => {
  const applicants = [
    { id: 'a', score: 95, groups: { company: 'acme', country: 'KR' } },
    { id: 'b', score: 90, groups: { company: 'acme', country: 'VN' } },
    { id: 'c', score: 88, groups: { company: 'acme', country: 'KR' } },
    { id: 'd', score: 85, groups: { company: 'bolt', country: 'VN' } },
    { id: 'e', score: 80, groups: { company: 'bolt', country: 'VN' } },
    { id: 'f', score: 70, groups: { company: 'core', country: 'KR' } },
    { id: 'g', score: 60, groups: { company: 'core', country: 'US' } },
    { id: 'h', score: 50, groups: { company: 'core', country: 'US' } },
  ]
  const problem: QuotaSelectionProblem = {
    seats: 5,
    applicants,
    caps: [
      { family: 'company', max: 2 },
      { family: 'country', group: 'VN', max: 2 },
    ],
  }
  const result = selectByQuota(problem)
  assert.deepEqual(result.selected, ['a', 'b', 'd', 'f', 'g'])
  assert.deepEqual(result.waitlist, ['c', 'e', 'h'])
  const byId = Object.fromEntries(result.decisions.map((d) => [d.applicant, d]))
  assert.deepEqual(byId.c!.cap, { family: 'company', group: 'acme', max: 2 })
  assert.equal(byId.e!.reason, 'cap_full')
  assert.deepEqual(byId.e!.cap, { family: 'country', group: 'VN', max: 2 })
  assert.equal(byId.h!.reason, 'seats_full')
  assert.equal(byId.h!.waitlistPosition, 3)
  // b declines: c (acme now has room) is first on the waitlist and fits; nobody selected moves out.
  const after = fillFromWaitlist(problem, { selected: result.selected, declined: ['b'] })
  assert.deepEqual(after.movedIn, ['c'])
  assert.deepEqual(after.selected, ['a', 'c', 'd', 'f', 'g'])
  // d declines too: e fits VN again (b and d gone), so e moves in.
  const later = fillFromWaitlist(problem, { selected: after.selected, declined: ['b', 'd'] })
  assert.deepEqual(later.movedIn, ['e'])
  assert.equal(later.decisions.find((d) => d.applicant === 'd')!.reason, 'declined')
})

test('bad input is refused naming the field', () => {
  assert.throws(
    () =>
      selectByQuota({
        seats: -1,
        applicants: [{ id: 'a', score: Number.NaN }],
        caps: [{ family: 'company', max: 1.5 }],
      }),
    (error: unknown) =>
      error instanceof AppError &&
      ['seats', 'applicants[0].score', 'caps[0].max'].every((path) =>
        error.issues.some((i) => i.path === path),
      ),
  )
  assert.throws(
    () =>
      fillFromWaitlist({ seats: 1, applicants: [{ id: 'a', score: 1 }] }, { selected: ['x'], declined: [] }),
    (error: unknown) => error instanceof AppError && error.issues[0]?.path === 'selected[0]',
  )
})

test('quota selection equals brute force (lexicographic in merit order), no justified envy, waitlist in merit order', () => {
  fc.assert(
    fc.property(seedArbitrary, (seed) => {
      const problem = randomProblem(seed)
      const result = selectByQuota(problem)
      const eligible = problem.applicants
        .map((_a, i) => i)
        .filter((i) => problem.applicants[i]!.score >= (problem.minimumScore ?? -Infinity))
      const selected = indicesOf(problem, result.selected)
      assert.deepEqual(new Set(selected), bruteForce(problem, [], eligible))
      assert.ok(isFeasible(problem, selected))
      // No justified envy: an eligible applicant left out cannot replace anyone selected with a lower rank.
      const rank = new Map(meritOrder(problem).map((i, k) => [i, k]))
      for (const i of eligible) {
        if (selected.includes(i)) continue
        assert.ok(!isFeasible(problem, [...selected, i]))
        for (const j of selected)
          if (rank.get(j)! > rank.get(i)!)
            assert.ok(!isFeasible(problem, [...selected.filter((x) => x !== j), i]))
      }
      assertWaitlist(problem, result, new Set())
      assert.equal(result.emptySeats, problem.seats - selected.length)
    }),
    { numRuns: 1000 * RUNS },
  )
})

test('a decline moves the first waitlisted applicants who fit in, never displacing anyone (brute force)', () => {
  fc.assert(
    fc.property(seedArbitrary, (seed) => {
      const problem = randomProblem(seed)
      const first = selectByQuota(problem)
      const random = createRandom(seed ^ 0x51ed)
      const declinedIds = [...first.selected, ...first.waitlist].filter(() => random.nextFloat() < 0.35)
      const after = fillFromWaitlist(problem, { selected: first.selected, declined: declinedIds })
      const declined = new Set(indicesOf(problem, declinedIds))
      const kept = indicesOf(problem, first.selected).filter((i) => !declined.has(i))
      const pool = problem.applicants
        .map((_a, i) => i)
        .filter(
          (i) =>
            !kept.includes(i) &&
            !declined.has(i) &&
            problem.applicants[i]!.score >= (problem.minimumScore ?? -Infinity),
        )
      const selected = indicesOf(problem, after.selected)
      for (const i of kept) assert.ok(selected.includes(i), 'a selected applicant was displaced')
      assert.deepEqual(new Set(selected), bruteForce(problem, kept, pool))
      assert.deepEqual(
        new Set(indicesOf(problem, after.movedIn)),
        new Set(selected.filter((i) => !kept.includes(i))),
      )
      assertWaitlist(problem, after, declined)
      // One decline: the first to move in is the first on the old waitlist who fits (more may follow when
      // seats were left empty because a cap the decliner held blocked them).
      if (declinedIds.length === 1 && first.selected.includes(declinedIds[0]!)) {
        const fits = first.waitlist.find((id) => isFeasible(problem, [...kept, ...indicesOf(problem, [id])]))
        assert.equal(after.movedIn[0], fits)
        assert.ok(after.movedIn.length <= 1 + first.emptySeats)
        if (first.emptySeats === 0) assert.deepEqual(after.movedIn, fits === undefined ? [] : [fits])
      }
    }),
    { numRuns: 1000 * RUNS },
  )
})
