import type { Candidate, OwnProfile } from '../../domain/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { findMissingProfileFields } from './find-missing-profile-fields.ts'
import { labelSkills } from './label-skills.ts'

export async function toOwnProfile(context: ServiceContext, candidate: Candidate): Promise<OwnProfile> {
  const row = await context.db
    .selectFrom('candidate')
    .select('profileCompletedAt')
    .where('id', '=', candidate.id)
    .executeTakeFirstOrThrow()
  const missingFields = findMissingProfileFields(candidate)
  return {
    ...candidate,
    missingFields,
    isProfileComplete: missingFields.length === 0,
    profileCompletedAt: row.profileCompletedAt?.toISOString() ?? null,
    skillLabels: labelSkills(candidate.skills.map((entry) => entry.skill)),
  }
}
