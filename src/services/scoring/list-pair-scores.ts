import { scoreMatrix } from '../../scoring/index.ts'
import type { ProgramScoring } from './load-program-scoring.ts'

/** Every allowed pair's fit score (0–100), for max-fit runs; excluded pairs are left out. */
export function listPairScores(
  scoring: ProgramScoring,
): { candidate: string; position: string; score: number }[] {
  const matrix = scoreMatrix(scoring.index)
  const candidateIds = scoring.index.candidateIds
  const positionIds = scoring.index.positionIds
  const pairs: { candidate: string; position: string; score: number }[] = []
  for (let c = 0; c < candidateIds.length; c++) {
    for (let p = 0; p < positionIds.length; p++) {
      const score = matrix[c * positionIds.length + p]!
      if (score >= 0) pairs.push({ candidate: candidateIds[c]!, position: positionIds[p]!, score })
    }
  }
  return pairs
}
