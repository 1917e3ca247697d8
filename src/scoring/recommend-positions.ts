/**
 * Top-k positions for a candidate through the inverted skill index (positions needing a skill the
 * candidate's skills give credit to), exact in the same way as `recommendCandidates`.
 */
import type { ScoringIndex } from './create-scoring-index.ts'
import { scoreBoundWithoutSkills, scorePair } from './score-pair.ts'
import { EXCLUDED_SCORE, type Recommendation } from './scoring-types.ts'
import { selectTopK } from './select-top-k.ts'

/** The best `k` positions for candidate `candidateId`, best first, ties broken by position id. */
export function recommendPositions(index: ScoringIndex, candidateId: string, k: number): Recommendation[] {
  const c = index.candidateIndexById.get(candidateId)
  if (c === undefined) throw new Error(`recommendPositions: candidate "${candidateId}" is not in this index`)
  const positionCount = index.positionIds.length
  const taxonomy = index.taxonomy
  const size = taxonomy.size
  const top = selectTopK(k, index.positionOrder)
  const isSeen = new Uint8Array(positionCount)
  const visitNeed = (need: number): void => {
    for (let i = index.positionsBySkillStart[need]!; i < index.positionsBySkillStart[need + 1]!; i++) {
      const p = index.positionsBySkill[i]!
      if (isSeen[p] === 1) continue
      isSeen[p] = 1
      const score = scorePair(index, c, p)
      if (score !== EXCLUDED_SCORE) top.offer(p, score)
    }
  }
  for (let slot = index.candidateSkillStart[c]!; slot < index.candidateSkillStart[c + 1]!; slot++) {
    const have = index.candidateSkill[slot]!
    if (have >= size) {
      visitNeed(have)
      continue
    }
    // Needs this skill gives credit to: row `have` of the similarity table.
    for (let need = 0; need < size; need++) if (taxonomy.similarity[have * size + need]! > 0) visitNeed(need)
  }
  let maxBound = Number.NEGATIVE_INFINITY
  for (let p = 0; p < positionCount; p++)
    if (isSeen[p] === 0) maxBound = Math.max(maxBound, scoreBoundWithoutSkills(index, p))
  if (top.threshold() <= maxBound) {
    for (let p = 0; p < positionCount; p++) {
      if (isSeen[p] === 1) continue
      const score = scorePair(index, c, p)
      if (score !== EXCLUDED_SCORE) top.offer(p, score)
    }
  }
  const { ids, scores } = top.drain()
  return Array.from(ids, (p, i) => ({ id: index.positionIds[p]!, score: scores[i]! }))
}
