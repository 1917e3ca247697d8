import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { generateMarket } from './generate-market.ts'
import type { Market } from './market-schema.ts'
import { MECHANISMS } from './matching-result.ts'
import { solveMatching, solveMatchingToJson } from './solve-matching.ts'
import { solveSecondRound, solveSecondRoundToJson } from './solve-second-round.ts'
import { randomSmallMarket } from './test-markets.ts'

const RUNS = Number(process.env.MATCHING_PROPERTY_RUNS ?? 1)
const decoder = new TextDecoder()

test('the JSON encoder writes exactly JSON.stringify of the result (every mechanism, groups, scores)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 0x7fffffff }),
      fc.constantFrom(...MECHANISMS),
      (seed, mechanism) => {
        const market = randomSmallMarket(seed, {
          maxCandidates: 8,
          maxPositions: 5,
          hasTies: true,
          hasCompanies: true,
          groupCaps: mechanism === 'candidate-proposing' ? 'any' : 'none',
          hasScores: true,
        })
        const options = { mechanism, seed, explain: seed % 5 !== 0 }
        let expected: string
        try {
          expected = `${JSON.stringify(solveMatching(market, options))}\n`
        } catch {
          return // max-fit and position-proposing refuse group caps; tested elsewhere
        }
        assert.equal(decoder.decode(solveMatchingToJson(market, options).json), expected)
      },
    ),
    { numRuns: 300 * RUNS },
  )
})

test('the encoder escapes ids like JSON.stringify and handles second rounds and fractional scores', () => {
  const market: Market = {
    candidates: [
      { id: 'a"\\1', ranking: ['x\u0001', 'y'], group: '대학' },
      { id: 'ç\u2028', ranking: ['x\u0001'] },
      { id: '\ud83d\ude00', ranking: ['y', 'x\u0001'] },
    ],
    positions: [
      { id: 'x\u0001', capacity: 1, ranking: ['ç\u2028', 'a"\\1'] },
      { id: 'y', capacity: 1, ranking: ['\ud83d\ude00', 'a"\\1'] },
    ],
    scores: [
      { candidate: 'a"\\1', position: 'x\u0001', score: 0.1 + 0.2 },
      { candidate: 'ç\u2028', position: 'x\u0001', score: 1e-7 },
      { candidate: '\ud83d\ude00', position: 'y', score: -0 },
    ],
  }
  for (const mechanism of MECHANISMS)
    assert.equal(
      decoder.decode(solveMatchingToJson(market, { mechanism }).json),
      `${JSON.stringify(solveMatching(market, { mechanism }))}\n`,
    )
  const input = { accepted: [{ candidate: 'ç\u2028', position: 'x\u0001' }], withdrawn: [] }
  assert.equal(
    decoder.decode(solveSecondRoundToJson(market, input).json),
    `${JSON.stringify(solveSecondRound(market, input))}\n`,
  )
  const large = generateMarket({ shape: 'spa', seed: 2, candidates: 3000, positions: 200, seats: 2000 })
  assert.equal(decoder.decode(solveMatchingToJson(large).json), `${JSON.stringify(solveMatching(large))}\n`)
  const scored = generateMarket({ shape: 'sparse', seed: 2, candidates: 3000, positions: 150, seats: 2000 })
  assert.equal(
    decoder.decode(solveMatchingToJson(scored, { mechanism: 'max-fit' }).json),
    `${JSON.stringify(solveMatching(scored, { mechanism: 'max-fit' }))}\n`,
  )
})
