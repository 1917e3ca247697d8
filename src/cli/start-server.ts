import { join } from 'node:path'
import { buildApp } from '../api/index.ts'
import { seedDemoHub, startOutboxSender, systemClock } from '../services/index.ts'
import { createDb, migrateToLatest } from '../store/index.ts'
import { type Environment, resolveAuthSecret } from './read-environment.ts'

/** Where `npm run build` puts the web UI. */
export const WEB_DIST_DIR = join(new URL('../..', import.meta.url).pathname, 'dist', 'web')

/** Opens the database, migrates it, optionally seeds the demo hub, and serves API + UI until stopped. */
export async function startServer(
  environment: Environment,
  options: { isDemo: boolean; log: (line: string) => void },
) {
  const store = await createDb(environment.target)
  try {
    await migrateToLatest(store.db)
    const demo = options.isDemo ? await seedDemoHub(store.db, { now: systemClock() }) : null
    const { secret } = resolveAuthSecret(environment)
    const baseUrl = environment.baseUrl ?? `http://localhost:${environment.port}`
    const app = await buildApp({
      store,
      auth: { secret, baseUrl, isSecureCookie: baseUrl.startsWith('https://') },
      webDir: WEB_DIST_DIR,
      logger: false,
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
    options.log(`Ieum is running at ${url}  (API docs: ${url}/api/docs)`)
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
    const stop = async () => {
      await mailSender?.stop()
      await app.close()
      await store.close()
      process.exit(0)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    return app
  } catch (error) {
    await store.close()
    throw error
  }
}
