import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { AppError } from '../domain/app-error.ts'
import type { Market } from './market-schema.ts'
import { createRandom } from './seeded-random.ts'
import { solveMatching } from './solve-matching.ts'
import { solveSecondRound } from './solve-second-round.ts'
import { countBlockingPairs, isFeasible, randomSmallMarket, toOracle } from './test-markets.ts'

const RUNS = Number(process.env.MATCHING_PROPERTY_RUNS ?? 1)

test('second round keeps accepted placements and fills freed seats with a stable round', () => {
  const market: Market = {
    candidates: [
      { id: 'a', ranking: ['x'] },
      { id: 'b', ranking: ['x', 'y'] },
      { id: 'c', ranking: ['x', 'y'] },
    ],
    positions: [
      { id: 'x', capacity: 1, ranking: ['a', 'b', 'c'] },
      { id: 'y', capacity: 1, ranking: ['c', 'b'] },
    ],
  }
  const first = solveMatching(market)
  assert.deepEqual(first.assignments, [
    { candidate: 'a', position: 'x' },
    { candidate: 'c', position: 'y' },
  ])
  // a declines and withdraws, c accepts: x is free again, b (unmatched) gets it.
  const second = solveSecondRound(market, { accepted: [{ candidate: 'c', position: 'y' }], withdrawn: ['a'] })
  assert.equal(second.round, 2)
  assert.deepEqual(second.fixed, [{ candidate: 'c', position: 'y' }])
  assert.deepEqual(second.assignments, [
    { candidate: 'b', position: 'x' },
    { candidate: 'c', position: 'y' },
  ])
  assert.deepEqual(second.unmatched, [{ candidate: 'a', reason: 'withdrawn' }])
  assert.throws(
    () => solveSecondRound(market, { accepted: [{ candidate: 'zz', position: 'y' }] }),
    (error: unknown) => error instanceof AppError && error.issues[0]?.path === 'accepted[0].candidate',
  )
})

test('second round: fixed placements stay, caps hold, new round stable among the rest', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
      const market = randomSmallMarket(seed, {
        maxCandidates: 7,
        maxPositions: 4,
        hasTies: true,
        hasCompanies: true,
        groupCaps: 'laminar',
      })
      const random = createRandom(seed)
      const first = solveMatching(market, { seed })
      const accepted = first.assignments.filter(() => random.nextFloat() < 0.5)
      const acceptedIds = new Set(accepted.map((a) => a.candidate))
      const withdrawn = first.assignments
        .filter((a) => !acceptedIds.has(a.candidate) && random.nextFloat() < 0.5)
        .map((a) => a.candidate)
      const second = solveSecondRound(market, { accepted, withdrawn }, { seed })
      const m = new Map(second.assignments.map((a) => [a.candidate, a.position]))
      for (const a of accepted) assert.equal(m.get(a.candidate), a.position)
      for (const c of withdrawn) assert.equal(m.has(c), false)
      const o = toOracle(market)
      assert.ok(isFeasible(o, m))
      assert.equal(second.statistics.blockingPairs, 0)
      // Stable in the residual market: blocking pairs may only involve seats held by fixed placements.
      const residual: Market = {
        ...market,
        candidates: market.candidates.filter((c) => !acceptedIds.has(c.id) && !withdrawn.includes(c.id)),
        positions: market.positions.map((p) => ({
          ...p,
          capacity: p.capacity - accepted.filter((a) => a.position === p.id).length,
        })),
        ...(market.companies
          ? {
              companies: market.companies.map((k) => {
                const used = accepted.filter(
                  (a) => market.positions.find((p) => p.id === a.position)?.company === k.id,
                ).length
                return k.capacity != null ? { ...k, capacity: k.capacity - used } : k
              }),
            }
          : {}),
      }
      const newOnes = new Map([...m].filter(([c]) => !acceptedIds.has(c)))
      if (!market.companies?.some((k) => k.groupCap !== undefined))
        assert.equal(countBlockingPairs(toOracle(residual), newOnes), 0)
    }),
    { numRuns: 400 * RUNS },
  )
})
