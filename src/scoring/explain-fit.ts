/**
 * Explains one pair: every component with its weight, value, points and items (what matched, what is
 * missing), plus exclusion reasons. Structured codes and params only; `formatExplanation` renders text.
 */
import { createScoringIndex, type ScoringIndex } from './create-scoring-index.ts'
import { createScoreTrace, scorePair } from './score-pair.ts'
import {
  type ComponentExplanation,
  EXCLUDED_SCORE,
  FIT_COMPONENTS,
  type FitExplanation,
  type ScoringCandidate,
  type ScoringOptions,
  type ScoringPosition,
} from './scoring-types.ts'
import { SKILL_TAXONOMY, type SkillTaxonomy } from './skill-taxonomy.ts'

function round(value: number): number {
  return Math.round(value * 100) / 100
}

/** Explanation of candidate `c` × position `p` of an index (dense indices); score equals `scorePair`. */
export function explainPair(index: ScoringIndex, c: number, p: number): FitExplanation {
  const trace = createScoreTrace()
  const score = scorePair(index, c, p, trace)
  let softScore = 0
  const components: ComponentExplanation[] = FIT_COMPONENTS.map((component, k) => {
    const weight = index.weights[k]!
    const value = trace.values[k]!
    softScore += weight * value
    return {
      component,
      weight: round(weight),
      value: round(value),
      points: round(weight * value),
      items: trace.items[k]!,
    }
  })
  return {
    candidateId: index.candidateIds[c]!,
    positionId: index.positionIds[p]!,
    score,
    softScore: round(softScore),
    isExcluded: score === EXCLUDED_SCORE,
    exclusions: trace.exclusions,
    components,
  }
}

/** Explanation by ids within an index; throws when an id is not in it (a caller bug). */
export function explainMatch(index: ScoringIndex, candidateId: string, positionId: string): FitExplanation {
  const c = index.candidateIndexById.get(candidateId)
  const p = index.positionIndexById.get(positionId)
  if (c === undefined) throw new Error(`explainMatch: candidate "${candidateId}" is not in this index`)
  if (p === undefined) throw new Error(`explainMatch: position "${positionId}" is not in this index`)
  return explainPair(index, c, p)
}

/** Score and explanation of one candidate for one position, without building an index first. */
export function explainFit(
  candidate: ScoringCandidate,
  position: ScoringPosition,
  options: ScoringOptions = {},
  taxonomy: SkillTaxonomy = SKILL_TAXONOMY,
): FitExplanation {
  return explainPair(createScoringIndex([candidate], [position], options, taxonomy), 0, 0)
}
