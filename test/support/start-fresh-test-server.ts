import type { FastifyInstance } from 'fastify'
import type { UiLocale } from '../../src/domain/index.ts'
import { createUserAccount } from '../../src/services/index.ts'
import type { DbHandle } from '../../src/store/index.ts'
import { ensureWebBuild, listenOnFreePort } from '../e2e/start-test-server.ts'
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
    const { url, app } = await listenOnFreePort(store)
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
  } catch (error) {
    await store.close()
    throw error
  }
}
