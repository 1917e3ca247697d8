import { type Actor, AppError, type Role } from '../domain/index.ts'

/** True when the actor holds `role`. */
export function hasRole(actor: Actor, role: Role): boolean {
  return actor.grants.some((grant) => grant.role === role)
}

/** Throws `forbidden` unless the actor holds one of `roles`. */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.some((role) => hasRole(actor, role))) {
    throw new AppError('forbidden', `this needs the role ${roles.join(' or ')}`)
  }
}

/** The hub the actor works in (every grant names one; Ieum serves one hub per installation today). */
export function hubIdOf(actor: Actor): string {
  const grant = actor.grants[0]
  if (!grant) throw new AppError('forbidden', 'this account has no role in any hub')
  return grant.hubId
}

/** Ids of the companies the actor is a member of. */
export function companyIdsOf(actor: Actor): string[] {
  return actor.grants.flatMap((grant) =>
    grant.role === 'company' && grant.companyId ? [grant.companyId] : [],
  )
}

/** The candidate record the actor owns, or null. */
export function candidateIdOf(actor: Actor): string | null {
  return actor.grants.find((grant) => grant.role === 'candidate')?.candidateId ?? null
}

/**
 * Throws `not_found` unless the actor is an operator or a member of `companyId`. Another company's data
 * answers "not found" rather than "forbidden", so its existence is not revealed.
 */
export function requireCompanyAccess(actor: Actor, companyId: string, what: string): void {
  if (hasRole(actor, 'operator')) return
  if (companyIdsOf(actor).includes(companyId)) return
  throw new AppError('not_found', `no ${what} ${companyId}`)
}
