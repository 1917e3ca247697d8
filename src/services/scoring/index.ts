/** Program scoring: fit scores of a program's applicants and positions, shortlists and score-derived rank lists. */

export { deriveScoreRankings } from './derive-score-rankings.ts'
export { getSkillSupplyDemand } from './get-skill-supply-demand.ts'
export { listPairScores } from './list-pair-scores.ts'
export { loadProgramScoring, type ProgramScoring } from './load-program-scoring.ts'
export { recommendForOwnProfile } from './recommend-for-own-profile.ts'
export { recommendForPosition } from './recommend-for-position.ts'
export { toScoringCandidateOf } from './to-scoring-candidate-of.ts'
export { toScoringPositionOf } from './to-scoring-position-of.ts'
