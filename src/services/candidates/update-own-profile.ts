import { AppError, type CandidateInput, type OwnProfile } from '../../domain/index.ts'
import { candidateIdOf, requireRole } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { findMissingProfileFields } from './find-missing-profile-fields.ts'
import { toOwnProfile } from './to-own-profile.ts'
import { updateCandidate } from './update-candidate.ts'

/**
 * Changes the signed-in candidate's own profile (audited with the changed fields); the first time no
 * required field is missing any more, the profile is marked complete.
 */
export async function updateOwnProfile(
  context: ServiceContext,
  patch: Partial<CandidateInput>,
): Promise<OwnProfile> {
  requireRole(context.actor, 'candidate')
  const candidateId = candidateIdOf(context.actor)
  if (!candidateId) throw new AppError('not_found', 'this account has no candidate profile')
  const updated = await updateCandidate(context, candidateId, patch)
  if (findMissingProfileFields(updated).length === 0) {
    await context.db
      .updateTable('candidate')
      .set({ profileCompletedAt: context.now() })
      .where('id', '=', candidateId)
      .where('profileCompletedAt', 'is', null)
      .execute()
  }
  return toOwnProfile(context, updated)
}
