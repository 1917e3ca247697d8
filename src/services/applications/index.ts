/** Applications to programs: applying, withdrawing, and the lists operators, companies and candidates see. */

export { applyToProgram } from './apply-to-program.ts'
export { getOwnProgramEligibility } from './get-own-program-eligibility.ts'
export { listOwnApplications } from './list-own-applications.ts'
export { type ApplicationWithApplicant, listProgramApplications } from './list-program-applications.ts'
export { submitOwnApplication } from './submit-own-application.ts'
export { withdrawOwnApplication } from './withdraw-own-application.ts'
