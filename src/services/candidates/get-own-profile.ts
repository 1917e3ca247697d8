import type { OwnProfile } from '../../domain/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { getOwnCandidate } from './get-own-candidate.ts'
import { toOwnProfile } from './to-own-profile.ts'

/** The signed-in candidate's own profile, with its completeness. Audited like every read of it. */
export async function getOwnProfile(context: ServiceContext): Promise<OwnProfile> {
  return toOwnProfile(context, await getOwnCandidate(context))
}
