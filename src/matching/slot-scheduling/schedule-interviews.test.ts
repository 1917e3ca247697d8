import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { AppError } from '../../domain/app-error.ts'
import { createRandom } from '../seeded-random.ts'
import { FIRST_CHOICE_POINTS, type InterviewSchedulingProblem } from './compile-slot-problem.ts'
import {
  FIRST_INTERVIEW_BONUS,
  type InterviewScheduleResult,
  scheduleInterviews,
} from './schedule-interviews.ts'

const RUNS = Number(process.env.MATCHING_PROPERTY_RUNS ?? 1)
const seedArbitrary = fc.integer({ min: 0, max: 0x7fffffff })

/** A random fair: availability, tables, caps, rankings on both sides (some absent). */
function randomFair(
  seed: number,
  maxCandidates: number,
  maxCompanies: number,
  maxSlots: number,
): InterviewSchedulingProblem {
  const random = createRandom(seed)
  const slots = Array.from({ length: 1 + random.nextInt(maxSlots) }, (_, t) => ({ id: `s${t}` }))
  const candidateIds = Array.from({ length: 1 + random.nextInt(maxCandidates) }, (_, c) => `c${c}`)
  const companyIds = Array.from({ length: 1 + random.nextInt(maxCompanies) }, (_, k) => `k${k}`)
  const some = (ids: readonly string[], keep: number) =>
    ids.filter(() => random.nextFloat() < keep).sort(() => random.nextFloat() - 0.5)
  return {
    slots,
    candidates: candidateIds.map((id) => ({
      id,
      ...(random.nextFloat() < 0.8 ? { ranking: some(companyIds, 0.7) } : {}),
      ...(random.nextFloat() < 0.6
        ? {
            availability: some(
              slots.map((s) => s.id),
              0.7,
            ),
          }
        : {}),
      ...(random.nextFloat() < 0.4 ? { maxInterviews: random.nextInt(3) } : {}),
    })),
    companies: companyIds.map((id) => ({
      id,
      tables: 1 + random.nextInt(2),
      ...(random.nextFloat() < 0.5 ? { ranking: some(candidateIds, 0.8) } : {}),
      ...(random.nextFloat() < 0.6
        ? {
            availability: some(
              slots.map((s) => s.id),
              0.7,
            ),
          }
        : {}),
      ...(random.nextFloat() < 0.3 ? { maxInterviews: random.nextInt(4) } : {}),
    })),
    maxInterviewsPerCandidate: 1 + random.nextInt(3),
  }
}

/** Feasibility by the rules, on plain objects: availability, no double booking, tables, caps, acceptability. */
function assertFeasible(
  problem: InterviewSchedulingProblem,
  result: Pick<InterviewScheduleResult, 'interviews'>,
): void {
  const seen = new Set<string>()
  const busy = new Set<string>()
  const tables = new Map<string, number>()
  for (const x of result.interviews) {
    const candidate = problem.candidates.find((c) => c.id === x.candidate)!
    const company = problem.companies.find((k) => k.id === x.company)!
    assert.ok(candidate.availability?.includes(x.slot) ?? true, 'candidate not free')
    assert.ok(company.availability?.includes(x.slot) ?? true, 'company not free')
    assert.ok(candidate.ranking?.includes(company.id) ?? true, 'candidate did not choose the company')
    assert.ok(company.ranking?.includes(candidate.id) ?? true, 'company did not accept the candidate')
    assert.ok(!seen.has(`${x.candidate}/${x.company}`), 'same pair twice')
    seen.add(`${x.candidate}/${x.company}`)
    assert.ok(!busy.has(`${x.candidate}@${x.slot}`), 'candidate double-booked')
    busy.add(`${x.candidate}@${x.slot}`)
    const key = `${x.company}@${x.slot}`
    tables.set(key, (tables.get(key) ?? 0) + 1)
    assert.ok(tables.get(key)! <= (company.tables ?? 1), 'company table double-booked')
    assert.ok(x.table >= 1 && x.table <= (company.tables ?? 1))
  }
  for (const c of problem.candidates) {
    const n = result.interviews.filter((x) => x.candidate === c.id).length
    assert.ok(n <= (c.maxInterviews ?? problem.maxInterviewsPerCandidate ?? 3))
  }
  for (const k of problem.companies) {
    const n = result.interviews.filter((x) => x.company === k.id).length
    assert.ok(n <= (k.maxInterviews ?? Infinity))
  }
}

