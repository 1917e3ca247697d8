import type { Kysely } from 'kysely'
import nodemailer from 'nodemailer'
import type { Database } from '../../store/index.ts'
import {
  deliverOutbox,
  type MailTransport,
  type OutboxDeliveryOptions,
  type OutboxDeliveryReport,
} from './deliver-outbox.ts'

/** Where and how the server sends e-mail. */
export interface OutboxSenderSettings extends OutboxDeliveryOptions {
  /** `smtp://user:password@host:587` or `smtps://…:465` (IEUM_SMTP_URL); or a ready transport (tests). */
  readonly smtp: string | MailTransport
  /** Pause between rounds when nothing was due (default 10 s). */
  readonly intervalMs?: number
  /** Where problems are reported (the server's log). */
  readonly log?: (line: string) => void
}

/** A running sender. */
export interface OutboxSender {
  /** Runs one round now (after the current one, if any) and returns what it did. */
  deliverNow(): Promise<OutboxDeliveryReport>
  /** Stops the loop, waits for the current round, and closes the SMTP connection. */
  stop(): Promise<void>
}

/** A nodemailer SMTP transport from a URL, with timeouts short enough that a dead server cannot stall the loop. */
export function createSmtpTransport(url: string): MailTransport & { close(): void } {
  return nodemailer.createTransport({
    url,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  })
}

/**
 * Starts the e-mail sender of the server process: a loop that delivers due outbox messages in rounds
 * (see {@link deliverOutbox}), runs the next round at once while messages keep coming, and otherwise waits
 * `intervalMs`. Rounds never overlap; an error in a round is logged and the loop goes on.
 */
export function startOutboxSender(db: Kysely<Database>, settings: OutboxSenderSettings): OutboxSender {
  const transport = typeof settings.smtp === 'string' ? createSmtpTransport(settings.smtp) : settings.smtp
  const log = settings.log ?? (() => {})
  const intervalMs = settings.intervalMs ?? 10_000
  let isStopped = false
  let timer: NodeJS.Timeout | null = null
  let current: Promise<OutboxDeliveryReport> = Promise.resolve({ sent: 0, retrying: 0, failed: 0 })

  const runRound = (): Promise<OutboxDeliveryReport> => {
    current = current
      .catch(() => ({ sent: 0, retrying: 0, failed: 0 }))
      .then(() => deliverOutbox(db, transport, settings))
    return current
  }

  const schedule = (delayMs: number) => {
    if (isStopped) return
    timer = setTimeout(() => {
      timer = null
      runRound().then(
        (report) => {
          if (report.retrying + report.failed > 0)
            log(`e-mail: ${report.sent} sent, ${report.retrying} to retry, ${report.failed} failed`)
          // A full batch may mean more is waiting: go on at once.
          const batch = settings.batchSize ?? 20
          schedule(report.sent + report.retrying + report.failed >= batch ? 0 : intervalMs)
        },
        (error: unknown) => {
          log(`e-mail: delivery round failed: ${error instanceof Error ? error.message : String(error)}`)
          schedule(intervalMs)
        },
      )
    }, delayMs)
    timer.unref()
  }
  schedule(0)

  return {
    deliverNow: runRound,
    async stop() {
      isStopped = true
      if (timer) clearTimeout(timer)
      await current.catch(() => undefined)
      if ('close' in transport && typeof transport.close === 'function') transport.close()
    },
  }
}
