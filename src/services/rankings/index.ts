/** Rank lists: candidates rank positions, companies rank applicants, frozen before the match. */

export { getCandidateRanking } from './get-candidate-ranking.ts'
export { getCompanyRanking } from './get-company-ranking.ts'
export { getScoreDerivedCompanyRanking } from './get-score-derived-company-ranking.ts'
export { isRankingFrozen } from './is-ranking-frozen.ts'
export { rankedIds } from './ranked-ids.ts'
export { describeUnmetReasons, requireRankableApplication } from './require-rankable-application.ts'
export { saveCandidateRanking } from './save-candidate-ranking.ts'
export { saveCompanyRanking } from './save-company-ranking.ts'
