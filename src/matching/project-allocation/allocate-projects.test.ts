import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { AppError } from '../../domain/app-error.ts'
import { breakTies } from '../break-ties.ts'
import { compileMarket } from '../compile-market.ts'
import type { Market } from '../market-schema.ts'
import { createRandom, type Random } from '../seeded-random.ts'
import { solveMatching } from '../solve-matching.ts'
import {
  countBlockingPairs,
  enumerateMatchings,
  type Oracle,
  type PlainMatching,
  toOracle,
  toStrictMarket,
} from '../test-markets.ts'
import { allocateProjects, type ProjectAllocationResult } from './allocate-projects.ts'
import { buildProjectMarket, type ProjectAllocationProblem } from './build-project-market.ts'

const RUNS = Number(process.env.MATCHING_PROPERTY_RUNS ?? 1)
const seedArbitrary = fc.integer({ min: 0, max: 0x7fffffff })

function pick<T>(random: Random, items: readonly T[], keep: number): T[] {
  const out = items.filter(() => random.nextFloat() < keep)
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** Random problem: team sizes, companies with caps, project and company rankings (some absent = ties). */
function randomProblem(seed: number, maxApplicants: number, maxProjects: number): ProjectAllocationProblem {
  const random = createRandom(seed)
  const applicantIds = Array.from({ length: 1 + random.nextInt(maxApplicants) }, (_, i) => `a${i}`)
  const nK = random.nextInt(3)
  const companies = Array.from({ length: nK }, (_, k) => ({
    id: `k${k}`,
    ...(random.nextFloat() < 0.6 ? { cap: random.nextInt(4) } : {}),
    ...(random.nextFloat() < 0.6 ? { ranking: pick(random, applicantIds, 0.9) } : {}),
  }))
  const projects = Array.from({ length: 1 + random.nextInt(maxProjects) }, (_, p) => {
    const minSize = random.nextInt(3)
    return {
      id: `p${p}`,
      minSize,
      maxSize: Math.max(1, minSize + random.nextInt(3)),
      ...(nK > 0 && random.nextFloat() < 0.6 ? { company: `k${random.nextInt(nK)}` } : {}),
      ...(random.nextFloat() < 0.5 ? { ranking: pick(random, applicantIds, 0.9) } : {}),
    }
  })
  const applicants = applicantIds.map((id) => ({
    id,
    choices: pick(
      random,
      projects.map((p) => p.id),
      0.7,
    ),
  }))
  return { projects, applicants, ...(nK > 0 ? { companies } : {}) }
}

/** The oracle view of the problem with `closed` projects at zero seats, ties broken as the engine does. */
function oracleFor(problem: ProjectAllocationProblem, seed: number, closed: ReadonlySet<string>): Oracle {
  const market = buildProjectMarket(problem)
  const strict = breakTies(compileMarket(market), seed)
  const open: Market = {
    ...market,
    positions: market.positions.map((p) => (closed.has(p.id) ? { ...p, capacity: 0 } : p)),
  }
  return toOracle(
    toStrictMarket(open, { candidate: strict.candidateLottery, position: strict.positionLottery }),
  )
}

const sizesOf = (m: PlainMatching): Map<string, number> => {
  const size = new Map<string, number>()
  for (const p of m.values()) size.set(p, (size.get(p) ?? 0) + 1)
  return size
}

/** Exhaustive: is there a stable matching of the open projects meeting every open minimum? */
function hasStableWithinBounds(
  problem: ProjectAllocationProblem,
  seed: number,
  closed: ReadonlySet<string>,
): boolean {
  const o = oracleFor(problem, seed, closed)
  return enumerateMatchings(o).some((m) => {
    if (countBlockingPairs(o, m) > 0) return false
    const size = sizesOf(m)
    return problem.projects.every((p) => closed.has(p.id) || (size.get(p.id) ?? 0) >= p.minSize)
  })
}

/** Checks bounds, caps and stability of the open projects. */
function assertValid(problem: ProjectAllocationProblem, seed: number, result: ProjectAllocationResult): void {
  const closed = new Set(result.projects.filter((p) => p.closedBy !== null).map((p) => p.project))
  const m = new Map(result.assignments.map((a) => [a.applicant, a.project]))
  const size = sizesOf(m)
  for (const p of problem.projects) {
    const n = size.get(p.id) ?? 0
    if (closed.has(p.id)) assert.equal(n, 0)
    else assert.ok(n >= p.minSize && n <= p.maxSize, `${p.id} has ${n}, bounds ${p.minSize}–${p.maxSize}`)
  }
  for (const k of problem.companies ?? []) {
    const n = problem.projects
      .filter((p) => p.company === k.id)
      .reduce((s, p) => s + (size.get(p.id) ?? 0), 0)
    assert.ok(n <= (k.cap ?? Infinity))
  }
  for (const a of result.assignments) {
    const choices = problem.applicants.find((x) => x.id === a.applicant)!.choices
    assert.equal(choices.indexOf(a.project) + 1, a.choiceRank)
  }
  assert.equal(
    countBlockingPairs(oracleFor(problem, seed, closed), m),
    0,
    'blocking pair among open projects',
  )
}

test('hand-written: an unpopular project closes, its applicant moves, every open team is within bounds', () => {
  const applicants = [
    ...['g1', 'g2', 'g3', 'g4'].map((id) => ({ id, choices: ['nlp', 'audio'] })),
    ...['g5', 'g6', 'g7'].map((id) => ({ id, choices: ['audio', 'nlp'] })),
    { id: 'g8', choices: ['quote', 'audio'] },
  ]
  const problem = {
    projects: [
      { id: 'nlp', minSize: 3, maxSize: 5 },
      { id: 'audio', minSize: 3, maxSize: 5 },
      { id: 'quote', minSize: 3, maxSize: 5 },
    ],
    applicants,
  }
  const result = allocateProjects(problem)
  assert.deepEqual(result.closed, ['quote'])
  assert.equal(result.closure.minimality, 'minimum')
  assert.deepEqual(
    result.projects.map((p) => [p.project, p.size]),
    [
      ['nlp', 4],
      ['audio', 4],
      ['quote', 0],
    ],
  )
  assert.equal(result.assignments.find((a) => a.applicant === 'g8')!.choiceRank, 2)
  // What-if: the operator closes audio; nlp takes five, quote still cannot reach three.
  const whatIf = allocateProjects(problem, { closedProjects: ['audio'] })
  assert.deepEqual(whatIf.closed, ['quote'])
  assert.equal(whatIf.projects[1]!.closedBy, 'operator')
  assert.deepEqual(
    whatIf.projects.map((p) => p.size),
    [5, 0, 0],
  )
})

test('bad input is refused naming the field', () => {
  assert.throws(
    () =>
      allocateProjects({
        projects: [{ id: 'p', minSize: 4, maxSize: 3, company: 'nobody' }],
        applicants: [{ id: 'a', choices: ['q'] }],
      }),
    (error: unknown) =>
      error instanceof AppError &&
      ['projects[0].minSize', 'projects[0].company', 'applicants[0].choices[0]'].every((path) =>
        error.issues.some((i) => i.path === path),
      ),
  )
})

test('project allocation: bounds and caps, stable among open projects, no closure when a stable matching fits, fewest closures (brute force)', () => {
  fc.assert(
    fc.property(seedArbitrary, seedArbitrary, (problemSeed, seed) => {
      const problem = randomProblem(problemSeed, 6, 4)
      // Sometimes the operator closes a project first (a what-if).
      const forced = problemSeed % 4 === 0 ? [problem.projects[seed % problem.projects.length]!.id] : []
      const result = allocateProjects(problem, { seed, closedProjects: forced })
      assertValid(problem, seed, result)
      assert.ok(result.closed.every((id) => !forced.includes(id)))
      if (hasStableWithinBounds(problem, seed, new Set(forced))) assert.deepEqual(result.closed, [])
      else {
        assert.equal(result.closure.minimality, 'minimum')
        // Smallest closure set for which some stable matching of the open projects meets every minimum.
        const ids = problem.projects.map((p) => p.id).filter((id) => !forced.includes(id))
        let fewest = ids.length
        for (let mask = 1; mask < 1 << ids.length; mask++) {
          const closed = new Set([...forced, ...ids.filter((_id, i) => (mask >> i) & 1)])
          if (closed.size - forced.length < fewest && hasStableWithinBounds(problem, seed, closed))
            fewest = closed.size - forced.length
        }
        assert.equal(result.closed.length, fewest)
      }
    }),
    { numRuns: 250 * RUNS },
  )
})

test('with no budget for the exhaustive search, no single closed project could reopen', () => {
  fc.assert(
    fc.property(seedArbitrary, (seed) => {
      const problem = randomProblem(seed, 40, 12)
      const result = allocateProjects(problem, { seed, exactClosureBudget: 0 })
      assertValid(problem, seed, result)
      for (const reopened of result.closed) {
        const closed = new Set(result.closed.filter((id) => id !== reopened))
        const market = buildProjectMarket(problem)
        const open = {
          ...market,
          positions: market.positions.map((p) => (closed.has(p.id) ? { ...p, capacity: 0 } : p)),
        }
        // The applicant-proposing stable matching with `reopened` open again leaves some project short.
        const assignments = solveMatching(open, { mechanism: 'candidate-proposing', seed }).assignments
        const size = sizesOf(new Map(assignments.map((a) => [a.candidate, a.position])))
        assert.ok(
          problem.projects.some((p) => !closed.has(p.id) && (size.get(p.id) ?? 0) < p.minSize),
          `${reopened} could reopen`,
        )
      }
      assert.deepEqual(allocateProjects(problem, { seed, exactClosureBudget: 0 }), result)
    }),
    { numRuns: 80 * RUNS },
  )
})
