import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { readEnvironment } from '../../src/cli/read-environment.ts'
import { createUserAccount } from '../../src/services/index.ts'
import { hashInvitationToken } from '../../src/services/invitations/invitation-token.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

const AUTH = {
  secret: 'test-secret-that-is-long-enough-0123456789',
  baseUrl: 'http://localhost',
  isSecureCookie: false,
  isRateLimited: true,
  sessionIdleSeconds: 30 * 60,
  sessionMaxSeconds: 24 * 60 * 60,
}

const cookieOf = (cookies: readonly string[]) => cookies.map((cookie) => cookie.split(';')[0]).join('; ')

describe('sign-in throttling per account and per address (in the database)', () => {
  let t: TestApp
  let hubId: string
  before(async () => {
    t = await startTestApp('pglite', { auth: AUTH })
    hubId = (await t.store.db.selectFrom('hub').select('id').executeTakeFirstOrThrow()).id
  })
  after(async () => t.close())

  test('30 people behind one NAT address all sign in within a minute, typos included', async () => {
    const people = Array.from({ length: 30 }, (_, i) => ({
      email: `student${i}@campus.example`,
      password: `campus-class-2027-${i}`,
    }))
    for (const person of people) {
      await createUserAccount(t.store.db, {
        ...person,
        name: person.email,
        locale: 'ko',
        grants: [{ role: 'reviewer', hubId }],
      })
    }
    const started = Date.now()
    const natAddress = '203.0.113.7'
    for (const [index, person] of people.entries()) {
      if (index % 3 === 0) {
        const typo = await t.call(
          null,
          'POST',
          '/api/auth/sign-in/email',
          { email: person.email, password: `${person.password}x` },
          { remoteAddress: natAddress },
        )
        assert.equal(typo.status, 401)
      }
      const signedIn = await t.call(null, 'POST', '/api/auth/sign-in/email', person, {
        remoteAddress: natAddress,
      })
      assert.equal(signedIn.status, 200, `${person.email}: ${signedIn.text}`)
    }
    assert.ok(Date.now() - started < 60_000, `took ${Date.now() - started} ms`)
  })

  test('180 guesses at one account from 60 addresses are mostly refused, unevaluated', async () => {
    const victim = t.demo.logins.find((login) => login.role === 'operator')!
    const statuses = new Map<number, number>()
    for (let i = 0; i < 180; i++) {
      const address = `198.51.100.${i % 60}`
      const guess = await t.call(
        null,
        'POST',
        '/api/auth/sign-in/email',
        { email: victim.email, password: `guess-number-${i}-abc` },
        { remoteAddress: address },
      )
      statuses.set(guess.status, (statuses.get(guess.status) ?? 0) + 1)
      if (guess.status === 429) {
        assert.match(guess.body.error.message, /too many failed sign-ins for this account/)
        assert.ok(Number(guess.headers['retry-after']) >= 1)
      }
    }
    const evaluated = statuses.get(401) ?? 0
    const refused = statuses.get(429) ?? 0
    assert.equal(evaluated + refused, 180, JSON.stringify([...statuses]))
    assert.ok(refused >= 160, `only ${refused} of 180 refused (${evaluated} evaluated)`)
    // Even the right password waits while the account is in backoff…
    const during = await t.call(null, 'POST', '/api/auth/sign-in/email', {
      email: victim.email,
      password: victim.password,
    })
    assert.equal(during.status, 429)
    // …and works once it has passed; a success clears the count.
    await t.store.db
      .updateTable('signInThrottle')
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where('key', '=', `account:${victim.email}`)
      .execute()
    const afterwards = await t.call(null, 'POST', '/api/auth/sign-in/email', {
      email: victim.email,
      password: victim.password,
    })
    assert.equal(afterwards.status, 200)
    const row = await t.store.db
      .selectFrom('signInThrottle')
      .selectAll()
      .where('key', '=', `account:${victim.email}`)
      .executeTakeFirst()
    assert.equal(row, undefined)
  })

  test('one address spraying wrong passwords over many accounts is throttled too', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 70; i++) {
      const response = await t.call(
        null,
        'POST',
        '/api/auth/sign-in/email',
        { email: `nobody${i}@spray.example`, password: 'wrong-password-xyz' },
        { remoteAddress: '192.0.2.99' },
      )
      statuses.push(response.status)
    }
    assert.equal(
      statuses.slice(0, 50).every((status) => status === 401),
      true,
    )
    assert.ok(statuses.slice(50).filter((status) => status === 429).length >= 15, statuses.join())
  })
})

