import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { INVITATION_VALIDITY_DAYS } from '../../src/domain/index.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

const DAY_MS = 24 * 60 * 60 * 1000

describe('clock: every use case reads the time from the clock the app was built with', () => {
  let t: TestApp
  let time = new Date('2031-05-06T07:08:09.000Z')
  let operator: string
  let candidate: string
  before(async () => {
    t = await startTestApp('pglite', { now: () => time })
    const byRole = (role: string) => t.demo.logins.find((login) => login.role === role)!.email
    operator = await t.signIn(byRole('operator'))
    candidate = await t.signIn(byRole('candidate'))
  })
  after(async () => {
    await t.close()
  })

  test('demo seeding stamps the logins with the injected time', async () => {
    const users = await t.store.db.selectFrom('authUser').select('createdAt').execute()
    assert.ok(users.length > 0)
    for (const user of users) assert.equal(user.createdAt.toISOString(), '2031-05-06T07:08:09.000Z')
  })

  test('an invitation is created and expires by the injected clock, and moves with it', async () => {
    const invited = await t.call(operator, 'POST', '/api/invitations', {
      email: 'clock.reviewer@example.org',
      role: 'reviewer',
      name: 'Clock Reviewer',
    })
    assert.equal(invited.status, 201, invited.text)
    const row = await t.store.db
      .selectFrom('invitation')
      .select(['createdAt', 'expiresAt'])
      .where('email', '=', 'clock.reviewer@example.org')
      .executeTakeFirstOrThrow()
    assert.equal(row.createdAt.toISOString(), time.toISOString())
    assert.equal(row.expiresAt.getTime(), time.getTime() + INVITATION_VALIDITY_DAYS * DAY_MS)
    assert.equal(invited.body.status, 'pending')

    // One minute after the validity ends, the same invitation reads as expired.
    time = new Date(row.expiresAt.getTime() + 60_000)
    const people = await t.call(operator, 'GET', '/api/people')
    const listed = people.body.invitations.find(
      (entry: { email: string }) => entry.email === 'clock.reviewer@example.org',
    )
    assert.equal(listed.status, 'expired')
  })

  test('a changed language is stamped with the injected time', async () => {
    time = new Date('2032-01-02T03:04:05.000Z')
    const changed = await t.call(candidate, 'PUT', '/api/me/locale', { locale: 'vi' })
    assert.equal(changed.status < 300, true, changed.text)
    const user = await t.store.db
      .selectFrom('authUser')
      .select(['locale', 'updatedAt'])
      .where('email', '=', t.demo.logins.find((login) => login.role === 'candidate')!.email)
      .executeTakeFirstOrThrow()
    assert.equal(user.locale, 'vi')
    assert.equal(user.updatedAt.toISOString(), '2032-01-02T03:04:05.000Z')
  })
})
