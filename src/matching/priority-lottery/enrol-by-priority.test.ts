import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { AppError } from '../../domain/app-error.ts'
import { createRandom } from '../seeded-random.ts'
import { drawSingleLottery } from './draw-single-lottery.ts'
import { buildPriorityMarket, enrolByPriority, type PriorityEnrolmentProblem } from './enrol-by-priority.ts'

const RUNS = Number(process.env.MATCHING_PROPERTY_RUNS ?? 1)
const seedArbitrary = fc.integer({ min: 0, max: 0x7fffffff })

/** ≤ 6 applicants, ≤ 3 courses, 3 priority groups, some per-course groups. */
function randomProblem(seed: number): PriorityEnrolmentProblem {
  const random = createRandom(seed)
  const nC = 1 + random.nextInt(3)
  const courses = Array.from({ length: nC }, (_, k) => ({ id: `k${k}`, seats: random.nextInt(3) }))
  const applicants = Array.from({ length: 1 + random.nextInt(6) }, (_, i) => {
    const choices = courses.map((c) => c.id).filter(() => random.nextFloat() < 0.75)
    for (let j = choices.length - 1; j > 0; j--) {
      const t = random.nextInt(j + 1)
      ;[choices[j], choices[t]] = [choices[t]!, choices[j]!]
    }
    return {
      id: `s${i}`,
      choices,
      priority: 1 + random.nextInt(3),
      ...(random.nextFloat() < 0.2 && choices[0] ? { coursePriority: { [choices[0]]: 1 } } : {}),
    }
  })
  return { courses, applicants }
}

/** Course → applicant → (group, lottery) key; smaller is better. */
function keys(problem: PriorityEnrolmentProblem, lottery: Int32Array) {
  return (course: string, i: number): number => {
    const a = problem.applicants[i]!
    return (a.coursePriority?.[course] ?? a.priority ?? 1) * 1000 + lottery[i]!
  }
}

/** A placement (applicant index → course or null) is stable: seats kept, no justified envy, no wasted seat. */
function isStable(
  problem: PriorityEnrolmentProblem,
  placement: (string | null)[],
  lottery: Int32Array,
): boolean {
  const key = keys(problem, lottery)
  const { courses, applicants } = problem
  for (const course of courses) {
    const members = placement.map((c, i) => (c === course.id ? i : -1)).filter((i) => i >= 0)
    if (members.length > course.seats) return false
    for (let i = 0; i < applicants.length; i++) {
      const choices = applicants[i]!.choices
      if (!choices.includes(course.id)) continue
      const own = placement[i] ?? null
      if (own !== null && choices.indexOf(own) <= choices.indexOf(course.id)) continue
      if (members.length < course.seats) return false
      if (members.some((j) => key(course.id, j) > key(course.id, i))) return false
    }
  }
  return true
}

/** Every stable placement, by exhaustive search. */
function stablePlacements(problem: PriorityEnrolmentProblem, lottery: Int32Array): (string | null)[][] {
  const out: (string | null)[][] = []
  const current: (string | null)[] = []
  const visit = (i: number): void => {
    if (i === problem.applicants.length) {
      if (isStable(problem, current, lottery)) out.push([...current])
      return
    }
    for (const option of [null, ...problem.applicants[i]!.choices]) {
      current[i] = option
      visit(i + 1)
    }
  }
  visit(0)
  return out
}

test('hand-written: residents first, then Seoul startups, then others; lottery inside a group', () => {
  const applicants = Array.from({ length: 9 }, (_, i) => ({
    id: `p${i}`,
    choices: ['basics', 'practice'],
    priority: 1 + (i % 3),
  }))
  const problem = {
    courses: [
      { id: 'basics', seats: 4 },
      { id: 'practice', seats: 2 },
    ],
    applicants,
  }
  const result = enrolByPriority(problem, { seed: 7 })
  const byId = Object.fromEntries(result.placements.map((p) => [p.applicant, p]))
  // Group 1 (p0, p3, p6) all get basics; one of group 2 gets the last basics seat by lottery.
  for (const id of ['p0', 'p3', 'p6']) assert.equal(byId[id]!.course, 'basics')
  const group2 = ['p1', 'p4', 'p7'].sort((a, b) => byId[a]!.lotteryNumber - byId[b]!.lotteryNumber)
  assert.equal(byId[group2[0]!]!.course, 'basics')
  assert.deepEqual(
    group2.slice(1).map((id) => byId[id]!.course),
    ['practice', 'practice'],
  )
  const basics = result.courses.find((c) => c.course === 'basics')!
  assert.deepEqual(basics.cutoff, { priority: 2, lotteryNumber: byId[group2[0]!]!.lotteryNumber })
  assert.equal(basics.waitlist.length, 5)
  assert.equal(byId[group2[1]!]!.choices[0]!.waitlistPosition, 1)
  assert.deepEqual(
    [...result.placements.map((p) => p.lotteryNumber)].sort((a, b) => a - b),
    [1, 2, 3, 4, 5, 6, 7, 8, 9],
  )
  // A withdrawal: the first on the basics waitlist moves up, freeing a practice seat for the next.
  const withdrawn = enrolByPriority(
    { ...problem, applicants: applicants.filter((a) => a.id !== 'p0') },
    { seed: 7 },
  )
  assert.equal(withdrawn.placements.find((p) => p.applicant === group2[1])!.course, 'basics')
})

