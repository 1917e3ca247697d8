import { type Kysely, sql } from 'kysely'
import { AppError } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'
import { recordAudit } from '../audit/index.ts'
import { hashInvitationToken } from '../invitations/index.ts'
import { endOtherSessions } from './end-other-sessions.ts'
import { setAccountPassword } from './set-account-password.ts'
import { signInThrottleKeys } from './take-sign-in-attempt.ts'

/** What a reset link is now. */
export type PasswordResetStatus = 'valid' | 'used' | 'expired'

async function findReset(db: Kysely<Database>, token: string) {
  const row = await db
    .selectFrom('passwordReset')
    .innerJoin('authUser', 'authUser.id', 'passwordReset.userId')
    .select([
      'passwordReset.id',
      'passwordReset.userId',
      'passwordReset.expiresAt',
      'passwordReset.usedAt',
      'authUser.email',
    ])
    .where('passwordReset.tokenSha256', '=', hashInvitationToken(token))
    .executeTakeFirst()
  if (!row) throw new AppError('not_found', 'this reset link is not known; ask for a new one')
  return row
}

function statusOf(row: { usedAt: Date | null; expiresAt: Date }, now: Date): PasswordResetStatus {
  if (row.usedAt !== null) return 'used'
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'valid'
}

/** What the reset page shows before the new password is chosen: the link's status and the login's e-mail. */
export async function previewPasswordReset(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<{ readonly status: PasswordResetStatus; readonly email: string }> {
  const row = await findReset(db, token)
  return { status: statusOf(row, now), email: row.email }
}

/**
 * Sets a new password through a reset link: the link must be unused and unexpired; it is then used up, and
 * so is every other open link of the login; every session of the login ends (whoever had it is signed out),
 * its failed sign-ins are forgotten, the token is scrubbed from the outbox copy of the e-mail, and it is
 * audited. Used or expired: `conflict`; unknown: `not_found`; a refused password: `validation_failed`
 * naming `body.newPassword`.
 */
export async function resetPassword(
  db: Kysely<Database>,
  reset: { readonly token: string; readonly newPassword: string; readonly now: Date },
): Promise<{ readonly email: string }> {
  const row = await findReset(db, reset.token)
  const status = statusOf(row, reset.now)
  if (status !== 'valid')
    throw new AppError(
      'conflict',
      status === 'used'
        ? 'this reset link was used already'
        : 'this reset link has expired; ask for a new one',
    )
  // Claim the link first (single use even when two requests race).
  const claimed = await db
    .updateTable('passwordReset')
    .set({ usedAt: reset.now })
    .where('id', '=', row.id)
    .where('usedAt', 'is', null)
    .executeTakeFirst()
  if (Number(claimed.numUpdatedRows) === 0) throw new AppError('conflict', 'this reset link was used already')
  await setAccountPassword(db, { id: row.userId, email: row.email }, reset.newPassword, {
    now: reset.now,
    path: 'body.newPassword',
  })
  await db
    .updateTable('passwordReset')
    .set({ usedAt: reset.now })
    .where('userId', '=', row.userId)
    .where('usedAt', 'is', null)
    .execute()
  const endedSessions = await endOtherSessions(db, row.userId, null)
  await db.deleteFrom('signInThrottle').where('key', '=', signInThrottleKeys(row.email, '').account).execute()
  await db
    .updateTable('notification')
    .set({
      body: sql<string>`replace(body, ${reset.token}, '[used]')`,
      params: sql`params - 'link'`,
    })
    .where('kind', '=', 'password_reset')
    .where('email', '=', row.email)
    .execute()
  await recordAudit(db, null, [
    {
      action: 'update',
      entityType: 'password',
      entityId: row.userId,
      detail: { via: 'reset_link', endedSessions },
    },
  ])
  return { email: row.email }
}
