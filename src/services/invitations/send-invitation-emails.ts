import type { Kysely } from 'kysely'
import type { Role, UiLocale } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'
import { type OutgoingNotification, queueNotifications } from '../notifications/index.ts'
import { buildAcceptUrl } from './invitation-token.ts'

/** The time zone expiry times are written in: the hub's (Korean hubs). */
const HUB_TIME_ZONE = 'Asia/Seoul'

/** One invitation e-mail to queue. */
export interface InvitationEmail {
  readonly hubId: string
  readonly hubName: string
  readonly inviterName: string
  readonly email: string
  readonly name: string
  readonly role: Role
  readonly companyName: string | null
  readonly locale: UiLocale
  readonly token: string
  readonly expiresAt: Date
  /** The existing login of this e-mail, which also gets the message in-app. */
  readonly userId: string | null
}

/** An expiry time as the e-mail writes it, e.g. "2027년 3월 15일 15:00 GMT+9" (date, then 24-hour time). */
export function formatExpiry(date: Date, locale: UiLocale): string {
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: HUB_TIME_ZONE }).format(date)
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: HUB_TIME_ZONE,
    timeZoneName: 'short',
  }).format(date)
  return `${day} ${time}`
}

/** Queues the invitation e-mails (through the outbox, in the caller's transaction), each in its language. */
export async function sendInvitationEmails(
  db: Kysely<Database>,
  baseUrl: string,
  emails: readonly InvitationEmail[],
): Promise<void> {
  const notifications: OutgoingNotification[] = emails.map((email) => {
    const link = buildAcceptUrl(baseUrl, email.token)
    return {
      hubId: email.hubId,
      userId: email.userId,
      email: email.email,
      locale: email.locale,
      kind: 'invitation',
      params: {
        name: email.name || email.email,
        hub: email.hubName,
        inviter: email.inviterName,
        role: email.role,
        company: email.companyName ?? '',
        expires: formatExpiry(email.expiresAt, email.locale),
        link,
      },
      link,
    }
  })
  await queueNotifications(db, notifications)
}
