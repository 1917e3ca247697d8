import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/api/index.ts'
import { type DemoLogin, seedDemoHub } from '../../src/services/index.ts'
import { createDb, type DbHandle, migrateToLatest } from '../../src/store/index.ts'

const ROOT = new URL('../..', import.meta.url).pathname
/** Where `vite build` writes the UI. */
export const WEB_DIR = join(ROOT, 'dist', 'web')
const WEB_SOURCES = [join(ROOT, 'src', 'web'), join(ROOT, 'vite.config.ts')]

/** A running server with the demo hub on an in-memory database. */
export interface TestServer {
  readonly url: string
  readonly app: FastifyInstance
  readonly store: DbHandle
  readonly logins: readonly DemoLogin[]
  close(): Promise<void>
}

function newestModification(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestModification(join(path, entry)))
  return newest
}

/** Builds the UI with Vite when dist/web/index.html is missing or older than any UI source. */
export function ensureWebBuild(): void {
  const indexFile = join(WEB_DIR, 'index.html')
  const sourcesChanged = Math.max(...WEB_SOURCES.map(newestModification))
  if (existsSync(indexFile) && statSync(indexFile).mtimeMs >= sourcesChanged) return
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
}

/**
 * A free TCP port on 127.0.0.1. better-auth refuses sign-in from an origin other than its `baseURL`,
 * so the port must be known before the app is built; asking the OS for port 0 first gives us one.
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

/** A server listening on a free port of 127.0.0.1, with its base URL. */
export interface ListeningApp {
  readonly url: string
  readonly app: FastifyInstance
}

/**
 * Serves the API and the built UI for `store` on a free port; better-auth checks the request origin against
 * its base URL, so the port is chosen first and the app built for it (retried if another process takes it).
 */
export async function listenOnFreePort(store: DbHandle): Promise<ListeningApp> {
  for (let attempt = 1; ; attempt++) {
    const port = await findFreePort()
    const url = `http://127.0.0.1:${port}`
    const app = await buildApp({
      store,
      auth: {
        secret: 'e2e-secret-that-is-long-enough-0123456789abcdef',
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
      return { url, app }
    } catch (error) {
      await app.close()
      // Another process took the port between probe and listen: try another one.
      if (attempt < 5 && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') continue
      throw error
    }
  }
}

/** Builds the UI if needed, opens an in-memory PGlite, migrates, seeds the demo hub and serves it all. */
export async function startTestServer(): Promise<TestServer> {
  ensureWebBuild()
  const store = await createDb({ kind: 'memory' })
  try {
    await migrateToLatest(store.db)
    const { logins } = await seedDemoHub(store.db)
    const { url, app } = await listenOnFreePort(store)
    return {
      url,
      app,
      store,
      logins,
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
