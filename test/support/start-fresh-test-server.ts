import { createServer } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/api/index.ts'
import type { UiLocale } from '../../src/domain/index.ts'
import { createUserAccount } from '../../src/services/index.ts'
import type { DbHandle } from '../../src/store/index.ts'
import { ensureWebBuild, WEB_DIR } from '../e2e/start-test-server.ts'
import { openTestDb } from './open-test-db.ts'

/** The one login a fresh hub starts with. */
export interface FreshOperator {
  readonly email: string
  readonly password: string
  readonly name: string
  readonly locale: UiLocale
}

/** A running server on an empty, migrated database holding one hub and its operator, nothing else. */
export interface FreshTestServer {
  readonly url: string
  readonly app: FastifyInstance
  readonly store: DbHandle
  readonly hubId: string
  readonly operator: FreshOperator
  close(): Promise<void>
}

/** What the fresh hub is called and who operates it (defaults: a Gwangju hub, an English-reading operator). */
export interface FreshHubOptions {
  readonly hubName?: string
  readonly hubSlug?: string
  readonly operator?: Partial<FreshOperator>
}

const DEFAULT_OPERATOR: FreshOperator = {
  email: 'operator@fresh-hub.example',
  password: 'fresh-hub-operator-2027',
  name: 'Jiwoo Han',
  locale: 'en',
}

/**
 * A free TCP port on 127.0.0.1 (better-auth checks the request origin against its base URL, so the port
 * must be known before the app is built).
 */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/**
 * Builds the UI if needed and serves it with the API on a fresh in-memory PGlite: migrated, with one hub
 * row and one operator login — no demo data, no programs, companies or applicants.
 */
export async function startFreshTestServer(options: FreshHubOptions = {}): Promise<FreshTestServer> {
  ensureWebBuild()
  const operator = { ...DEFAULT_OPERATOR, ...options.operator }
  const store = await openTestDb('pglite')
  try {
    const hub = await store.db
      .insertInto('hub')
      .values({ name: options.hubName ?? 'Gwangju AI Hub', slug: options.hubSlug ?? 'gwangju-ai-hub' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await createUserAccount(store.db, {
      email: operator.email,
      name: operator.name,
      password: operator.password,
      locale: operator.locale,
      grants: [{ role: 'operator', hubId: hub.id }],
    })
    for (let attempt = 1; ; attempt++) {
      const port = await findFreePort()
      const url = `http://127.0.0.1:${port}`
      const app = await buildApp({
        store,
        auth: {
          secret: 'e2e-fresh-secret-that-is-long-enough-0123456789',
          baseUrl: url,
          isSecureCookie: false,
        },
        webDir: WEB_DIR,
        // each browser context sends its own X-Forwarded-For, so sign-in throttling stays per "client"
        isBehindProxy: true,
        logger: false,
      })
      try {
        await app.listen({ port, host: '127.0.0.1' })
      } catch (error) {
        await app.close()
        // Another process took the port between probe and listen: try another one.
        if (attempt < 5 && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') continue
        throw error
      }
      return {
        url,
        app,
        store,
        hubId: hub.id,
        operator,
        async close() {
          await app.close()
          await store.close()
        },
      }
    }
  } catch (error) {
    await store.close()
    throw error
  }
}
