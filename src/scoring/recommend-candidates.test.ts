import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { createScoringIndex, type ScoringIndex } from './create-scoring-index.ts'
import { programArbitrary } from './program-arbitrary.ts'
import { recommendCandidates } from './recommend-candidates.ts'
import { recommendPositions } from './recommend-positions.ts'
import { scoreMatrix } from './score-matrix.ts'
import { EXCLUDED_SCORE, type Recommendation } from './scoring-types.ts'

/** Oracle: score every pair, sort by score desc then id, keep k. */
function bruteForce(
  index: ScoringIndex,
  side: 'candidates' | 'positions',
  id: string,
  k: number,
): Recommendation[] {
  const matrix = scoreMatrix(index)
  const positionCount = index.positionIds.length
  const rows: Recommendation[] = []
  if (side === 'candidates') {
    const p = index.positionIds.indexOf(id)
    for (const [c, candidateId] of index.candidateIds.entries())
      rows.push({ id: candidateId, score: matrix[c * positionCount + p]! })
  } else {
    const c = index.candidateIds.indexOf(id)
    for (const [p, positionId] of index.positionIds.entries())
      rows.push({ id: positionId, score: matrix[c * positionCount + p]! })
  }
  return rows
    .filter((row) => row.score !== EXCLUDED_SCORE)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, k)
}

test('top-k candidates through the skill index equal the brute-force top-k', () => {
  fc.assert(
    fc.property(
      programArbitrary(8, 3, true),
      fc.integer({ min: 0, max: 6 }),
      ({ candidates, positions }, k) => {
        const index = createScoringIndex(candidates, positions)
        for (const position of positions) {
          assert.deepEqual(
            recommendCandidates(index, position.id, k),
            bruteForce(index, 'candidates', position.id, k),
          )
        }
      },
    ),
    { numRuns: 200 },
  )
})

test('top-k positions through the skill index equal the brute-force top-k', () => {
  fc.assert(
    fc.property(
      programArbitrary(3, 8, true),
      fc.integer({ min: 0, max: 6 }),
      ({ candidates, positions }, k) => {
        const index = createScoringIndex(candidates, positions)
        for (const candidate of candidates) {
          assert.deepEqual(
            recommendPositions(index, candidate.id, k),
            bruteForce(index, 'positions', candidate.id, k),
          )
        }
      },
    ),
    { numRuns: 200 },
  )
})

test('equal scores are ordered by id; unknown ids are a caller error', () => {
  const same = { skills: [{ skill: 'python', level: 3 }] }
  const index = createScoringIndex(
    [
      { id: 'b', ...same },
      { id: 'a', ...same },
      { id: 'c', skills: [] },
    ],
    [{ id: 'p', requiredSkills: [{ skill: 'python', minLevel: 3 }] }],
  )
  assert.deepEqual(
    recommendCandidates(index, 'p', 3).map((item) => item.id),
    ['a', 'b', 'c'],
  )
  assert.throws(() => recommendCandidates(index, 'nope', 3), /not in this index/)
  assert.throws(() => recommendPositions(index, 'nope', 3), /not in this index/)
})
