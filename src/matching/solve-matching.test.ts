import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { breakTies } from './break-ties.ts'
import { compileMarket } from './compile-market.ts'
import { decodeExplanation } from './explain-candidate.ts'
import type { Market } from './market-schema.ts'
import type { MatchingResult, Mechanism } from './matching-result.ts'
import { solveMatching } from './solve-matching.ts'
import {
  countBlockingPairs,
  enumerateMatchings,
  isFeasible,
  type Oracle,
  type PlainMatching,
  randomSmallMarket,
  type SmallMarketOptions,
  toOracle,
  toStrictMarket,
} from './test-markets.ts'
import { verify } from './verify.ts'

/** Every explanation of a result, decoded. */
const explained = (result: MatchingResult) =>
  result.explanations.map((entry) => decodeExplanation(result, entry))

const RUNS = Number(process.env.MATCHING_PROPERTY_RUNS ?? 1)
const seedArbitrary = fc.integer({ min: 0, max: 0x7fffffff })
const toPlain = (result: MatchingResult): PlainMatching =>
  new Map(result.assignments.map((a) => [a.candidate, a.position]))

function strictFor(market: Market, seed: number): Market {
  const strict = breakTies(compileMarket(market), seed)
  return toStrictMarket(market, { candidate: strict.candidateLottery, position: strict.positionLottery })
}

/** Best (or worst) stable partner of every candidate over all stable matchings, by the candidate's rank. */
function extremeStablePartners(
  o: Oracle,
  stable: readonly PlainMatching[],
  pick: 'best' | 'worst',
): Map<string, string | null> {
  const out = new Map<string, string | null>()
  for (const c of o.candidates) {
    const ranks = o.candidateRank.get(c)!
    let best: string | null | undefined
    let bestRank = pick === 'best' ? Infinity : -Infinity
    for (const m of stable) {
      const p = m.get(c) ?? null
      const r = p === null ? 1e9 : ranks.get(p)!
      if (pick === 'best' ? r < bestRank : r > bestRank) {
        bestRank = r
        best = p
      }
    }
    out.set(c, best ?? null)
  }
  return out
}

const FULL: SmallMarketOptions = {
  maxCandidates: 6,
  maxPositions: 4,
  hasTies: true,
  hasCompanies: true,
  groupCaps: 'laminar',
  hasCandidateTies: true,
}

test('hand-written: classic 3×3 marriage market gives the candidate-optimal matching', () => {
  const market: Market = {
    candidates: [
      { id: 'a', ranking: ['x', 'y', 'z'] },
      { id: 'b', ranking: ['y', 'x', 'z'] },
      { id: 'c', ranking: ['x', 'y', 'z'] },
    ],
    positions: [
      { id: 'x', capacity: 1, ranking: ['b', 'a', 'c'] },
      { id: 'y', capacity: 1, ranking: ['a', 'b', 'c'] },
      { id: 'z', capacity: 1, ranking: ['a', 'b', 'c'] },
    ],
  }
  const result = solveMatching(market)
  assert.deepEqual(result.assignments, [
    { candidate: 'a', position: 'x' },
    { candidate: 'b', position: 'y' },
    { candidate: 'c', position: 'z' },
  ])
  const positionSide = solveMatching(market, { mechanism: 'position-proposing' })
  assert.deepEqual(positionSide.assignments, [
    { candidate: 'a', position: 'y' },
    { candidate: 'b', position: 'x' },
    { candidate: 'c', position: 'z' },
  ])
  assert.equal(result.statistics.blockingPairs, 0)
  assert.deepEqual(result.statistics.choiceHistogram, [2, 0, 1])
  const c = explained(result).find((e) => e.candidate === 'c')!
  assert.deepEqual(c.reasons, [
    { code: 'position_full', position: 'x', cutoffRank: 2, candidateRank: 3 },
    { code: 'position_full', position: 'y', cutoffRank: 2, candidateRank: 3 },
  ])
})

