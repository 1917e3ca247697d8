import type { Actor } from '../../domain/index.ts'

/** Ids of the companies the actor is a member of. */
export function companyIdsOf(actor: Actor): string[] {
  return actor.grants.flatMap((grant) =>
    grant.role === 'company' && grant.companyId ? [grant.companyId] : [],
  )
}
