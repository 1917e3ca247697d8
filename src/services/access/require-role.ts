import { type Actor, AppError, type Role } from '../../domain/index.ts'
import { hasRole } from './has-role.ts'

/** Throws `forbidden` unless the actor holds one of `roles`. */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.some((role) => hasRole(actor, role))) {
    throw new AppError('forbidden', `this needs the role ${roles.join(' or ')}`)
  }
}