test('hand-written: one-sided entries are ignored, zero capacity explained, unmatched reasons', () => {
  const market: Market = {
    candidates: [
      { id: 'a', ranking: ['x', 'z'] },
      { id: 'b', ranking: [] },
      { id: 'c', ranking: ['y'] },
    ],
    positions: [
      { id: 'x', capacity: 1, ranking: ['b'] },
      { id: 'y', capacity: 0, ranking: ['c'] },
      { id: 'z', capacity: 1, ranking: ['a', 'c'] },
    ],
  }
  const result = solveMatching(market)
  assert.deepEqual(result.assignments, [{ candidate: 'a', position: 'z' }])
  assert.deepEqual(result.unmatched, [
    { candidate: 'b', reason: 'empty_ranking' },
    { candidate: 'c', reason: 'no_mutual_acceptance' },
  ])
  assert.deepEqual(explained(result)[0]!.reasons, [{ code: 'not_ranked_by_position', position: 'x' }])
  assert.deepEqual(explained(result)[2]!.reasons, [{ code: 'zero_capacity', position: 'y' }])
})

test('hand-written: SPA-S company cap across two positions takes the company’s best', () => {
  const market: Market = {
    candidates: [
      { id: 'a', ranking: ['x'] },
      { id: 'b', ranking: ['y', 'z'] },
      { id: 'c', ranking: ['x', 'z'] },
    ],
    positions: [
      { id: 'x', capacity: 1, company: 'K' },
      { id: 'y', capacity: 1, company: 'K' },
      { id: 'z', capacity: 1, ranking: ['c', 'b'] },
    ],
    companies: [{ id: 'K', capacity: 1, ranking: ['b', 'a', 'c'] }],
  }
  const result = solveMatching(market)
  assert.deepEqual(result.assignments, [
    { candidate: 'b', position: 'y' },
    { candidate: 'c', position: 'z' },
  ])
  const a = explained(result)[0]!
  assert.deepEqual(a.reasons, [
    { code: 'company_full', position: 'x', company: 'K', cutoffRank: 1, candidateRank: 2 },
  ])
})

test('hand-written: ties are broken by the seeded lottery, reproducibly', () => {
  const market: Market = {
    candidates: [
      { id: 'a', ranking: ['x'] },
      { id: 'b', ranking: ['x'] },
    ],
    positions: [{ id: 'x', capacity: 1, ranking: [['a', 'b']] }],
  }
  const winners = new Set<string>()
  for (let seed = 0; seed < 20; seed++) {
    const first = solveMatching(market, { seed })
    assert.equal(JSON.stringify(first), JSON.stringify(solveMatching(market, { seed })))
    winners.add(first.assignments[0]!.candidate)
    const loser = explained(first).find((e) => e.position === null)!
    assert.deepEqual(loser.reasons, [
      { code: 'position_full', position: 'x', cutoffRank: 1, candidateRank: 1, isTie: true },
    ])
    assert.equal(first.lottery.candidatesTiedAtCutoff, 1)
  }
  assert.deepEqual([...winners].sort(), ['a', 'b'])
})

test('hand-written: stable improvement cycle swaps two candidates who lost ties', () => {
  // x and y both rank a and b equally; a prefers y, b prefers x. Whatever the lottery, no one is worse off
  // after improvement and both get their first choice.
  const market: Market = {
    candidates: [
      { id: 'a', ranking: ['y', 'x'] },
      { id: 'b', ranking: ['x', 'y'] },
    ],
    positions: [
      { id: 'x', capacity: 1, ranking: [['a', 'b']] },
      { id: 'y', capacity: 1, ranking: [['a', 'b']] },
    ],
  }
  for (let seed = 0; seed < 10; seed++) {
    const result = solveMatching(market, { seed, improve: true })
    assert.deepEqual(result.statistics.choiceHistogram, [2])
    assert.equal(result.statistics.blockingPairs, 0)
  }
  // A case where the lottery alone is inefficient: c ranks first at x, a and b tie at y and x.
  const inefficient: Market = {
    candidates: [
      { id: 'a', ranking: ['x', 'y'] },
      { id: 'b', ranking: ['y', 'x'] },
      { id: 'c', ranking: ['y'] },
    ],
    positions: [
      { id: 'x', capacity: 1, ranking: [['a', 'b']] },
      { id: 'y', capacity: 1, ranking: ['c', ['a', 'b']] },
    ],
  }
  for (let seed = 0; seed < 10; seed++) {
    const plain = solveMatching(inefficient, { seed })
    const improved = solveMatching(inefficient, { seed, improve: true })
    assert.equal(improved.statistics.blockingPairs, 0)
    assert.ok(improved.statistics.matched >= plain.statistics.matched)
  }
})

