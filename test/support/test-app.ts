import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/api/index.ts'
import { type DemoSeedResult, seedDemoHub } from '../../src/services/index.ts'
import type { DbHandle } from '../../src/store/index.ts'
import { openTestDb } from './open-test-db.ts'

/** An API on a fresh database with the demo hub, and a way to sign in as any demo login. */
export interface TestApp {
  readonly app: FastifyInstance
  readonly store: DbHandle
  readonly demo: DemoSeedResult
  /** Signs in and returns the session cookie header. */
  signIn(email: string, password?: string): Promise<string>
  close(): Promise<void>
}

/** Starts the API (no port: tests use `app.inject`) on a fresh demo database. */
export async function startTestApp(engine: 'pglite' | 'postgres' = 'pglite'): Promise<TestApp> {
  const store = await openTestDb(engine)
  const demo = await seedDemoHub(store.db)
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
  await app.ready()
  return {
    app,
    store,
    demo,
    async signIn(email, password = demo.logins[0]?.password ?? '') {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        payload: { email, password },
      })
      if (response.statusCode !== 200)
        throw new Error(`sign-in as ${email} failed: ${response.statusCode} ${response.body}`)
      const cookies = [response.headers['set-cookie']]
        .flat()
        .filter((c): c is string => typeof c === 'string')
      return cookies.map((cookie) => cookie.split(';')[0]).join('; ')
    },
    async close() {
      await app.close()
      await store.close()
    },
  }
}
