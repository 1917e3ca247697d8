import { type Actor, AppError } from '../../domain/index.ts'

/** The hub the actor works in (every grant names one; Ieum serves one hub per installation today). */
export function hubIdOf(actor: Actor): string {
  const grant = actor.grants[0]
  if (!grant) throw new AppError('forbidden', 'this account has no role in any hub')
  return grant.hubId
}