function checkExplanations(market: Market, result: MatchingResult): void {
  const o = toOracle(market)
  const m = toPlain(result)
  assert.equal(explained(result).length, market.candidates.length)
  const countAt = (p: string): number => [...m.values()].filter((q) => q === p).length
  for (const explanation of explained(result)) {
    const c = explanation.candidate
    assert.equal(explanation.position, m.get(c) ?? null)
    const ranks = o.candidateRank.get(c)!
    const own = m.get(c)
    const ownRank = own !== undefined ? ranks.get(own)! : Infinity
    const above = [...ranks].filter(([, r]) => r < ownRank).map(([p]) => p)
    assert.deepEqual(explanation.reasons.map((r) => r.position).sort(), above.sort(), `reasons of ${c}`)
    for (const reason of explanation.reasons) {
      const p = reason.position
      const rankHere = o.positionRank.get(p)!.get(c)
      const holdersRank = (filter: (x: string, q: string) => boolean): number[] =>
        [...m].filter(([x, q]) => filter(x, q)).map(([x, q]) => o.positionRank.get(q)!.get(x)!)
      switch (reason.code) {
        case 'zero_capacity':
          assert.equal(o.capacity.get(p), 0)
          break
        case 'not_ranked_by_position':
          assert.equal(rankHere, undefined)
          break
        case 'position_full': {
          assert.equal(countAt(p), o.capacity.get(p))
          assert.equal(reason.cutoffRank, Math.max(...holdersRank((_, q) => q === p)))
          assert.equal(reason.candidateRank, rankHere)
          assert.ok(rankHere! >= reason.cutoffRank!)
          assert.equal(reason.isTie === true, rankHere === reason.cutoffRank)
          break
        }
        case 'company_full': {
          const k = reason.company!
          const inK = (q: string): boolean => o.companyOf.get(q) === k
          assert.equal([...m.values()].filter(inK).length, o.companyCap.get(k))
          assert.ok(!inK(own ?? ''))
          if (reason.cutoffRank !== undefined) {
            assert.equal(reason.cutoffRank, Math.max(...holdersRank((_, q) => inK(q))))
            assert.ok(rankHere! >= reason.cutoffRank)
          }
          break
        }
        case 'group_full': {
          const k = reason.company!
          const g = reason.group!
          assert.equal(o.groupOf.get(c), g)
          const inCell = (x: string, q: string): boolean => o.companyOf.get(q) === k && o.groupOf.get(x) === g
          assert.equal([...m].filter(([x, q]) => inCell(x, q)).length, o.groupCap.get(k))
          if (reason.cutoffRank !== undefined) {
            assert.equal(reason.cutoffRank, Math.max(...holdersRank(inCell)))
            assert.ok(rankHere! >= reason.cutoffRank)
          }
          break
        }
        default:
          assert.fail(`unexpected reason ${reason.code} for ${c} at ${p}`)
      }
    }
  }
}

for (const mechanism of [
  'candidate-proposing',
  'position-proposing',
] as const satisfies readonly Mechanism[]) {
  const options: SmallMarketOptions =
    mechanism === 'candidate-proposing'
      ? { ...FULL, maxCandidates: 7 }
      : { ...FULL, maxCandidates: 7, groupCaps: 'none' }
  test(`${mechanism}: stable, caps respected, equals the brute-force ${mechanism === 'candidate-proposing' ? 'candidate' : 'position'}-optimal stable matching (n ≤ 7)`, () => {
    fc.assert(
      fc.property(seedArbitrary, seedArbitrary, (marketSeed, seed) => {
        const market = randomSmallMarket(marketSeed, options)
        const result = solveMatching(market, { mechanism, seed })
        const strict = strictFor(market, seed)
        const o = toOracle(strict)
        const m = toPlain(result)
        assert.ok(isFeasible(o, m), 'caps respected')
        assert.equal(countBlockingPairs(o, m), 0, 'no blocking pair under tie-broken preferences')
        assert.equal(countBlockingPairs(toOracle(market), m), 0, 'weakly stable under the original rankings')
        assert.equal(result.statistics.blockingPairs, 0)
        assert.equal(verify(market, result.assignments).blockingPairCount, 0)
        const stable = enumerateMatchings(o).filter((x) => countBlockingPairs(o, x) === 0)
        assert.ok(stable.length > 0)
        const extreme = extremeStablePartners(
          o,
          stable,
          mechanism === 'candidate-proposing' ? 'best' : 'worst',
        )
        for (const c of o.candidates) assert.equal(m.get(c) ?? null, extreme.get(c), `partner of ${c}`)
        checkExplanations(market, result)
      }),
      { numRuns: 700 * RUNS },
    )
  })
}

