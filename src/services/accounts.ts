import type { Kysely } from 'kysely'
import { type Actor, AppError, type Role, type UiLocale } from '../domain/index.ts'
import type { Database } from '../store/index.ts'
import { hashPassword } from './hash-password.ts'

/** A new login with its roles. */
export interface NewAccount {
  readonly email: string
  readonly name: string
  readonly password: string
  readonly locale: UiLocale | null
  readonly grants: readonly {
    role: Role
    hubId: string
    companyId?: string | null
    candidateId?: string | null
  }[]
}

/**
 * Creates a login the way better-auth stores one (user + credential account with an argon2id hash) and
 * its role grants, in the caller's transaction. Throws `conflict` when the email is taken.
 */
export async function createUserAccount(db: Kysely<Database>, account: NewAccount): Promise<string> {
  const email = account.email.trim().toLowerCase()
  const existing = await db.selectFrom('authUser').select('id').where('email', '=', email).executeTakeFirst()
  if (existing) throw new AppError('conflict', `an account with the email ${email} exists already`)
  const userId = crypto.randomUUID()
  const now = new Date()
  await db
    .insertInto('authUser')
    .values({
      id: userId,
      email,
      name: account.name,
      emailVerified: true,
      image: null,
      locale: account.locale,
      createdAt: now,
      updatedAt: now,
    })
    .execute()
  await db
    .insertInto('authAccount')
    .values({
      id: crypto.randomUUID(),
      userId,
      accountId: userId,
      providerId: 'credential',
      password: await hashPassword(account.password),
      accessToken: null,
      refreshToken: null,
      idToken: null,
      accessTokenExpiresAt: null,
      refreshTokenExpiresAt: null,
      scope: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute()
  if (account.grants.length > 0) {
    await db
      .insertInto('roleGrant')
      .values(
        account.grants.map((grant) => ({
          userId,
          role: grant.role,
          hubId: grant.hubId,
          companyId: grant.companyId ?? null,
          candidateId: grant.candidateId ?? null,
        })),
      )
      .execute()
    const candidateId = account.grants.find((grant) => grant.candidateId)?.candidateId
    if (candidateId) await db.updateTable('candidate').set({ userId }).where('id', '=', candidateId).execute()
  }
  return userId
}

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

/** Saves the user's preferred interface language. */
export async function setUserLocale(db: Kysely<Database>, actor: Actor, locale: UiLocale): Promise<void> {
  await db
    .updateTable('authUser')
    .set({ locale, updatedAt: new Date() })
    .where('id', '=', actor.userId)
    .execute()
}
