/** Named SQL that several use cases share, one file per aggregate; each takes the db or the open transaction. */
export { listCandidateContacts, listCandidateNames } from './candidates.ts'
export { listCompanyMembers } from './company-members.ts'
export {
  findLastPublishedRound,
  findPublishedRunId,
  findRunInHub,
  selectPublishedRuns,
} from './match-runs.ts'
export {
  findPositionInHub,
  listPositionIdsInHub,
  listPositionLabels,
  listPositionsByExternalKeyInHub,
  type PositionLabel,
} from './positions.ts'
export { findProgramInHub, findProgramPositionSpan, loadProgramEligibilityRules } from './programs.ts'