describe('passwords and sessions', () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp('pglite', { auth: AUTH })
  })
  after(async () => t.close())
  const candidateLogin = () => t.demo.logins.find((login) => login.role === 'candidate')!

  test('password123 is refused everywhere a password is set, naming the field', async () => {
    const registration = await t.call(null, 'POST', '/api/register/candidate', {
      name: 'Lan Pham',
      email: 'lan.pham@example.vn',
      password: 'Password123',
      locale: 'vi',
      consent: true,
    })
    assert.equal(registration.status, 400)
    assert.equal(registration.body.error.issues[0].path, 'body.password')
    assert.match(registration.body.error.issues[0].message, /most common passwords/)

    const operator = await t.signIn(t.demo.logins.find((login) => login.role === 'operator')!.email)
    const invited = await t.call(operator, 'POST', '/api/invitations', {
      email: 'new.reviewer@hub.example',
      role: 'reviewer',
      name: 'New Reviewer',
    })
    assert.equal(invited.status, 201, invited.text)
    const token = String(invited.body.acceptUrl).split('/invite/')[1]
    const accepted = await t.call(null, 'POST', '/api/invitations/accept', {
      token,
      name: 'New Reviewer',
      password: 'password123',
      locale: 'en',
    })
    assert.equal(accepted.status, 400, accepted.text)
    assert.equal(accepted.body.error.issues[0].path, 'body.password')

    const candidate = await t.signIn(candidateLogin().email)
    const change = await t.call(candidate, 'POST', '/api/me/password', {
      currentPassword: candidateLogin().password,
      newPassword: 'PASSWORD123',
    })
    assert.equal(change.status, 400)
    assert.equal(change.body.error.issues[0].path, 'body.newPassword')
    assert.match(change.body.error.issues[0].message, /most common passwords/)
  })

  test('a password change ends every other session of the login, keeping this one', async () => {
    const login = t.demo.logins.find((entry) => entry.role === 'reviewer')!
    const laptop = await t.signIn(login.email)
    const phone = await t.signIn(login.email)
    const wrong = await t.call(laptop, 'POST', '/api/me/password', {
      currentPassword: 'not-the-password',
      newPassword: 'a-much-better-secret-2027',
    })
    assert.equal(wrong.status, 401)
    assert.equal(wrong.body.error.issues[0].path, 'body.currentPassword')
    assert.equal((await t.call(phone, 'GET', '/api/me')).status, 200, 'a failed change ends nothing')

    const changed = await t.call(laptop, 'POST', '/api/me/password', {
      currentPassword: login.password,
      newPassword: 'a-much-better-secret-2027',
    })
    assert.equal(changed.status, 200, changed.text)
    assert.equal(changed.body.endedSessions, 1)
    assert.equal((await t.call(laptop, 'GET', '/api/me')).status, 200, 'this session goes on')
    assert.equal((await t.call(phone, 'GET', '/api/me')).status, 401, 'the other one ended')
    await assert.rejects(t.signIn(login.email, login.password), /401/)
    await t.signIn(login.email, 'a-much-better-secret-2027')
    const mail = await t.store.db
      .selectFrom('notification')
      .select('kind')
      .where('kind', '=', 'password_changed')
      .executeTakeFirst()
    assert.ok(mail, 'the owner is told')
  })

  test('better-auth endpoints other than sign-in, sign-out and session answer 404', async () => {
    const login = candidateLogin()
    const cookie = await t.signIn(login.email)
    for (const path of [
      'change-password',
      'change-email',
      'update-user',
      'list-sessions',
      'request-password-reset',
    ]) {
      const response = await t.call(cookie, 'POST', `/api/auth/${path}`, {
        currentPassword: login.password,
        newPassword: 'short',
        newEmail: 'taken@example.org',
      })
      assert.equal(response.status, 404, path)
    }
  })

  test('no raw session token reaches a response body; the cookie is http-only', async () => {
    const login = candidateLogin()
    const signIn = await t.call(null, 'POST', '/api/auth/sign-in/email', {
      email: login.email,
      password: login.password,
    })
    assert.equal(signIn.status, 200)
    const setCookie = signIn.cookies.find((cookie) => cookie.startsWith('better-auth.session_token='))!
    assert.match(setCookie, /HttpOnly/i)
    assert.match(setCookie, /SameSite=Lax/i)
    const cookie = cookieOf(signIn.cookies)
    const tokens = (await t.store.db.selectFrom('authSession').select('token').execute()).map(
      (row) => row.token,
    )
    assert.ok(tokens.length > 0)
    const bodies = [signIn.text]
    for (const url of [
      '/api/auth/get-session',
      '/api/me',
      '/api/me/candidate',
      '/api/me/notifications/summary',
    ])
      bodies.push((await t.call(cookie, 'GET', url)).text)
    const registered = await t.call(null, 'POST', '/api/register/candidate', {
      name: 'Minh Tran',
      email: 'minh.tran@example.vn',
      password: 'an-toan-hon-2027-minh',
      locale: 'vi',
      consent: true,
    })
    assert.equal(registered.status, 201, registered.text)
    bodies.push(registered.text)
    const allTokens = (await t.store.db.selectFrom('authSession').select('token').execute()).map(
      (row) => row.token,
    )
    for (const body of bodies)
      for (const token of allTokens) assert.ok(!body.includes(token), body.slice(0, 200))
    const session = JSON.parse(bodies[1]!)
    assert.equal(session.user.email, login.email, 'get-session still answers who is signed in')
    assert.equal(session.session.token, undefined)
  })

  test('sessions end after the idle timeout and at their absolute lifetime', async () => {
    const login = candidateLogin()
    const idle = await t.signIn(login.email)
    await t.store.db
      .updateTable('authSession')
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60 * 1000) })
      .execute()
    assert.equal((await t.call(idle, 'GET', '/api/me')).status, 401)
    const fresh = await t.signIn(login.email)
    const row = await t.store.db
      .selectFrom('authSession')
      .select(['createdAt', 'expiresAt'])
      .orderBy('createdAt', 'desc')
      .executeTakeFirstOrThrow()
    const lifetime = (row.expiresAt.getTime() - row.createdAt.getTime()) / 1000
    assert.ok(Math.abs(lifetime - 24 * 60 * 60) < 5, `absolute lifetime ${lifetime} s`)
    assert.equal((await t.call(fresh, 'GET', '/api/me')).status, 200)
    await t.store.db
      .updateTable('authSession')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .execute()
    assert.equal((await t.call(fresh, 'GET', '/api/me')).status, 401)
    const environment = readEnvironment({ IEUM_SESSION_IDLE_MINUTES: '15', IEUM_SESSION_MAX_HOURS: '12' })
    assert.equal(environment.sessionIdleSeconds, 900)
    assert.equal(environment.sessionMaxSeconds, 12 * 3600)
    assert.throws(() => readEnvironment({ IEUM_SESSION_IDLE_MINUTES: '1' }), /IEUM_SESSION_IDLE_MINUTES/)
  })

  test("a candidate cannot set their e-mail to another account's address", async () => {
    const login = candidateLogin()
    const cookie = await t.signIn(login.email)
    const operatorEmail = t.demo.logins.find((entry) => entry.role === 'operator')!.email
    const clash = await t.call(cookie, 'PATCH', '/api/me/candidate', { email: operatorEmail.toUpperCase() })
    assert.equal(clash.status, 409, clash.text)
    assert.equal(clash.body.error.issues[0].path, 'body.email')
    const other = await t.store.db
      .selectFrom('candidate')
      .select('email')
      .where('email', '!=', login.email)
      .executeTakeFirstOrThrow()
    const record = await t.call(cookie, 'PATCH', '/api/me/candidate', { email: other.email })
    assert.equal(record.status, 409)
    const own = await t.call(cookie, 'PATCH', '/api/me/candidate', { email: login.email })
    assert.equal(own.status, 200, 'keeping the own address is fine')
  })
})

