import type { Actor } from '../../domain/index.ts'

/** The candidate record the actor owns, or null. */
export function candidateIdOf(actor: Actor): string | null {
  return actor.grants.find((grant) => grant.role === 'candidate')?.candidateId ?? null
}
