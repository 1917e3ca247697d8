/** Who may do what: roles and the hub, company and candidate an actor acts for. */

export { candidateIdOf } from './candidate-id-of.ts'
export { companyIdsOf } from './company-ids-of.ts'
export { hasRole } from './has-role.ts'
export { hubIdOf } from './hub-id-of.ts'
export { requireCompanyAccess } from './require-company-access.ts'
export { requireRole } from './require-role.ts'
