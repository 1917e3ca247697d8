/** Companies of the hub. */

export { createCompany } from './create-company.ts'
export { getCompany } from './get-company.ts'
export { listCompanies } from './list-companies.ts'
export { updateCompany } from './update-company.ts'
