import type { Kysely } from 'kysely'
import { UI_LOCALES, type UiLocale } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'
import { type NotificationKind, renderNotification } from './notification-templates.ts'

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