test('candidate-proposing is strategy-proof: no misreport improves any candidate (exhaustive, small markets)', () => {
  const options: SmallMarketOptions = {
    maxCandidates: 4,
    maxPositions: 3,
    hasTies: true,
    hasCompanies: true,
    groupCaps: 'laminar',
  }
  fc.assert(
    fc.property(seedArbitrary, seedArbitrary, (marketSeed, seed) => {
      const market = randomSmallMarket(marketSeed, options)
      const positions = market.positions.map((p) => p.id)
      const lists: string[][] = [[]]
      for (const a of positions) {
        lists.push([a])
        for (const b of positions) {
          if (b === a) continue
          lists.push([a, b])
          for (const c of positions) if (c !== a && c !== b) lists.push([a, b, c])
        }
      }
      const truthful = toPlain(solveMatching(market, { seed, explain: false }))
      market.candidates.forEach((candidate, i) => {
        const trueRank = (p: string | undefined): number => {
          if (p === undefined) return Infinity
          const r = candidate.ranking.findIndex((entry) =>
            typeof entry === 'string' ? entry === p : entry.includes(p),
          )
          return r < 0 ? Infinity : r
        }
        const honest = trueRank(truthful.get(candidate.id))
        for (const list of lists) {
          const lie: Market = {
            ...market,
            candidates: market.candidates.map((c, j) => (j === i ? { ...c, ranking: list } : c)),
          }
          const got = trueRank(toPlain(solveMatching(lie, { seed, explain: false })).get(candidate.id))
          assert.ok(got >= honest, `${candidate.id} gains by reporting ${list.join('>')}`)
        }
      })
    }),
    { numRuns: 250 * RUNS },
  )
})

test('group caps on multi-position companies: caps always hold; blocking pairs are counted honestly', () => {
  fc.assert(
    fc.property(seedArbitrary, seedArbitrary, (marketSeed, seed) => {
      const market = randomSmallMarket(marketSeed, { ...FULL, groupCaps: 'any' })
      const result = solveMatching(market, { seed })
      const o = toOracle(market)
      const m = toPlain(result)
      assert.ok(isFeasible(o, m))
      assert.equal(result.statistics.blockingPairs, countBlockingPairs(o, m))
      assert.deepEqual(verify(market, result.assignments).capacityViolations, [])
    }),
    { numRuns: 500 * RUNS },
  )
})

test('stable improvement cycles keep stability and make no candidate worse off', () => {
  fc.assert(
    fc.property(seedArbitrary, seedArbitrary, (marketSeed, seed) => {
      const market = randomSmallMarket(marketSeed, { ...FULL, maxCandidates: 7 })
      const plain = solveMatching(market, { seed })
      const improved = solveMatching(market, { seed, improve: true })
      const o = toOracle(market)
      const before = toPlain(plain)
      const after = toPlain(improved)
      assert.ok(isFeasible(o, after))
      assert.equal(countBlockingPairs(o, after), 0)
      assert.equal(improved.statistics.blockingPairs, 0)
      for (const c of o.candidates) {
        const ranks = o.candidateRank.get(c)!
        const rank = (p: string | undefined): number => (p === undefined ? Infinity : ranks.get(p)!)
        assert.ok(rank(after.get(c)) <= rank(before.get(c)), `${c} worse off`)
      }
      assert.equal(
        improved.improvement.moves.length,
        [...o.candidates].filter((c) => before.get(c) !== after.get(c)).length,
      )
      checkExplanations(market, improved)
    }),
    { numRuns: 500 * RUNS },
  )
})

test('results are byte-identical for the same market, options and seed', () => {
  fc.assert(
    fc.property(seedArbitrary, seedArbitrary, (marketSeed, seed) => {
      const market = randomSmallMarket(marketSeed, FULL)
      const copy = JSON.parse(JSON.stringify(market)) as Market
      assert.equal(
        JSON.stringify(solveMatching(market, { seed })),
        JSON.stringify(solveMatching(copy, { seed })),
      )
    }),
    { numRuns: 200 * RUNS },
  )
})
