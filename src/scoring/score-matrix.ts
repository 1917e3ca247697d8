/**
 * Scores every candidate × position pair of an index into a flat Float64Array (row = candidate), the input
 * of the matching engine's max-fit mode. Excluded pairs hold `EXCLUDED_SCORE` (-1).
 */
import type { ScoringIndex } from './create-scoring-index.ts'
import { scorePair } from './score-pair.ts'

/** Fills `out[c * positionCount + p]` (allocated when absent) and returns it. */
export function scoreMatrix(index: ScoringIndex, out?: Float64Array): Float64Array {
  const candidateCount = index.candidateIds.length
  const positionCount = index.positionIds.length
  const size = candidateCount * positionCount
  if (out !== undefined && out.length < size) {
    throw new Error(`scoreMatrix: out has ${out.length} cells, needs ${size} (candidates × positions)`)
  }
  const matrix = out ?? new Float64Array(size)
  for (let c = 0; c < candidateCount; c++) {
    const row = c * positionCount
    for (let p = 0; p < positionCount; p++) matrix[row + p] = scorePair(index, c, p)
  }
  return matrix
}
