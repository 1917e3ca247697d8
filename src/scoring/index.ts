/**
 * Public surface of the scoring library: taxonomy, extraction, fit scores, explanations, recommendations,
 * rank lists, supply/demand and the evaluation set. Pure: no I/O, no clock, no randomness.
 */
export { computeSkillSupplyDemand, type SkillSupplyDemand } from './compute-skill-supply-demand.ts'
export {
  createScoringIndex,
  DEFAULT_SCORING_WEIGHTS,
  resolveWeights,
  type ScoringIndex,
} from './create-scoring-index.ts'
export { EVALUATION_SET, type EvaluationCv, type EvaluationPosition } from './data/evaluation-set.ts'
export { SKILL_TAXONOMY_DATA, type SkillKind, type SkillTaxonomyEntry } from './data/skill-taxonomy-data.ts'
export { type DerivedRankList, type DerivedRankLists, deriveRankLists } from './derive-rank-lists.ts'
export { evaluateScoring, type ScoringEvaluation } from './evaluate-scoring.ts'
export { explainFit, explainMatch, explainPair } from './explain-fit.ts'
export { extractCandidateProfile, MAX_EXTRACTION_CHARACTERS } from './extract-candidate-profile.ts'
export { EDUCATION_LEVELS } from './extract-education.ts'
export { extractPositionProfile } from './extract-position-profile.ts'
export type * from './extraction-types.ts'
export { type FormattedExplanation, formatExplanation, formatExplanationItem } from './format-explanation.ts'
export { recommendCandidates } from './recommend-candidates.ts'
export { recommendPositions } from './recommend-positions.ts'
export { scoreMatrix } from './score-matrix.ts'
export { scorePair } from './score-pair.ts'
export * from './scoring-types.ts'
export {
  createSkillTaxonomy,
  SKILL_TAXONOMY,
  type SkillRelation,
  type SkillTaxonomy,
} from './skill-taxonomy.ts'
export { toScoringCandidate, toScoringPosition } from './to-scoring-profile.ts'
