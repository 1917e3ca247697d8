import type { FastifyInstance } from 'fastify'
import { type AppOptions, buildApp } from '../../src/api/index.ts'
import { type DemoSeedResult, seedDemoHub } from '../../src/services/index.ts'
import type { DbHandle } from '../../src/store/index.ts'
import { openTestDb } from './open-test-db.ts'

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * One request through `app.inject` as the holder of `cookie` (null: signed out): the status, the body
 * parsed when it is JSON (else null), the raw text, the headers and the cookies it sets.
 */
async function callApi(
  app: FastifyInstance,
  cookie: string | null,
  method: Method,
  url: string,
  payload?: object,
  options: { remoteAddress?: string } = {},
) {
  const response = await app.inject({
    method,
    url,
    headers: cookie === null ? {} : { cookie },
    ...(options.remoteAddress !== undefined && { remoteAddress: options.remoteAddress }),
    ...(payload !== undefined && { payload }),
  })
  const isJson = String(response.headers['content-type'] ?? '').includes('application/json')
  return {
    status: response.statusCode,
    body: isJson && response.body.length > 0 ? response.json() : null,
    text: response.body,
    headers: response.headers,
    cookies: [response.headers['set-cookie']].flat().filter((c): c is string => typeof c === 'string'),
  }
}

/** An API on a fresh database with the demo hub, and a way to sign in as any demo login. */
export interface TestApp {
  readonly app: FastifyInstance
  readonly store: DbHandle
  readonly demo: DemoSeedResult
  /** Signs in and returns the session cookie header. */
  signIn(email: string, password?: string): Promise<string>
  /** One request as the holder of `cookie` (null: signed out); see {@link callApi}. */
  call(
    cookie: string | null,
    method: Method,
    url: string,
    payload?: object,
    options?: { remoteAddress?: string },
  ): ReturnType<typeof callApi>
  close(): Promise<void>
}

/**
 * Starts the API (no port: tests use `app.inject`) on a fresh demo database. `overrides` replace app options
 * (a clock `now` every use case reads, a log destination, docs access, sign-in throttling); `beforeReady`
 * may add routes before the app starts.
 */
export async function startTestApp(
  engine: 'pglite' | 'postgres' = 'pglite',
  overrides: Partial<Omit<AppOptions, 'store'>> = {},
  beforeReady?: (app: FastifyInstance) => void,
): Promise<TestApp> {
  const store = await openTestDb(engine)
  const demo = await seedDemoHub(store.db, overrides.now ? { now: overrides.now() } : {})
  const app = await buildApp({
    store,
    auth: {
      secret: 'test-secret-that-is-long-enough-0123456789',
      baseUrl: 'http://localhost',
      isSecureCookie: false,
      isRateLimited: false,
    },
    rateLimitPerMinute: 100_000,
    ...overrides,
  })
  beforeReady?.(app)
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
    call: (cookie, method, url, payload, options) => callApi(app, cookie, method, url, payload, options),
    async close() {
      await app.close()
      await store.close()
    },
  }
}
