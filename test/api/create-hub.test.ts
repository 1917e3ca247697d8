import assert from 'node:assert/strict'
import { test } from 'node:test'
import { buildApp } from '../../src/api/index.ts'
import { AppError } from '../../src/domain/index.ts'
import { createHub } from '../../src/services/index.ts'
import { openTestDb, TEST_ENGINES } from '../support/open-test-db.ts'

// A fresh installation has no hub and no login: `ieum hub create` makes the hub and a one-time link for
// its first operator, who sets a password on the link's page and then runs the hub.
for (const engine of TEST_ENGINES) {
  test(`a fresh installation gets its hub and first operator through a one-time link (${engine})`, async () => {
    const store = await openTestDb(engine)
    const app = await buildApp({
      store,
      auth: {
        secret: 'test-secret-that-is-long-enough-0123456789',
        baseUrl: 'http://localhost',
        isSecureCookie: false,
        isRateLimited: false,
      },
      rateLimitPerMinute: 100_000,
    })
    try {
      await app.ready()
      const created = await store.db.transaction().execute((trx) =>
        createHub(trx, {
          name: '광주 AI 허브',
          slug: 'gwangju',
          operatorEmail: 'Ops@Hub.Example',
          operatorName: '김운영',
          locale: 'ko',
          baseUrl: 'http://localhost',
        }),
      )
      const token = created.acceptUrl.split('/invite/')[1] ?? ''
      assert.match(token, /^[A-Za-z0-9_-]{43}$/)
      const mail = await store.db.selectFrom('notification').selectAll().executeTakeFirstOrThrow()
      assert.equal(mail.email, 'ops@hub.example')
      assert.equal(mail.locale, 'ko')
      assert.ok(mail.body.includes(created.acceptUrl), 'the outbox e-mail carries the link')

      const accepted = await app.inject({
        method: 'POST',
        url: '/api/invitations/accept',
        payload: { token, name: '김운영', password: 'first-operator-2027', locale: 'ko' },
      })
      assert.equal(accepted.statusCode, 201, accepted.body)
      const cookie = [accepted.headers['set-cookie']]
        .flat()
        .filter((c): c is string => typeof c === 'string')
        .map((c) => c.split(';')[0])
        .join('; ')
      const me = (await app.inject({ url: '/api/me', headers: { cookie } })).json()
      assert.equal(me.hub.name, '광주 AI 허브')
      assert.deepEqual(
        me.grants.map((grant: { role: string }) => grant.role),
        ['operator'],
      )
      const programs = await app.inject({ url: '/api/programs', headers: { cookie } })
      assert.equal(programs.statusCode, 200)
      assert.deepEqual(programs.json(), [])

      // The slug is unique; a bad slug or e-mail is refused naming the field, and nothing is stored.
      const hubsBefore = await store.db.selectFrom('hub').select('id').execute()
      const attempts = [
        { slug: 'gwangju', operatorEmail: 'a@b.example', code: 'conflict' },
        { slug: 'Bad Slug', operatorEmail: 'a@b.example', code: 'validation_failed', path: 'slug' },
        { slug: 'busan', operatorEmail: 'not-an-email', code: 'validation_failed', path: 'operatorEmail' },
      ]
      for (const attempt of attempts) {
        await assert.rejects(
          store.db.transaction().execute((trx) =>
            createHub(trx, {
              name: 'Another hub',
              slug: attempt.slug,
              operatorEmail: attempt.operatorEmail,
              operatorName: '',
              locale: 'en',
              baseUrl: 'http://localhost',
            }),
          ),
          (error: unknown) =>
            error instanceof AppError &&
            error.code === attempt.code &&
            (attempt.path === undefined || error.issues.some((issue) => issue.path === attempt.path)),
        )
      }
      assert.equal((await store.db.selectFrom('hub').select('id').execute()).length, hubsBefore.length)
    } finally {
      await app.close()
      await store.close()
    }
  })
}
