import type { Kysely } from 'kysely'
import type { Actor, Role, UiLocale } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'

/** Loads who a signed-in user is and what they may do; null when the user no longer exists. */
export async function loadActor(db: Kysely<Database>, userId: string): Promise<Actor | null> {
  const user = await db
    .selectFrom('authUser')
    .select(['id', 'email', 'name', 'locale'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!user) return null
  const grants = await db
    .selectFrom('roleGrant')
    .select(['role', 'hubId', 'companyId', 'candidateId'])
    .where('userId', '=', userId)
    .orderBy('role')
    .execute()
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    locale: (user.locale as UiLocale | null) ?? null,
    grants: grants.map((grant) => ({ ...grant, role: grant.role as Role })),
  }
}