test('bad input is refused naming the field', () => {
  assert.throws(
    () =>
      enrolByPriority({
        courses: [{ id: 'x', seats: -2 }],
        applicants: [{ id: 'a', choices: ['x', 'y', 'x'], priority: 0 }],
      }),
    (error: unknown) =>
      error instanceof AppError &&
      [
        'courses[0].seats',
        'applicants[0].choices[1]',
        'applicants[0].choices[2]',
        'applicants[0].priority',
      ].every((path) => error.issues.some((i) => i.path === path)),
  )
})

test('priority lottery: stable (priorities respected, no justified envy, no wasted seat) and applicant-optimal', () => {
  fc.assert(
    fc.property(seedArbitrary, seedArbitrary, (problemSeed, seed) => {
      const problem = randomProblem(problemSeed)
      const result = enrolByPriority(problem, { seed })
      const { lotteryNumber } = buildPriorityMarket(problem, seed)
      const placement = result.placements.map((p) => p.course)
      assert.ok(isStable(problem, placement, lotteryNumber))
      // Applicant-proposing deferred acceptance: everyone gets their best course over all stable placements.
      const all = stablePlacements(problem, lotteryNumber)
      problem.applicants.forEach((a, i) => {
        const rankOf = (c: string | null) => (c === null ? Infinity : a.choices.indexOf(c))
        assert.equal(rankOf(placement[i]!), Math.min(...all.map((m) => rankOf(m[i]!))))
      })
      // One lottery: numbers are 1..n, and each course orders a group by them.
      assert.deepEqual(
        [...lotteryNumber].sort((x, y) => x - y),
        problem.applicants.map((_a, i) => i + 1),
      )
      const key = keys(problem, lotteryNumber)
      for (const course of result.courses) {
        const ks = course.waitlist.map((id) =>
          key(
            course.course,
            problem.applicants.findIndex((a) => a.id === id),
          ),
        )
        assert.deepEqual(
          ks,
          [...ks].sort((x, y) => x - y),
        )
      }
      assert.deepEqual(enrolByPriority(problem, { seed }), result)
    }),
    { numRuns: 500 * RUNS },
  )
})

test('a withdrawal leaves every other applicant weakly better off and keeps the lottery order', () => {
  fc.assert(
    fc.property(seedArbitrary, seedArbitrary, (problemSeed, seed) => {
      const problem = randomProblem(problemSeed)
      const before = enrolByPriority(problem, { seed })
      const gone = problem.applicants[problemSeed % problem.applicants.length]!.id
      const after = enrolByPriority(
        { ...problem, applicants: problem.applicants.filter((a) => a.id !== gone) },
        { seed },
      )
      for (const p of after.placements) {
        const old = before.placements.find((q) => q.applicant === p.applicant)!
        assert.ok((p.choiceRank ?? Infinity) <= (old.choiceRank ?? Infinity), `${p.applicant} lost a seat`)
        for (const q of after.placements)
          assert.equal(
            p.lotteryNumber < q.lotteryNumber,
            old.lotteryNumber < before.placements.find((x) => x.applicant === q.applicant)!.lotteryNumber,
          )
      }
    }),
    { numRuns: 300 * RUNS },
  )
})

test('the lottery is a fair draw: over many seeds each of 4 applicants is luckiest about a quarter of the time', () => {
  const ids = ['ana', 'bo', 'chi', 'dung']
  const wins = new Map(ids.map((id) => [id, 0]))
  for (let seed = 0; seed < 4000; seed++) {
    const lottery = drawSingleLottery(ids, seed)
    wins.set(ids[lottery.indexOf(1)]!, wins.get(ids[lottery.indexOf(1)]!)! + 1)
  }
  for (const count of wins.values()) assert.ok(count > 850 && count < 1150, `won ${count} of 4000`)
  assert.deepEqual(drawSingleLottery(ids, 5), drawSingleLottery(ids, 5))
})
