import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { AppError } from '../../domain/app-error.ts'
import { breakTies } from '../break-ties.ts'
import { compileMarket } from '../compile-market.ts'
import type { Market, RankingEntry } from '../market-schema.ts'
import { createRandom } from '../seeded-random.ts'
import { countBlockingPairs, enumerateMatchings, toOracle, toStrictMarket } from '../test-markets.ts'
import { buildMentorMarket, type MentorMatchingProblem, matchMentors } from './match-mentors.ts'

const RUNS = Number(process.env.MATCHING_PROPERTY_RUNS ?? 1)
const seedArbitrary = fc.integer({ min: 0, max: 0x7fffffff })

/** ≤ 6 mentees, ≤ 3 mentors; rankings on either side, scores (some tied), mentee and hour capacities. */
function randomProblem(seed: number): MentorMatchingProblem {
  const random = createRandom(seed)
  const mentees = Array.from({ length: 1 + random.nextInt(6) }, (_, e) => `e${e}`)
  const mentors = Array.from({ length: 1 + random.nextInt(3) }, (_, r) => `r${r}`)
  const shuffled = (ids: readonly string[]) =>
    ids.filter(() => random.nextFloat() < 0.8).sort(() => random.nextFloat() - 0.5)
  const hasScores = random.nextFloat() < 0.7
  return {
    mentors: mentors.map((id) => ({
      id,
      maxMentees: random.nextInt(4),
      ...(random.nextFloat() < 0.5 ? { hoursPerMonth: random.nextInt(7) } : {}),
      ...(random.nextFloat() < 0.3 ? { ranking: shuffled(mentees) } : {}),
    })),
    mentees: mentees.map((id) => ({
      id,
      ...(random.nextFloat() < 0.4 ? { ranking: shuffled(mentors) } : {}),
    })),
    ...(hasScores
      ? {
          scores: mentees.flatMap((mentee) =>
            mentors
              .filter(() => random.nextFloat() < 0.8)
              .map((mentor) => ({ mentee, mentor, score: 1 + random.nextInt(4) })),
          ),
        }
      : {}),
    hoursPerMatch: 1 + random.nextInt(2),
  }
}

/** The market by the documented rules, written out here: seats from both capacities; lists own, else by score, else all. */
function expectedMarket(problem: MentorMatchingProblem): Market {
  const byScore = (pairs: { id: string; score: number }[]): RankingEntry[] => {
    const levels = [...new Set(pairs.map((p) => p.score))].sort((a, b) => b - a)
    return levels.map((level) => {
      const ids = pairs.filter((p) => p.score === level).map((p) => p.id)
      return ids.length === 1 ? ids[0]! : ids
    })
  }
  const scores = problem.scores ?? []
  const perMatch = problem.hoursPerMatch ?? 1
  return {
    candidates: problem.mentees.map((m) => {
      const own = scores.filter((s) => s.mentee === m.id).map((s) => ({ id: s.mentor, score: s.score }))
      return {
        id: m.id,
        ranking: m.ranking ?? (own.length > 0 ? byScore(own) : [problem.mentors.map((x) => x.id)]),
      }
    }),
    positions: problem.mentors.map((m) => {
      const own = scores.filter((s) => s.mentor === m.id).map((s) => ({ id: s.mentee, score: s.score }))
      return {
        id: m.id,
        capacity: Math.min(
          m.maxMentees,
          m.hoursPerMonth == null ? Infinity : Math.floor(m.hoursPerMonth / perMatch),
        ),
        ranking: m.ranking ?? (own.length > 0 ? byScore(own) : [problem.mentees.map((x) => x.id)]),
      }
    }),
  }
}

