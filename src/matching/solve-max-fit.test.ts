import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { compileMarket } from './compile-market.ts'
import { createCapacities } from './create-capacities.ts'
import { decodeExplanation } from './explain-candidate.ts'
import type { Market } from './market-schema.ts'
import type { MatchingResult } from './matching-result.ts'
import { createRandom } from './seeded-random.ts'
import { solveMatching } from './solve-matching.ts'
import { solveMaxFit } from './solve-max-fit.ts'
import { isFeasible, randomSmallMarket, toOracle } from './test-markets.ts'

/** Every explanation of a result, decoded. */
const explained = (result: MatchingResult) =>
  result.explanations.map((entry) => decodeExplanation(result, entry))

const RUNS = Number(process.env.MATCHING_PROPERTY_RUNS ?? 1)
const seedArbitrary = fc.integer({ min: 0, max: 0x7fffffff })

/** Exhaustive optimum over scored pairs with position capacities and company caps. */
function bruteForceBest(market: Market): number {
  const o = toOracle(market)
  const score = new Map<string, number>()
  for (const s of market.scores ?? []) score.set(`${s.candidate} ${s.position}`, s.score)
  const choices = o.candidates.map((c) => [
    null,
    ...o.positions.filter((p) => (score.get(`${c} ${p}`) ?? 0) > 0),
  ])
  let best = 0
  const current = new Map<string, string>()
  const visit = (i: number, total: number): void => {
    if (i === o.candidates.length) {
      best = Math.max(best, total)
      return
    }
    const c = o.candidates[i]!
    for (const p of choices[i]!) {
      if (p === null) visit(i + 1, total)
      else {
        current.set(c, p)
        if (isFeasible(o, current)) visit(i + 1, total + score.get(`${c} ${p}`)!)
        current.delete(c)
      }
    }
  }
  visit(0, 0)
  return best
}

test('max-fit equals the brute-force optimum (capacities, company caps, negative and zero scores)', () => {
  fc.assert(
    fc.property(seedArbitrary, (marketSeed) => {
      const market = randomSmallMarket(marketSeed, {
        maxCandidates: 7,
        maxPositions: 4,
        hasCompanies: true,
        hasScores: true,
        hasTies: true,
      })
      const result = solveMatching(market, { mechanism: 'max-fit' })
      const o = toOracle(market)
      const m = new Map(result.assignments.map((a) => [a.candidate, a.position]))
      assert.ok(isFeasible(o, m))
      assert.equal(result.statistics.totalScore, bruteForceBest(market))
      assert.equal(result.maxFit!.totalScore, result.statistics.totalScore)
      assert.equal(explained(result).length, market.candidates.length)
      for (const e of explained(result))
        for (const r of e.reasons) assert.ok(r.code === 'welfare_tradeoff' || r.code === 'zero_capacity')
    }),
    { numRuns: 600 * RUNS },
  )
})

function denseMarket(seed: number, nC: number, nP: number, hasCompanies: boolean): Market {
  const random = createRandom(seed)
  const positions = Array.from({ length: nP }, (_, p) => ({
    id: `p${p}`,
    capacity: 1 + random.nextInt(3),
    ...(hasCompanies ? { company: `k${p % 3}` } : {}),
  }))
  const candidates = Array.from({ length: nC }, (_, c) => ({ id: `c${c}`, ranking: [] }))
  const values = Array.from(
    { length: nC * nP },
    () => random.nextInt(40) - 5 + random.nextFloat() * (seed % 2),
  )
  return {
    candidates,
    positions,
    ...(hasCompanies
      ? { companies: [0, 1, 2].map((k) => ({ id: `k${k}`, capacity: 2 + random.nextInt(4), ranking: [] })) }
      : {}),
    scoreMatrix: { candidates: candidates.map((c) => c.id), positions: positions.map((p) => p.id), values },
  }
}

test('max-fit pruning with pricing rounds is exact: same optimum as the unpruned flow', () => {
  fc.assert(
    fc.property(seedArbitrary, fc.boolean(), (seed, hasCompanies) => {
      const market = denseMarket(seed, 40 + (seed % 30), 3 + (seed % 5), hasCompanies)
      const compiled = compileMarket(market)
      const pruned = solveMaxFit(compiled, createCapacities(compiled), 1)
      const full = solveMaxFit(compiled, createCapacities(compiled), Number.POSITIVE_INFINITY)
      assert.ok(Math.abs(pruned.totalScore - full.totalScore) <= 1e-9 * Math.max(1, full.totalScore))
    }),
    { numRuns: 150 * RUNS },
  )
})

test('cost scaling and the primal-dual method agree on medium markets (degenerate scores, company caps)', () => {
  fc.assert(
    fc.property(seedArbitrary, fc.boolean(), fc.integer({ min: 1, max: 30 }), (seed, hasCompanies, range) => {
      const random = createRandom(seed)
      const nC = 20 + random.nextInt(300)
      const nP = 2 + random.nextInt(25)
      const positions = Array.from({ length: nP }, (_, p) => ({
        id: `p${p}`,
        capacity: random.nextInt(8),
        ...(hasCompanies ? { company: `k${p % 4}` } : {}),
      }))
      const candidates = Array.from({ length: nC }, (_, c) => ({ id: `c${c}`, ranking: [] }))
      // Few distinct scores (range) make many optima: the hard case for cost scaling's certificate.
      const scores = candidates.flatMap((c) =>
        positions
          .filter(() => random.nextFloat() < 0.3)
          .map((p) => ({ candidate: c.id, position: p.id, score: random.nextInt(range + 2) - 1 })),
      )
      const market: Market = {
        candidates,
        positions,
        ...(hasCompanies
          ? {
              companies: [0, 1, 2, 3].map((k) => ({
                id: `k${k}`,
                capacity: random.nextInt(3 * nP),
                ranking: [],
              })),
            }
          : {}),
        scores,
      }
      const compiled = compileMarket(market)
      const scaled = solveMaxFit(compiled, createCapacities(compiled))
      const primalDual = solveMaxFit(compiled, createCapacities(compiled), 2, 'primal-dual')
      assert.equal(scaled.totalScore, primalDual.totalScore)
    }),
    { numRuns: 150 * RUNS },
  )
})

test('max-fit reports blocking pairs of the welfare optimum (price of welfare)', () => {
  const market: Market = {
    candidates: [
      { id: 'a', ranking: ['x', 'y'] },
      { id: 'b', ranking: ['x'] },
    ],
    positions: [
      { id: 'x', capacity: 1, ranking: ['a', 'b'] },
      { id: 'y', capacity: 1, ranking: ['a'] },
    ],
    scores: [
      { candidate: 'a', position: 'x', score: 5 },
      { candidate: 'a', position: 'y', score: 4 },
      { candidate: 'b', position: 'x', score: 3 },
    ],
  }
  const result = solveMatching(market, { mechanism: 'max-fit' })
  assert.deepEqual(result.assignments, [
    { candidate: 'a', position: 'y' },
    { candidate: 'b', position: 'x' },
  ])
  assert.equal(result.statistics.totalScore, 7)
  assert.equal(result.statistics.blockingPairs, 1)
  assert.deepEqual(explained(result)[0]!.reasons, [{ code: 'welfare_tradeoff', position: 'x', score: 5 }])
})
