import { AppError } from '../../domain/index.ts'
import { verifyPassword } from '../accounts/index.ts'
import { recordAudit } from '../audit/index.ts'
import { queueNotifications } from '../notifications/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { endOtherSessions } from './end-other-sessions.ts'
import { setAccountPassword } from './set-account-password.ts'

/** A signed-in user's password change. */
export interface PasswordChange {
  readonly currentPassword: string
  readonly newPassword: string
}

/**
 * Changes the signed-in user's password after checking the current one, ends every other session of theirs
 * (a thief's session too) while keeping `sessionId`, tells them by e-mail, and audits it. Wrong current
 * password: `unauthenticated` naming `body.currentPassword`; a refused new one: `validation_failed` naming
 * `body.newPassword`.
 */
export async function changePassword(
  context: ServiceContext & { readonly sessionId: string | null },
  change: PasswordChange,
): Promise<{ readonly endedSessions: number }> {
  const { db, actor } = context
  const now = context.now()
  const account = await db
    .selectFrom('authAccount')
    .select('password')
    .where('userId', '=', actor.userId)
    .where('providerId', '=', 'credential')
    .executeTakeFirst()
  const isRight =
    account?.password != null &&
    (await verifyPassword({ hash: account.password, password: change.currentPassword }))
  if (!isRight) {
    throw new AppError('unauthenticated', 'the current password is not right', [
      { path: 'body.currentPassword', message: 'wrong password' },
    ])
  }
  if (change.newPassword === change.currentPassword) {
    throw new AppError(
      'validation_failed',
      'invalid input: body.newPassword must differ from the current one',
      [{ path: 'body.newPassword', message: 'must differ from the current password' }],
    )
  }
  await setAccountPassword(db, { id: actor.userId, email: actor.email }, change.newPassword, {
    now,
    path: 'body.newPassword',
  })
  const endedSessions = await endOtherSessions(db, actor.userId, context.sessionId)
  const hubId = actor.grants[0]?.hubId
  if (hubId) {
    await queueNotifications(db, [
      {
        hubId,
        userId: actor.userId,
        email: actor.email,
        locale: actor.locale,
        kind: 'password_changed',
        params: { name: actor.name },
      },
    ])
  }
  await recordAudit(db, actor, [
    { action: 'update', entityType: 'password', entityId: actor.userId, detail: { endedSessions } },
  ])
  return { endedSessions }
}
