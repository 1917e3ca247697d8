import assert from 'node:assert/strict'
import { test } from 'node:test'
import { explainCandidate } from './explain-candidate.ts'
import type { Market } from './market-schema.ts'
import { REASON_CODES } from './matching-result.ts'
import { solveMatching } from './solve-matching.ts'

const market: Market = {
  candidates: [
    { id: 'a', ranking: ['x', 'y', 'z'], group: 'u1' },
    { id: 'b', ranking: ['x', 'z'], group: 'u1' },
    { id: 'c', ranking: ['x', 'y', 'z'], group: 'u1' },
  ],
  positions: [
    { id: 'x', capacity: 1, ranking: ['b', 'a', 'c'] },
    { id: 'y', capacity: 0, ranking: ['a', 'c'] },
    { id: 'z', capacity: 2, company: 'K' },
  ],
  companies: [{ id: 'K', groupCap: 1, ranking: ['a', 'b', 'c'] }],
}

test('explanations are four numbers per reason and decode to reasons with ids', () => {
  const result = solveMatching(market)
  assert.deepEqual(result.reasonCodes, [...REASON_CODES])
  assert.deepEqual(
    result.positions.map((p) => p.company),
    [null, null, 'K'],
  )
  const c = result.explanations.find((entry) => entry.candidate === 'c')!
  assert.equal(c.position, null)
  assert.equal(c.group, 'u1')
  assert.deepEqual(c.reasons, [2, 0, 1, 3, 0, 1, 0, 0, 4, 2, 1, 3])
  assert.deepEqual(explainCandidate(result, 'c'), {
    candidate: 'c',
    position: null,
    choiceRank: null,
    reasons: [
      { code: 'position_full', position: 'x', cutoffRank: 1, candidateRank: 3 },
      { code: 'zero_capacity', position: 'y' },
      { code: 'group_full', position: 'z', company: 'K', group: 'u1', cutoffRank: 1, candidateRank: 3 },
    ],
  })
  assert.equal(explainCandidate(result, 'nobody'), null)
})

test('explainCandidate reads results in the first format (decoded reasons)', () => {
  const legacy = {
    format: 'ieum-result/1' as const,
    explanations: [
      {
        candidate: 'a',
        position: null,
        choiceRank: null,
        reasons: [
          { code: 'position_full' as const, position: 'x', cutoffRank: 2, candidateRank: 2, isTie: true },
        ],
      },
    ],
  }
  assert.deepEqual(explainCandidate(legacy, 'a'), legacy.explanations[0])
})