test('hand-written: a mentor’s hours bound their mentees; ranked choices are honoured', () => {
  const result = matchMentors({
    mentors: [
      { id: 'kim', maxMentees: 5, hoursPerMonth: 4 },
      { id: 'lee', maxMentees: 1 },
    ],
    mentees: [
      { id: 'startup-a', ranking: ['kim', 'lee'] },
      { id: 'startup-b', ranking: ['kim'] },
      { id: 'startup-c', ranking: ['kim', 'lee'] },
    ],
    scores: [
      { mentee: 'startup-a', mentor: 'kim', score: 9 },
      { mentee: 'startup-b', mentor: 'kim', score: 8 },
      { mentee: 'startup-c', mentor: 'kim', score: 3 },
      { mentee: 'startup-c', mentor: 'lee', score: 5 },
    ],
    hoursPerMatch: 2,
  })
  assert.equal(result.mechanism, 'stable')
  assert.deepEqual(result.mentors[0], { mentor: 'kim', capacity: 2, mentees: 2, hours: 4, hoursPerMonth: 4 })
  assert.deepEqual(
    result.matches.map((m) => [m.mentee, m.mentor, m.menteeRank]),
    [
      ['startup-a', 'kim', 1],
      ['startup-b', 'kim', 1],
      ['startup-c', 'lee', 2],
    ],
  )
  const byFit = matchMentors({
    mentors: [{ id: 'kim', maxMentees: 1 }],
    mentees: [{ id: 'x' }, { id: 'y' }],
    scores: [
      { mentee: 'x', mentor: 'kim', score: 2 },
      { mentee: 'y', mentor: 'kim', score: 7 },
    ],
  })
  assert.equal(byFit.mechanism, 'max-fit')
  assert.deepEqual(
    byFit.matches.map((m) => m.mentee),
    ['y'],
  )
})

test('bad input is refused naming the field', () => {
  assert.throws(
    () =>
      matchMentors({
        mentors: [{ id: 'r', maxMentees: -1, hoursPerMonth: Number.NaN }],
        mentees: [{ id: 'e' }],
        scores: [{ mentee: 'e', mentor: 'nobody', score: 1 }],
      }),
    (error: unknown) =>
      error instanceof AppError &&
      ['mentors[0].maxMentees', 'mentors[0].hoursPerMonth', 'scores[0].mentor'].every((path) =>
        error.issues.some((i) => i.path === path),
      ),
  )
})

test('stable mentor matching: the documented market, capacities kept, stable and mentee-optimal (brute force)', () => {
  fc.assert(
    fc.property(seedArbitrary, seedArbitrary, (problemSeed, seed) => {
      const problem = randomProblem(problemSeed)
      const expected = expectedMarket(problem)
      const market = buildMentorMarket(problem)
      assert.deepEqual(
        market.positions.map((p) => p.capacity),
        expected.positions.map((p) => p.capacity),
      )
      const result = matchMentors(problem, { mechanism: 'stable', seed })
      for (const load of result.mentors) {
        const mentor = problem.mentors.find((m) => m.id === load.mentor)!
        assert.ok(load.mentees <= mentor.maxMentees)
        assert.ok(load.hours <= (mentor.hoursPerMonth ?? Infinity))
      }
      const strict = breakTies(compileMarket(expected), seed)
      const o = toOracle(
        toStrictMarket(expected, { candidate: strict.candidateLottery, position: strict.positionLottery }),
      )
      const m = new Map(result.matches.map((x) => [x.mentee, x.mentor]))
      assert.equal(countBlockingPairs(o, m), 0)
      const stable = enumerateMatchings(o).filter((x) => countBlockingPairs(o, x) === 0)
      for (const mentee of o.candidates) {
        const rank = (p: string | undefined) =>
          p === undefined ? Infinity : o.candidateRank.get(mentee)!.get(p)!
        assert.equal(rank(m.get(mentee)), Math.min(...stable.map((x) => rank(x.get(mentee)))))
      }
    }),
    { numRuns: 400 * RUNS },
  )
})

test('max-fit mentor matching reaches the largest total score within both capacities (brute force)', () => {
  fc.assert(
    fc.property(seedArbitrary, (problemSeed) => {
      const problem = {
        ...randomProblem(problemSeed),
        scores: randomProblem(problemSeed ^ 0x9e37).scores ?? [],
      }
      const scores = problem.scores.filter(
        (s) =>
          problem.mentees.some((m) => m.id === s.mentee) && problem.mentors.some((m) => m.id === s.mentor),
      )
      const result = matchMentors({ ...problem, scores }, { mechanism: 'max-fit' })
      const seats = expectedMarket({ ...problem, scores }).positions.map((p) => p.capacity)
      let best = 0
      const used = seats.map(() => 0)
      const visit = (e: number, total: number): void => {
        if (e === problem.mentees.length) {
          best = Math.max(best, total)
          return
        }
        visit(e + 1, total)
        problem.mentors.forEach((mentor, r) => {
          const s = scores.find((x) => x.mentee === problem.mentees[e]!.id && x.mentor === mentor.id)
          if (!s || s.score <= 0 || used[r]! >= seats[r]!) return
          used[r]!++
          visit(e + 1, total + s.score)
          used[r]!--
        })
      }
      visit(0, 0)
      assert.equal(
        result.matches.reduce((s, m) => s + (m.score ?? 0), 0),
        best,
      )
    }),
    { numRuns: 400 * RUNS },
  )
})
