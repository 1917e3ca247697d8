import type { Kysely } from 'kysely'
import { AppError, type OwnNotification, UI_LOCALES, type UiLocale } from '../domain/index.ts'
import type { Database } from '../store/index.ts'
import { hubIdOf, requireRole } from './access/index.ts'
import { isNotificationKind, type NotificationKind, renderNotification } from './notification-templates.ts'
import type { ServiceContext } from './service-context.ts'

/** One message to send: in-app for a user with an account, and by e-mail through the outbox. */
export interface OutgoingNotification {
  readonly hubId: string
  readonly userId: string | null
  readonly email: string
  readonly locale: string | null
  readonly kind: NotificationKind
  readonly params: Readonly<Record<string, string | number>>
  readonly link?: string
}

function toLocale(value: string | null): UiLocale {
  return (UI_LOCALES as readonly string[]).includes(value ?? '') ? (value as UiLocale) : 'en'
}

/** Queues notifications (in the caller's transaction) in the recipient's language. */
export async function queueNotifications(
  db: Kysely<Database>,
  notifications: readonly OutgoingNotification[],
) {
  if (notifications.length === 0) return
  await db
    .insertInto('notification')
    .values(
      notifications.map((n) => {
        const locale = toLocale(n.locale)
        const { subject, body } = renderNotification(n.kind, locale, n.params)
        return {
          hubId: n.hubId,
          userId: n.userId,
          email: n.email,
          locale,
          kind: n.kind,
          subject,
          body,
          link: n.link ?? null,
          params: JSON.stringify(n.params),
        }
      }),
    )
    .execute()
}

/**
 * The signed-in user's in-app notifications, newest first (at most `limit`, 200 by default), written in
 * `locale` (default: the language they were sent in) where the template parameters were kept.
 */
export async function listOwnNotifications(
  { db, actor }: ServiceContext,
  options: { readonly limit?: number; readonly isUnreadOnly?: boolean; readonly locale?: UiLocale } = {},
): Promise<OwnNotification[]> {
  let query = db
    .selectFrom('notification')
    .select(['id', 'kind', 'subject', 'body', 'link', 'createdAt', 'readAt', 'params'])
    .where('userId', '=', actor.userId)
  if (options.isUnreadOnly === true) query = query.where('readAt', 'is', null)
  const rows = await query
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit ?? 200)
    .execute()
  return rows.map(({ params, ...row }) => ({
    ...row,
    ...(options.locale !== undefined && params !== null && isNotificationKind(row.kind)
      ? renderNotification(row.kind, options.locale, params as Record<string, string | number>)
      : {}),
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  }))
}

/** How many of the signed-in user's notifications are unread. */
export async function countUnreadNotifications({ db, actor }: ServiceContext): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('userId', '=', actor.userId)
    .where('readAt', 'is', null)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/**
 * Marks the signed-in user's notifications as read: those in `ids`, or all of them without `ids`.
 * Returns how many changed; ids of someone else's notifications change nothing (and are not revealed).
 */
export async function markNotificationsRead(
  { db, actor, now }: ServiceContext,
  ids?: readonly string[],
): Promise<number> {
  if (ids !== undefined && ids.length === 0) return 0
  let query = db
    .updateTable('notification')
    .set({ readAt: now() })
    .where('userId', '=', actor.userId)
    .where('readAt', 'is', null)
  if (ids !== undefined) query = query.where('id', 'in', ids)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Marks one of the signed-in user's notifications as read; someone else's answers not found. */
export async function markOwnNotificationRead(
  context: ServiceContext,
  notificationId: string,
): Promise<void> {
  const own = await context.db
    .selectFrom('notification')
    .select('id')
    .where('id', '=', notificationId)
    .where('userId', '=', context.actor.userId)
    .executeTakeFirst()
  if (!own) throw new AppError('not_found', `no notification ${notificationId}`)
  await markNotificationsRead(context, [notificationId])
}

/** The hub's e-mail outbox for operators: every message, whether it was sent, and why not. */
export async function listOutbox({ db, actor }: ServiceContext, limit = 500) {
  requireRole(actor, 'operator')
  const rows = await db
    .selectFrom('notification')
    .select([
      'id',
      'email',
      'locale',
      'kind',
      'subject',
      'body',
      'createdAt',
      'sentAt',
      'sendError',
      'deliveryStatus',
      'sendAttempts',
      'nextAttemptAt',
    ])
    .where('hubId', '=', hubIdOf(actor))
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .execute()
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
  }))
}
