import { AppError, type Candidate } from '../../domain/index.ts'
import { candidateIdOf, requireRole } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { getCandidate } from './get-candidate.ts'

/** The signed-in candidate's own profile. */
export async function getOwnCandidate(context: ServiceContext): Promise<Candidate> {
  requireRole(context.actor, 'candidate')
  const candidateId = candidateIdOf(context.actor)
  if (!candidateId) throw new AppError('not_found', 'this account has no candidate profile')
  return getCandidate(context, candidateId)
}
