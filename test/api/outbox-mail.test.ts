import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import {
  createSmtpTransport,
  deliverOutbox,
  type OutgoingNotification,
  queueNotifications,
  startOutboxSender,
} from '../../src/services/index.ts'
import type { DbHandle } from '../../src/store/index.ts'
import { openTestDb, TEST_ENGINES } from '../support/open-test-db.ts'
import { type SmtpTestServer, startSmtpTestServer } from '../support/smtp-test-server.ts'

const FROM = 'Ieum Demo Hub <noreply@hub.example>'
const BASE_URL = 'http://ieum.example'

for (const engine of TEST_ENGINES) {
  describe(`e-mail outbox delivered through a real SMTP server (${engine})`, () => {
    let store: DbHandle
    let smtp: SmtpTestServer
    let hubId: string

    const message = (
      email: string,
      locale: string,
      overrides: Partial<OutgoingNotification> = {},
    ): OutgoingNotification => ({
      hubId,
      userId: null,
      email,
      locale,
      kind: 'application_received',
      params: { name: 'Nguyễn Thị Lan', program: 'Global AI Internship 2027' },
      link: '/programs/00000000-0000-4000-8000-000000000001',
      ...overrides,
    })

    const statusOf = async (email: string) =>
      store.db
        .selectFrom('notification')
        .select(['deliveryStatus', 'sendAttempts', 'sendError', 'sentAt', 'nextAttemptAt'])
        .where('email', '=', email)
        .executeTakeFirstOrThrow()

    before(async () => {
      store = await openTestDb(engine)
      smtp = await startSmtpTestServer()
      hubId = (
        await store.db
          .insertInto('hub')
          .values({ name: 'Gwangju AI Hub', slug: 'gwangju' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    })
    after(async () => {
      await smtp?.close()
      await store?.close()
    })

    test('each message arrives once, to its recipient, with subject and body in their language', async () => {
      await queueNotifications(store.db, [
        message('lan@example.vn', 'vi'),
        message('minjun@example.kr', 'ko'),
        message('alex@example.org', 'en'),
      ])
      const transport = createSmtpTransport(smtp.url)
      const report = await deliverOutbox(store.db, transport, { from: FROM, baseUrl: BASE_URL })
      transport.close()
      assert.deepEqual(report, { sent: 3, retrying: 0, failed: 0 })
      assert.equal(smtp.received.length, 3)
      const byRecipient = new Map(smtp.received.map((mail) => [mail.envelopeTo.join(','), mail]))
      const vi = byRecipient.get('lan@example.vn')
      const ko = byRecipient.get('minjun@example.kr')
      const en = byRecipient.get('alex@example.org')
      assert.ok(vi && ko && en, [...byRecipient.keys()].join(' '))
      assert.equal(vi.subject, '[Global AI Internship 2027] Đã nhận hồ sơ')
      assert.match(vi.text, /Chào Nguyễn Thị Lan, hồ sơ ứng tuyển Global AI Internship 2027/)
      assert.match(vi.text, /Thư này được gửi tự động/)
      assert.equal(ko.subject, '[Global AI Internship 2027] 지원이 접수되었습니다')
      assert.match(ko.text, /지원서가 접수되었습니다/)
      assert.equal(en.subject, '[Global AI Internship 2027] Application received')
      assert.match(en.text, /Dear Nguyễn Thị Lan, your application/)
      assert.match(en.text, /Gwangju AI Hub/)
      assert.ok(en.text.includes(`${BASE_URL}/programs/00000000-0000-4000-8000-000000000001`), en.text)
      assert.equal(vi.envelopeFrom, 'noreply@hub.example')
      assert.match(vi.headers.get('from') ?? '', /noreply@hub\.example/)
      assert.equal(vi.headers.get('content-language'), 'vi')
      assert.match(vi.headers.get('message-id') ?? '', /^<notification-[0-9a-f-]{36}@hub\.example>$/)
      for (const email of ['lan@example.vn', 'minjun@example.kr', 'alex@example.org']) {
        const row = await statusOf(email)
        assert.equal(row.deliveryStatus, 'sent')
        assert.equal(row.sendAttempts, 1)
        assert.equal(row.sendError, null)
        assert.ok(row.sentAt)
      }
      // A second round finds nothing due: nothing is sent twice.
      const again = await deliverOutbox(store.db, createSmtpTransport(smtp.url), {
        from: FROM,
        baseUrl: BASE_URL,
      })
      assert.deepEqual(again, { sent: 0, retrying: 0, failed: 0 })
      assert.equal(smtp.received.length, 3)
    })

    test('a failing server marks the attempt failed with its error, and a later round retries and sends', async () => {
      const before = smtp.received.length
      await queueNotifications(store.db, [message('retry@example.vn', 'vi')])
      smtp.failWith = { code: 451, message: 'Mailbox busy, try again later' }
      let clock = new Date('2027-03-01T09:00:00Z')
      const options = {
        from: FROM,
        baseUrl: BASE_URL,
        retryDelaysMs: [60_000, 600_000],
        now: () => clock,
      }
      const transport = createSmtpTransport(smtp.url)
      try {
        const first = await deliverOutbox(store.db, transport, options)
        assert.deepEqual(first, { sent: 0, retrying: 1, failed: 0 })
        let row = await statusOf('retry@example.vn')
        assert.equal(row.deliveryStatus, 'retry')
        assert.equal(row.sendAttempts, 1)
        assert.match(row.sendError ?? '', /451|busy/i)
        assert.equal(row.nextAttemptAt?.toISOString(), '2027-03-01T09:01:00.000Z')

        // Not due yet: nothing happens.
        clock = new Date('2027-03-01T09:00:30Z')
        assert.deepEqual(await deliverOutbox(store.db, transport, options), {
          sent: 0,
          retrying: 0,
          failed: 0,
        })

        // Due, but the server still refuses: second attempt, longer wait.
        clock = new Date('2027-03-01T09:01:00Z')
        assert.deepEqual(await deliverOutbox(store.db, transport, options), {
          sent: 0,
          retrying: 1,
          failed: 0,
        })
        row = await statusOf('retry@example.vn')
        assert.equal(row.sendAttempts, 2)
        assert.equal(row.nextAttemptAt?.toISOString(), '2027-03-01T09:11:00.000Z')

        // The server recovers: the third attempt goes through.
        smtp.failWith = null
        clock = new Date('2027-03-01T09:11:00Z')
        assert.deepEqual(await deliverOutbox(store.db, transport, options), {
          sent: 1,
          retrying: 0,
          failed: 0,
        })
        row = await statusOf('retry@example.vn')
        assert.equal(row.deliveryStatus, 'sent')
        assert.equal(row.sendAttempts, 3)
        assert.equal(row.sendError, null)
        assert.equal(smtp.received.length, before + 1)
        assert.deepEqual(smtp.received.at(-1)?.envelopeTo, ['retry@example.vn'])

        // When every attempt fails, the message ends failed for good and keeps the last error.
        await queueNotifications(store.db, [message('never@example.vn', 'vi')])
        smtp.failWith = { code: 452, message: 'Insufficient system storage' }
        for (const at of ['2027-03-02T00:00:00Z', '2027-03-02T00:01:00Z', '2027-03-02T00:11:00Z']) {
          clock = new Date(at)
          await deliverOutbox(store.db, transport, options)
        }
        const failed = await statusOf('never@example.vn')
        assert.equal(failed.deliveryStatus, 'failed')
        assert.equal(failed.sendAttempts, 3)
        assert.match(failed.sendError ?? '', /storage/i)
        assert.equal(failed.nextAttemptAt, null)
        clock = new Date('2027-03-09T00:00:00Z')
        assert.deepEqual(await deliverOutbox(store.db, transport, options), {
          sent: 0,
          retrying: 0,
          failed: 0,
        })
      } finally {
        smtp.failWith = null
        transport.close()
      }
    })

    test('a message claimed by a sender that died is marked failed, not sent a second time', async () => {
      await queueNotifications(store.db, [message('crash@example.vn', 'vi')])
      // A sender claimed it (lease until 10:05) and vanished before recording the outcome.
      await store.db
        .updateTable('notification')
        .set({ deliveryStatus: 'sending', sendAttempts: 1, claimedUntil: new Date('2027-04-01T10:05:00Z') })
        .where('email', '=', 'crash@example.vn')
        .execute()
      const before = smtp.received.length
      const transport = createSmtpTransport(smtp.url)
      const options = { from: FROM, baseUrl: BASE_URL, now: () => new Date('2027-04-01T10:01:00Z') }
      assert.deepEqual(await deliverOutbox(store.db, transport, options), { sent: 0, retrying: 0, failed: 0 })
      assert.equal((await statusOf('crash@example.vn')).deliveryStatus, 'sending', 'its lease still runs')
      const later = { ...options, now: () => new Date('2027-04-01T10:06:00Z') }
      assert.deepEqual(await deliverOutbox(store.db, transport, later), { sent: 0, retrying: 0, failed: 1 })
      transport.close()
      const row = await statusOf('crash@example.vn')
      assert.equal(row.deliveryStatus, 'failed')
      assert.match(row.sendError ?? '', /never|twice/)
      assert.equal(smtp.received.length, before)
    })

    test('two senders working at once never send a message twice', async () => {
      const emails = Array.from({ length: 12 }, (_, i) => `parallel-${i}@example.org`)
      await queueNotifications(
        store.db,
        emails.map((email, i) => message(email, ['ko', 'en', 'vi'][i % 3]!)),
      )
      const before = smtp.received.length
      const transports = [createSmtpTransport(smtp.url), createSmtpTransport(smtp.url)]
      const reports = await Promise.all(
        transports.map((transport) =>
          deliverOutbox(store.db, transport, { from: FROM, baseUrl: BASE_URL, batchSize: 5 }),
        ),
      )
      // Whatever is left after one batch each goes out in later rounds.
      let total = reports.reduce((sum, report) => sum + report.sent, 0)
      while (total < emails.length) {
        const round = await deliverOutbox(store.db, transports[0]!, { from: FROM, baseUrl: BASE_URL })
        assert.ok(round.sent > 0, 'progress')
        total += round.sent
      }
      for (const transport of transports) transport.close()
      const delivered = smtp.received.slice(before).flatMap((mail) => mail.envelopeTo)
      assert.deepEqual([...delivered].sort(), [...emails].sort(), 'each exactly once')
    })

    test('the server loop sends new messages by itself and stops cleanly', async () => {
      const before = smtp.received.length
      const sender = startOutboxSender(store.db, {
        smtp: smtp.url,
        from: FROM,
        baseUrl: BASE_URL,
        intervalMs: 50,
      })
      try {
        await queueNotifications(store.db, [message('loop@example.kr', 'ko', { kind: 'welcome_candidate' })])
        await smtp.waitFor(before + 1)
        const mail = smtp.received.at(-1)
        assert.deepEqual(mail?.envelopeTo, ['loop@example.kr'])
        assert.equal(mail?.subject, '이음에 오신 것을 환영합니다')
      } finally {
        await sender.stop()
      }
      await queueNotifications(store.db, [message('after-stop@example.kr', 'ko')])
      await new Promise((resolve) => setTimeout(resolve, 200))
      assert.equal(
        (await statusOf('after-stop@example.kr')).deliveryStatus,
        'queued',
        'a stopped loop sends nothing',
      )
    })
  })
}