describe('password reset by an e-mailed single-use link', () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp('pglite', { auth: AUTH })
  })
  after(async () => t.close())

  test('the link is mailed in the user’s language, stored hashed, works once, and ends every session', async () => {
    const login = t.demo.logins.find((entry) => entry.role === 'company')!
    const user = await t.store.db
      .updateTable('authUser')
      .set({ locale: 'ko' })
      .where('email', '=', login.email)
      .returning('id')
      .executeTakeFirstOrThrow()
    const session = await t.signIn(login.email)

    const unknown = await t.call(null, 'POST', '/api/password-resets', { email: 'nobody@nowhere.example' })
    assert.equal(unknown.status, 202)
    const asked = await t.call(null, 'POST', '/api/password-resets', { email: login.email.toUpperCase() })
    assert.equal(asked.status, 202)
    assert.deepEqual(asked.body, unknown.body, 'the answer does not tell whether the address has a login')

    const mail = await t.store.db
      .selectFrom('notification')
      .selectAll()
      .where('kind', '=', 'password_reset')
      .executeTakeFirstOrThrow()
    assert.equal(mail.email, login.email)
    assert.equal(mail.userId, null, 'mailed, not shown in-app')
    assert.equal(mail.subject, '이음 비밀번호 재설정')
    const token = /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(mail.body)?.[1] ?? ''
    assert.equal(token.length, 43)
    const stored = await t.store.db.selectFrom('passwordReset').selectAll().executeTakeFirstOrThrow()
    assert.equal(stored.tokenSha256, hashInvitationToken(token))
    assert.ok(!JSON.stringify(stored).includes(token), 'only the hash is stored')

    const preview = await t.call(null, 'GET', `/api/password-resets/${token}`)
    assert.deepEqual(preview.body, { status: 'valid', email: login.email })
    const weak = await t.call(null, 'POST', `/api/password-resets/${token}`, { newPassword: 'password123' })
    assert.equal(weak.status, 400)
    assert.equal(weak.body.error.issues[0].path, 'body.newPassword')

    const reset = await t.call(null, 'POST', `/api/password-resets/${token}`, {
      newPassword: 'fresh-start-2027-kim',
    })
    assert.equal(reset.status, 200, reset.text)
    assert.equal((await t.call(session, 'GET', '/api/me')).status, 401, 'every session ended')
    await t.signIn(login.email, 'fresh-start-2027-kim')
    const again = await t.call(null, 'POST', `/api/password-resets/${token}`, {
      newPassword: 'another-start-2027',
    })
    assert.equal(again.status, 409)
    assert.match(again.body.error.message, /used already/)
    const scrubbed = await t.store.db
      .selectFrom('notification')
      .select('body')
      .where('kind', '=', 'password_reset')
      .executeTakeFirstOrThrow()
    assert.ok(!scrubbed.body.includes(token), 'the outbox copy no longer holds the token')

    await t.call(null, 'POST', '/api/password-resets', { email: login.email })
    const second = await t.store.db
      .selectFrom('notification')
      .select('body')
      .where('kind', '=', 'password_reset')
      .orderBy('createdAt', 'desc')
      .execute()
    const secondToken = /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(
      second.map((row) => row.body).join('\n'),
    )?.[1]
    assert.ok(secondToken)
    await t.store.db
      .updateTable('passwordReset')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('userId', '=', user.id)
      .execute()
    const expired = await t.call(null, 'POST', `/api/password-resets/${secondToken}`, {
      newPassword: 'another-start-2027',
    })
    assert.equal(expired.status, 409)
    assert.match(expired.body.error.message, /expired/)
    assert.equal((await t.call(null, 'GET', `/api/password-resets/${'x'.repeat(43)}`)).status, 404)
  })
})
