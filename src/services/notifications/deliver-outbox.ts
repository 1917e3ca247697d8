import { type Kysely, sql } from 'kysely'
import { UI_LOCALES, type UiLocale } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'
import { systemClock } from '../service-context.ts'
import { renderMailFooter } from './notification-templates.ts'

/** One e-mail as handed to the transport (nodemailer's `sendMail` accepts exactly this). */
export interface OutgoingMail {
  readonly from: string
  readonly to: string
  readonly subject: string
  readonly text: string
  readonly messageId: string
  readonly headers: Readonly<Record<string, string>>
}

/** Something that sends e-mail: a nodemailer transporter, or anything with the same `sendMail`. */
export interface MailTransport {
  sendMail(mail: OutgoingMail): Promise<unknown>
}

/** How the outbox is delivered. */
export interface OutboxDeliveryOptions {
  /** The sender address, e.g. `Ieum <noreply@hub.example>` (IEUM_MAIL_FROM). */
  readonly from: string
  /** Public URL of the app, to turn a notification's in-app link into a full one. */
  readonly baseUrl: string
  /** Messages claimed per round (default 20). */
  readonly batchSize?: number
  /**
   * Waits before each retry after a failed attempt; one more attempt than there are delays, then the message
   * is marked failed for good. Default 1 min, 5 min, 15 min, 1 h, 4 h (six attempts).
   */
  readonly retryDelaysMs?: readonly number[]
  /** How long a claim lasts (default 5 min): a claim older than this belongs to a sender that died. */
  readonly leaseMs?: number
  /** The clock (tests pass their own). */
  readonly now?: () => Date
}

/** What one delivery round did. */
export interface OutboxDeliveryReport {
  readonly sent: number
  /** Attempts that failed and will be tried again later. */
  readonly retrying: number
  /** Messages given up on (attempts used up, refused recipient, or a sender that died mid-send). */
  readonly failed: number
}

/** Default waits between attempts. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [60_000, 300_000, 900_000, 3_600_000, 14_400_000]

const INTERRUPTED =
  'the sender stopped while sending this message; it is not sent again, so that nobody gets it twice'

interface ClaimedRow {
  id: string
  email: string
  locale: string
  subject: string
  body: string
  link: string | null
  // Raw SQL results pass through the CamelCasePlugin too.
  sendAttempts: number
  createdAt: Date
  hubName: string | null
}

function toLocale(value: string): UiLocale {
  return (UI_LOCALES as readonly string[]).includes(value) ? (value as UiLocale) : 'en'
}

/** The domain part of the From address, for Message-IDs (`Ieum <noreply@hub.kr>` → `hub.kr`). */
function mailDomainOf(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'ieum.invalid'
}

/** The e-mail for one notification: its subject and body (already in the recipient's language), the link, a footer. */
function composeMail(row: ClaimedRow, options: OutboxDeliveryOptions): OutgoingMail {
  const locale = toLocale(row.locale)
  const link = row.link ? new URL(row.link, options.baseUrl).toString() : null
  const text = [row.body, ...(link ? [link] : []), renderMailFooter(locale, row.hubName ?? '')].join('\n\n')
  return {
    from: options.from,
    to: row.email,
    subject: row.subject,
    text,
    // One id per notification: a receiving server that sees it twice can recognise the duplicate.
    messageId: `<notification-${row.id}@${mailDomainOf(options.from)}>`,
    headers: { 'Content-Language': locale, 'Auto-Submitted': 'auto-generated' },
  }
}

function describeSendError(error: unknown): { message: string; isPermanent: boolean } {
  const record = (typeof error === 'object' && error !== null ? error : {}) as {
    message?: unknown
    code?: unknown
    responseCode?: unknown
  }
  const message = typeof record.message === 'string' ? record.message : String(error)
  // EENVELOPE: the server refused every recipient (550 no such mailbox …); trying again will not help.
  const isPermanent = record.code === 'EENVELOPE'
  return { message: message.slice(0, 1000), isPermanent }
}

/**
 * One delivery round of the e-mail outbox. First, messages whose sender died mid-send (claim expired while
 * `sending`) are marked failed rather than sent again. Then up to `batchSize` due messages are claimed in
 * one statement (`for update skip locked`, so concurrent senders on PostgreSQL never claim the same row;
 * PGlite has a single session and a data-folder lock, so there is only one sender), each is sent outside
 * any transaction, and its outcome recorded: sent, retry later with backoff and the error, or failed.
 */
export async function deliverOutbox(
  db: Kysely<Database>,
  transport: MailTransport,
  options: OutboxDeliveryOptions,
): Promise<OutboxDeliveryReport> {
  const clock = options.now ?? systemClock
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS
  const start = clock()
  const abandoned = await db
    .updateTable('notification')
    .set({ deliveryStatus: 'failed', sendError: INTERRUPTED, claimedUntil: null, nextAttemptAt: null })
    .where('deliveryStatus', '=', 'sending')
    .where('claimedUntil', '<', start)
    .executeTakeFirst()
  const leaseEnd = new Date(start.getTime() + (options.leaseMs ?? 300_000))
  const claimed = await sql<ClaimedRow>`
    update notification as n
    set delivery_status = 'sending', claimed_until = ${leaseEnd}, send_attempts = n.send_attempts + 1
    from (
      select id from notification
      where delivery_status in ('queued', 'retry') and (next_attempt_at is null or next_attempt_at <= ${start})
      order by created_at, id
      limit ${options.batchSize ?? 20}
      for update skip locked
    ) as due
    where n.id = due.id and n.delivery_status in ('queued', 'retry')
    returning n.id, n.email, n.locale, n.subject, n.body, n.link, n.send_attempts, n.created_at,
      (select name from hub where hub.id = n.hub_id) as hub_name`.execute(db)
  let sent = 0
  let retrying = 0
  let failed = Number(abandoned.numUpdatedRows)
  // Oldest first, as claimed (RETURNING keeps no order).
  const rows = [...claimed.rows].sort(
    (a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || a.id.localeCompare(b.id),
  )
  for (const row of rows) {
    try {
      await transport.sendMail(composeMail(row, options))
      await db
        .updateTable('notification')
        .set({
          deliveryStatus: 'sent',
          sentAt: clock(),
          sendError: null,
          claimedUntil: null,
          nextAttemptAt: null,
        })
        .where('id', '=', row.id)
        .execute()
      sent++
    } catch (error) {
      const { message, isPermanent } = describeSendError(error)
      const delay = delays[row.sendAttempts - 1]
      const isGivingUp = isPermanent || delay === undefined
      await db
        .updateTable('notification')
        .set({
          deliveryStatus: isGivingUp ? 'failed' : 'retry',
          sendError: message,
          claimedUntil: null,
          nextAttemptAt: isGivingUp ? null : new Date(clock().getTime() + delay),
        })
        .where('id', '=', row.id)
        .execute()
      if (isGivingUp) failed++
      else retrying++
    }
  }
  return { sent, retrying, failed }
}