/** Welfare by the documented rule: 1 + both sides' points per interview, a bonus per candidate met. */
function welfareOf(
  problem: InterviewSchedulingProblem,
  interviews: readonly { candidate: string; company: string }[],
): number {
  const points = (list: readonly string[] | undefined, id: string) => {
    const r = list?.indexOf(id) ?? -1
    return r < 0 ? 0 : Math.round((FIRST_CHOICE_POINTS * (list!.length - r)) / list!.length)
  }
  let total = 0
  for (const x of interviews) {
    const c = problem.candidates.find((y) => y.id === x.candidate)!
    const k = problem.companies.find((y) => y.id === x.company)!
    total += 1 + points(c.ranking, k.id) + points(k.ranking, c.id)
  }
  return total + FIRST_INTERVIEW_BONUS * new Set(interviews.map((x) => x.candidate)).size
}

/** Exhaustive best welfare: every acceptable pair is unscheduled or in one common free slot. */
function bruteForceWelfare(problem: InterviewSchedulingProblem): number {
  const options = problem.candidates.flatMap((c) =>
    problem.companies
      .filter((k) => (c.ranking?.includes(k.id) ?? true) && (k.ranking?.includes(c.id) ?? true))
      .map((k) => ({
        candidate: c.id,
        company: k.id,
        slots: problem.slots
          .map((s) => s.id)
          .filter((s) => (c.availability?.includes(s) ?? true) && (k.availability?.includes(s) ?? true)),
      })),
  )
  let best = 0
  const chosen: { candidate: string; company: string; slot: string }[] = []
  const visit = (i: number): void => {
    if (i === options.length) {
      const partial = {
        interviews: chosen.map((x, n) => ({
          ...x,
          table: 1 + chosen.slice(0, n).filter((y) => y.company === x.company && y.slot === x.slot).length,
        })),
      }
      try {
        assertFeasible(problem, partial)
      } catch {
        return
      }
      best = Math.max(best, welfareOf(problem, chosen))
      return
    }
    visit(i + 1)
    for (const slot of options[i]!.slots) {
      chosen.push({ candidate: options[i]!.candidate, company: options[i]!.company, slot })
      visit(i + 1)
      chosen.pop()
    }
  }
  visit(0)
  return best
}

test('hand-written: 4 candidates, 2 companies with 2 and 1 tables, 3 slots; everyone meets their first choice', () => {
  const problem: InterviewSchedulingProblem = {
    slots: [{ id: '10:00' }, { id: '10:20' }, { id: '10:40' }],
    candidates: [
      { id: 'an', ranking: ['naver', 'kakao'] },
      { id: 'binh', ranking: ['naver'], availability: ['10:00'] },
      { id: 'chen', ranking: ['naver', 'kakao'], availability: ['10:00', '10:20'] },
      { id: 'duc', ranking: ['kakao', 'naver'] },
    ],
    companies: [
      { id: 'naver', tables: 2, ranking: ['binh', 'an', 'chen', 'duc'] },
      { id: 'kakao', availability: ['10:20', '10:40'] },
    ],
    maxInterviewsPerCandidate: 2,
  }
  const result = scheduleInterviews(problem)
  assertFeasible(problem, result)
  assert.deepEqual(
    result.candidates.map((c) => c.bestChoiceRank),
    [1, 1, 1, 1],
  )
  assert.equal(result.statistics.welfare, welfareOf(problem, result.interviews))
  assert.equal(result.statistics.welfare, bruteForceWelfare(problem))
  assert.deepEqual(result.dropped, [])
})

test('bad input is refused naming the field', () => {
  assert.throws(
    () =>
      scheduleInterviews({
        slots: [{ id: 's' }],
        candidates: [{ id: 'c', availability: ['later'], ranking: ['nobody'] }],
        companies: [{ id: 'k', tables: 0 }],
      }),
    (error: unknown) =>
      error instanceof AppError &&
      ['candidates[0].availability[0]', 'candidates[0].ranking[0]', 'companies[0].tables'].every((path) =>
        error.issues.some((i) => i.path === path),
      ),
  )
})

test('slot scheduling is feasible: availability, no double booking of a person or a table, caps; deterministic', () => {
  fc.assert(
    fc.property(seedArbitrary, seedArbitrary, (fairSeed, seed) => {
      const problem = randomFair(fairSeed, 40, 8, 6)
      const result = scheduleInterviews(problem, { seed })
      assertFeasible(problem, result)
      assert.equal(result.statistics.welfare, welfareOf(problem, result.interviews))
      assert.deepEqual(scheduleInterviews(problem, { seed }), result)
    }),
    { numRuns: 200 * RUNS },
  )
})

test('slot scheduling never beats and usually reaches the exhaustive welfare on 100 fixed tiny fairs', () => {
  let optimal = 0
  for (let seed = 1; seed <= 100; seed++) {
    const problem = randomFair(seed * 104729, 3, 2, 3)
    const result = scheduleInterviews(problem, { seed })
    const best = bruteForceWelfare(problem)
    assert.ok(result.statistics.welfare <= best)
    if (result.statistics.welfare === best) optimal++
  }
  assert.ok(optimal >= 95, `${optimal} of 100 optimal`)
})
