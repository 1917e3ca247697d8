import type { Actor, Role } from '../../domain/index.ts'

/** True when the actor holds `role`. */
export function hasRole(actor: Actor, role: Role): boolean {
  return actor.grants.some((grant) => grant.role === role)
}
