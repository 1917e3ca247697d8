/**
 * Top-k candidates for a position through the inverted skill index: only candidates holding a skill that
 * gives credit towards the position's required or preferred skills are scored. The result is exact: when
 * the k-th best of those does not beat what a candidate without any such skill could reach, the remaining
 * candidates are scored too. Excluded pairs are never recommended.
 */
import type { ScoringIndex } from './create-scoring-index.ts'
import { hasMandatorySkill, scoreBoundWithoutSkills, scorePair, scoreUpperBound } from './score-pair.ts'
import { EXCLUDED_SCORE, type Recommendation } from './scoring-types.ts'
import { selectTopK } from './select-top-k.ts'

/** Skills that give credit towards `need` (taxonomy neighbours, or itself for an extra skill). */
export function forEachCreditingSkill(
  index: ScoringIndex,
  need: number,
  visit: (have: number) => void,
): void {
  const taxonomy = index.taxonomy
  if (need >= taxonomy.size) {
    visit(need)
    return
  }
  for (let i = taxonomy.neighborOffsets[need]!; i < taxonomy.neighborOffsets[need + 1]!; i++) {
    visit(taxonomy.neighborSkills[i]!)
  }
}

/** The best `k` candidates for position `positionId`, best first, ties broken by candidate id. */
export function recommendCandidates(index: ScoringIndex, positionId: string, k: number): Recommendation[] {
  const p = index.positionIndexById.get(positionId)
  if (p === undefined) throw new Error(`recommendCandidates: position "${positionId}" is not in this index`)
  const candidateCount = index.candidateIds.length
  const top = selectTopK(k, index.candidateOrder)
  const isSeen = new Uint8Array(candidateCount)
  const bySkillStart = index.candidatesBySkillStart
  const bySkill = index.candidatesBySkill
  const visitSkill = (have: number): void => {
    for (let i = bySkillStart[have]!; i < bySkillStart[have + 1]!; i++) {
      const c = bySkill[i]!
      if (isSeen[c] === 1) continue
      isSeen[c] = 1
      // The skill part bounds the score: skip full scoring when even that cannot beat the k-th best.
      const threshold = top.threshold()
      if (scoreUpperBound(index, c, p, threshold) < threshold) continue
      const score = scorePair(index, c, p)
      if (score !== EXCLUDED_SCORE) top.offer(c, score)
    }
  }
  for (let r = index.requiredStart[p]!; r < index.requiredStart[p + 1]!; r++) {
    forEachCreditingSkill(index, index.requiredSkill[r]!, visitSkill)
  }
  for (let r = index.preferredStart[p]!; r < index.preferredStart[p + 1]!; r++) {
    forEachCreditingSkill(index, index.preferredSkill[r]!, visitSkill)
  }
  // Unseen candidates score at most the bound (and fail a mandatory skill); scan them only if one could
  // still enter the top k.
  if (!hasMandatorySkill(index, p) && top.threshold() <= scoreBoundWithoutSkills(index, p)) {
    for (let c = 0; c < candidateCount; c++) {
      if (isSeen[c] === 1) continue
      const score = scorePair(index, c, p)
      if (score !== EXCLUDED_SCORE) top.offer(c, score)
    }
  }
  const { ids, scores } = top.drain()
  return Array.from(ids, (c, i) => ({ id: index.candidateIds[c]!, score: scores[i]! }))
}
