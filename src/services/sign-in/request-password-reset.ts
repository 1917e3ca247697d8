import type { Kysely } from 'kysely'
import type { Database } from '../../store/index.ts'
import { recordAudit } from '../audit/index.ts'
import { createInvitationToken } from '../invitations/index.ts'
import { queueNotifications } from '../notifications/index.ts'
import { PASSWORD_RESET_MINUTES, PASSWORD_RESETS_PER_HOUR } from './password-reset-rules.ts'

/** The link in a reset e-mail: `<baseUrl>/reset-password/<token>`. */
export function buildResetUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/reset-password/${token}`
}

/**
 * Someone asks for a password-reset link for `email`. When a login has that address, a single-use token
 * (only its SHA-256 stored, valid {@link PASSWORD_RESET_MINUTES} minutes) is mailed through the outbox in the
 * user's language; at most {@link PASSWORD_RESETS_PER_HOUR} per hour. The caller learns nothing either way
 * (the route answers 202 whatever happened), so the form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(
  db: Kysely<Database>,
  request: {
    readonly email: string
    readonly now: Date
    readonly baseUrl: string
    readonly address: string | null
  },
): Promise<void> {
  const email = request.email.trim().toLowerCase()
  const user = await db
    .selectFrom('authUser')
    .select(['id', 'name', 'email', 'locale'])
    .where('email', '=', email)
    .executeTakeFirst()
  if (!user) return
  const grant = await db
    .selectFrom('roleGrant')
    .select('hubId')
    .where('userId', '=', user.id)
    .executeTakeFirst()
  if (!grant) return
  const hourAgo = new Date(request.now.getTime() - 60 * 60 * 1000)
  const recent = await db
    .selectFrom('passwordReset')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('userId', '=', user.id)
    .where('createdAt', '>', hourAgo)
    .executeTakeFirstOrThrow()
  if (Number(recent.count) >= PASSWORD_RESETS_PER_HOUR) return
  const { token, tokenSha256 } = createInvitationToken()
  await db
    .insertInto('passwordReset')
    .values({
      userId: user.id,
      tokenSha256,
      createdAt: request.now,
      expiresAt: new Date(request.now.getTime() + PASSWORD_RESET_MINUTES * 60 * 1000),
      requestedFrom: request.address,
    })
    .execute()
  // Mailed only (no in-app copy: whoever asks is signed out); the link is scrubbed from the outbox row once
  // the reset is used.
  await queueNotifications(db, [
    {
      hubId: grant.hubId,
      userId: null,
      email: user.email,
      locale: user.locale,
      kind: 'password_reset',
      params: {
        name: user.name,
        email: user.email,
        minutes: PASSWORD_RESET_MINUTES,
        link: buildResetUrl(request.baseUrl, token),
      },
    },
  ])
  await recordAudit(db, null, [
    { action: 'create', entityType: 'password_reset', entityId: user.id, detail: { from: request.address } },
  ])
}
