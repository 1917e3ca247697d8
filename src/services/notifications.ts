import type { Kysely } from 'kysely'
import { UI_LOCALES, type UiLocale } from '../domain/index.ts'
import type { Database } from '../store/index.ts'
import { hubIdOf, requireRole } from './access.ts'
import { type NotificationKind, renderNotification } from './notification-templates.ts'
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
        }
      }),
    )
    .execute()
}

/** The signed-in user's in-app notifications, newest first. */
export async function listOwnNotifications({ db, actor }: ServiceContext) {
  const rows = await db
    .selectFrom('notification')
    .select(['id', 'kind', 'subject', 'body', 'link', 'createdAt', 'readAt'])
    .where('userId', '=', actor.userId)
    .orderBy('createdAt', 'desc')
    .limit(200)
    .execute()
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  }))
}

/** Marks the signed-in user's notifications as read. */
export async function markNotificationsRead({ db, actor }: ServiceContext): Promise<void> {
  await db
    .updateTable('notification')
    .set({ readAt: new Date() })
    .where('userId', '=', actor.userId)
    .where('readAt', 'is', null)
    .execute()
}

/** The hub's e-mail outbox for operators: every message, whether it was sent, and why not. */
export async function listOutbox({ db, actor }: ServiceContext, limit = 500) {
  requireRole(actor, 'operator')
  const rows = await db
    .selectFrom('notification')
    .select(['id', 'email', 'locale', 'kind', 'subject', 'body', 'createdAt', 'sentAt', 'sendError'])
    .where('hubId', '=', hubIdOf(actor))
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .execute()
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  }))
}
