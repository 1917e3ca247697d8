/** Results: candidates' outcomes, companies' placements and their export, answering offers. */
export { exportCompanyPlacements } from './export-company-placements.ts'
export { getCompanyResults } from './get-company-results.ts'
export { getOwnResults } from './get-own-results.ts'
export { respondToOffer } from './respond-to-offer.ts'
