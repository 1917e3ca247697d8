import { type Actor, AppError } from '../../domain/index.ts'
import { companyIdsOf } from './company-ids-of.ts'
import { hasRole } from './has-role.ts'

/**
 * Throws `not_found` unless the actor is an operator or a member of `companyId`. Another company's data
 * answers "not found" rather than "forbidden", so its existence is not revealed.
 */
export function requireCompanyAccess(actor: Actor, companyId: string, what: string): void {
  if (hasRole(actor, 'operator')) return
  if (companyIdsOf(actor).includes(companyId)) return
  throw new AppError('not_found', `no ${what} ${companyId}`)
}
