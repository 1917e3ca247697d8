import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { RunMove } from '../../src/domain/index.ts'
import { kindOfMove } from '../../src/web/run-move-kind.ts'

const move = (patch: Partial<RunMove>): RunMove => ({
  candidateId: 'c',
  fullName: 'Nguyễn Văn A',
  nationality: 'VN',
  from: 'p1',
  fromLabel: 'A — Intern',
  fromRank: 2,
  to: 'p2',
  toLabel: 'B — Intern',
  toRank: 1,
  ...patch,
})

test('a move is better, worse, newly placed, unplaced, or another seat at the same choice', () => {
  assert.equal(kindOfMove(move({})), 'better')
  assert.equal(kindOfMove(move({ fromRank: 1, toRank: 3 })), 'worse')
  assert.equal(kindOfMove(move({ from: null, fromLabel: null, fromRank: null })), 'newly_matched')
  assert.equal(kindOfMove(move({ to: null, toLabel: null, toRank: null })), 'unmatched')
  assert.equal(kindOfMove(move({ fromRank: 2, toRank: 2 })), 'moved')
  // A max-fit placement the candidate did not rank has no rank to compare.
  assert.equal(kindOfMove(move({ toRank: null })), 'moved')
})
