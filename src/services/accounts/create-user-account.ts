import type { Kysely } from 'kysely'
import { AppError, type Role, type UiLocale } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'
import { systemClock } from '../service-context.ts'
import { assertNewPasswordAllowed } from './common-passwords.ts'
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
  /** When the login is created (default: the real clock; callers with a context pass its `now()`). */
  readonly now?: Date
}

/**
 * Creates a login the way better-auth stores one (user + credential account with an argon2id hash) and
 * its role grants, in the caller's transaction. Throws `conflict` when the email is taken.
 */
export async function createUserAccount(db: Kysely<Database>, account: NewAccount): Promise<string> {
  const email = account.email.trim().toLowerCase()
  assertNewPasswordAllowed(account.password, { email })
  const existing = await db.selectFrom('authUser').select('id').where('email', '=', email).executeTakeFirst()
  if (existing)
    throw new AppError('conflict', `an account with the email ${email} exists already`, [
      { path: 'body.email', message: 'already registered' },
    ])
  const userId = crypto.randomUUID()
  const now = account.now ?? systemClock()
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
