/** Data-subject rights: export, erasure, consent withdrawal, human review of automated outcomes. */
export { answerPrivacyRequest } from './answer-privacy-request.ts'
export { createPrivacyRequest, type PrivacyRequestInput } from './create-privacy-request.ts'
export { eraseCandidate, erasedEmail, PLACEMENT_LEGAL_BASIS } from './erase-candidate.ts'
export { exportSubjectData, type SubjectExport, zipSubjectExport } from './export-subject-data.ts'
export { listPrivacyRequests } from './list-privacy-requests.ts'
export { PRIVACY_REQUEST_DUE_DAYS, type PrivacyRequestView } from './privacy-request-view.ts'
export { type ApplicantPurgeReport, purgeClosedProgramApplicants } from './purge-closed-program-applicants.ts'
