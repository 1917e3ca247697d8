import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../api/index.ts'
import { AppError } from '../domain/index.ts'
import {
  createAuditReadBuffer,
  seedDemoHub,
  startAuditSealer,
  startOutboxSender,
  systemClock,
} from '../services/index.ts'
import { createDb, migrateToLatest } from '../store/index.ts'
import { type Environment, resolveAuthSecret } from './read-environment.ts'
import { closeHttpServer, type ShutdownReport, shutDownGracefully } from './shut-down-gracefully.ts'

/** Where `npm run build` puts the web UI. */
export const WEB_DIST_DIR = join(new URL('../..', import.meta.url).pathname, 'dist', 'web')

/** What `ieum serve` was asked to do. */
export interface ServeOptions {
  /** Seed the demo hub (published password) into an empty database. */
  readonly isDemo: boolean
  /** Seed it even in production or behind https (`--allow-demo-in-production`). */
  readonly isDemoAllowedInProduction?: boolean
  readonly log: (line: string) => void
  /** Stop on SIGINT/SIGTERM and exit the process (default true; tests call `stop()` themselves). */
  readonly isHandlingSignals?: boolean
}

/** A server that `ieum serve` started. */
export interface RunningServer {
  readonly app: FastifyInstance
  readonly url: string
  /** Stops accepting, finishes in-flight requests and running jobs, then closes the database. */
  stop(): Promise<ShutdownReport>
}

/**
 * Refuses demo seeding where real people may reach the server: the demo logins share a published password.
 * Production means NODE_ENV=production or an https base URL; `--allow-demo-in-production` overrides it.
 */
export function assertDemoSeedingAllowed(environment: Environment, options: ServeOptions): void {
  if (!options.isDemo || options.isDemoAllowedInProduction) return
  const reason = environment.isProduction
    ? 'NODE_ENV is production'
    : environment.baseUrl?.startsWith('https://')
      ? `the base URL ${environment.baseUrl} is https`
      : null
  if (reason === null) return
  throw new AppError(
    'forbidden',
    `refusing to seed the demo hub because ${reason}: its logins share a published password. Start without --demo and create a hub with \`ieum hub create\`, or pass --allow-demo-in-production for a throw-away demo server.`,
  )
}

/** Opens the database, migrates it, optionally seeds the demo hub, and serves API + UI until stopped. */
export async function startServer(environment: Environment, options: ServeOptions): Promise<RunningServer> {
  assertDemoSeedingAllowed(environment, options)
  const store = await createDb(environment.target)
  let app: FastifyInstance | null = null
  try {
    await migrateToLatest(store.db)
    const demo = options.isDemo ? await seedDemoHub(store.db, { now: systemClock() }) : null
    const { secret } = resolveAuthSecret(environment)
    const baseUrl = environment.baseUrl ?? `http://localhost:${environment.port}`
    const auditReadBuffer = createAuditReadBuffer(store.db, {
      onError: (error) => options.log(`audit: writing read entries failed, will retry: ${String(error)}`),
    })
    app = await buildApp({
      auditReadBuffer,
      store,
      auth: {
        secret,
        baseUrl,
        isSecureCookie: baseUrl.startsWith('https://'),
        sessionIdleSeconds: environment.sessionIdleSeconds,
        sessionMaxSeconds: environment.sessionMaxSeconds,
      },
      webDir: WEB_DIST_DIR,
      logger: { level: environment.logLevel },
      apiDocs: environment.apiDocs,
      metricsToken: environment.metricsToken,
      isBehindProxy: environment.isBehindProxy,
      now: systemClock,
    })
    await app.listen({ port: environment.port, host: environment.host })
    const address = app.server.address()
    const port = typeof address === 'object' && address ? address.port : environment.port
    const url = environment.baseUrl ?? `http://localhost:${port}`
    const mailSender = environment.mail
      ? startOutboxSender(store.db, {
          smtp: environment.mail.smtpUrl,
          from: environment.mail.from,
          baseUrl: url,
          log: options.log,
          now: systemClock,
        })
      : null
    const auditSealer = startAuditSealer(store.db, { log: options.log })
    const docs = environment.apiDocs === 'off' ? 'off' : `${url}/api/docs`
    options.log(`Ieum is running at ${url}  (API docs: ${docs})`)
    options.log(
      environment.mail
        ? `e-mail: the outbox is sent through ${new URL(environment.mail.smtpUrl).host} as ${environment.mail.from}`
        : 'e-mail: not configured (IEUM_SMTP_URL, IEUM_MAIL_FROM); messages stay queued in the outbox',
    )
    options.log(
      environment.target.kind === 'postgres'
        ? 'database: PostgreSQL (DATABASE_URL)'
        : `database: embedded PostgreSQL (PGlite) in ${environment.dataDir}`,
    )
    if (demo) {
      options.log(
        demo.isCreated ? 'demo hub created:' : 'demo hub already present (reset it with `ieum demo`):',
      )
      options.log(
        `  ${demo.counts.companies} companies, ${demo.counts.positions} positions, ${demo.counts.candidates} applicants`,
      )
      options.log(`demo logins (password for all: ${demo.logins[0]?.password ?? ''}):`)
      for (const login of demo.logins) options.log(`  ${login.role.padEnd(10)} ${login.email}`)
    }
    const server = app
    let stopping: Promise<ShutdownReport> | null = null
    const stop = (): Promise<ShutdownReport> => {
      stopping ??= (async () => {
        process.off('SIGINT', onSignal)
        process.off('SIGTERM', onSignal)
        return shutDownGracefully(
          [
            [{ name: 'http server', stop: () => closeHttpServer(server) }],
            mailSender ? [{ name: 'outbox sender', stop: () => mailSender.stop() }] : [],
            [{ name: 'audit read buffer', stop: () => auditReadBuffer.flush() }],
            [{ name: 'audit sealer', stop: () => auditSealer.stop() }],
            [{ name: 'database', stop: () => store.close() }],
          ],
          { log: options.log },
        )
      })()
      return stopping
    }
    const onSignal = (signal: NodeJS.Signals) => {
      options.log(`${signal}: finishing requests and jobs, then stopping`)
      void stop().then((report) => process.exit(report.isClean ? 0 : 1))
    }
    if (options.isHandlingSignals ?? true) {
      process.once('SIGINT', onSignal)
      process.once('SIGTERM', onSignal)
    }
    return { app, url, stop }
  } catch (error) {
    await app?.close()
    await store.close()
    throw error
  }
}
