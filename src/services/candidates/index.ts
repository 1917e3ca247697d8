/** Candidates: profiles, their completeness, and profile suggestions read from a CV. */

export { createCandidate } from './create-candidate.ts'
export { findMissingProfileFields } from './find-missing-profile-fields.ts'
export { getCandidate } from './get-candidate.ts'
export { getOwnCandidate } from './get-own-candidate.ts'
export { getOwnProfile } from './get-own-profile.ts'
export { labelSkills } from './label-skills.ts'
export { type CandidateSummary, listCandidates } from './list-candidates.ts'
export { suggestProfileFromCv } from './suggest-profile-from-cv.ts'
export { updateCandidate } from './update-candidate.ts'
export { updateOwnProfile } from './update-own-profile.ts'
