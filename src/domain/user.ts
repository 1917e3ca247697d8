import { z } from 'zod'
import { IdSchema, UiLocaleSchema } from './common.ts'

/** The roles a user account can hold. */
export const ROLES = ['operator', 'company', 'candidate', 'reviewer'] as const
/** One of {@link ROLES}. */
export const RoleSchema = z.enum(ROLES)
/** operator | company | candidate | reviewer */
export type Role = z.infer<typeof RoleSchema>

/** A role held by a user; company members are scoped to one company, candidates to their own record. */
export const RoleGrantSchema = z.strictObject({
  role: RoleSchema,
  hubId: IdSchema,
  companyId: IdSchema.nullable(),
  candidateId: IdSchema.nullable(),
})
/** A role grant. */
export type RoleGrant = z.infer<typeof RoleGrantSchema>

/** The signed-in user as the API sees them. */
export const ActorSchema = z.strictObject({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  locale: UiLocaleSchema.nullable(),
  grants: z.array(RoleGrantSchema),
})
/** The caller of a service: who they are and what they may do. */
export type Actor = z.infer<typeof ActorSchema>
