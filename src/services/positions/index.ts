/** Positions companies offer. */

export { createPosition } from './create-position.ts'
export { getPosition } from './get-position.ts'
export { listCompanyPositions } from './list-company-positions.ts'
export { updatePosition } from './update-position.ts'
