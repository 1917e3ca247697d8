import assert from 'node:assert/strict'
import { test } from 'node:test'
import { AppError } from '../domain/app-error.ts'
import { parseMarket } from './parse-market.ts'

function expectInvalid(text: string, path: string, fragment: string): void {
  assert.throws(
    () => parseMarket(text),
    (error: unknown) => {
      assert.ok(error instanceof AppError, String(error))
      assert.equal(error.code, 'invalid_market')
      const issue = error.issues.find((i) => i.path === path)
      assert.ok(issue, `no issue at ${path}: ${JSON.stringify(error.issues)}`)
      assert.match(issue.message, new RegExp(fragment))
      return true
    },
  )
}

const ok = {
  version: 1,
  candidates: [{ id: 'a', ranking: ['x', ['y', 'z']] }],
  positions: [
    { id: 'x', capacity: 1, ranking: ['a'] },
    { id: 'y', capacity: 1, company: 'K' },
    { id: 'z', capacity: 0, ranking: [] },
  ],
  companies: [{ id: 'K', capacity: 1, ranking: ['a'] }],
}

test('parses a valid market', () => {
  const market = parseMarket(JSON.stringify(ok))
  assert.equal(market.candidates.length, 1)
})

test('rejects malformed JSON, wrong version, bad shape, unknown and duplicate ids, negative capacity', () => {
  expectInvalid('{"candidates": [', '$', 'JSON')
  expectInvalid(JSON.stringify({ ...ok, version: 2 }), 'version', 'expected 1')
  expectInvalid(
    JSON.stringify({ ...ok, positions: [{ id: 'x', capacity: -1 }] }),
    'positions[0].capacity',
    "position 'x'",
  )
  expectInvalid(
    JSON.stringify({ ...ok, candidates: [{ id: 'a', ranking: ['nope'] }] }),
    'candidates[0].ranking[0]',
    "unknown position 'nope'",
  )
  expectInvalid(
    JSON.stringify({ ...ok, candidates: [...ok.candidates, { id: 'a', ranking: [] }] }),
    'candidates[1].id',
    "duplicate id 'a'",
  )
  expectInvalid(
    JSON.stringify({
      ...ok,
      positions: [{ id: 'x', capacity: 1, ranking: ['a', 'ghost'] }, ...ok.positions.slice(1)],
    }),
    'positions[0].ranking[1]',
    "unknown candidate 'ghost'",
  )
  expectInvalid(
    JSON.stringify({ ...ok, candidates: [{ id: 'a', ranking: ['x', 'x'] }] }),
    'candidates[0].ranking[1]',
    'listed twice',
  )
  expectInvalid(
    JSON.stringify({
      ...ok,
      positions: [...ok.positions, { id: 'w', capacity: 1, company: 'K', ranking: [] }],
    }),
    'positions[3].ranking',
    'one ranking per company',
  )
  expectInvalid(
    JSON.stringify({ ...ok, positions: [...ok.positions, { id: 'w', capacity: 1, company: 'nobody' }] }),
    'positions[3].company',
    "unknown company 'nobody'",
  )
  expectInvalid(
    JSON.stringify({ ...ok, scores: [{ candidate: 'a', position: 'q', score: 1 }] }),
    'scores[0].position',
    "unknown position 'q'",
  )
})
