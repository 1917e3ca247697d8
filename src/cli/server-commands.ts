import type { Command } from 'commander'
import type { UiLocale } from '../domain/index.ts'
import { readEnvironment } from './read-environment.ts'

const isUiLocale = (value: string): value is UiLocale => value === 'ko' || value === 'en' || value === 'vi'

// The server, store and services load only when one of these commands runs, so that other commands
// (`ieum match`, `ieum scoring …`) start quickly.
const loadServer = () => import('./start-server.ts')
const loadStore = () => import('../store/index.ts')
const loadServices = () => import('../services/index.ts')

/** `ieum serve`, `ieum migrate` and `ieum demo`. */
export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('serve the web UI and API (PORT, IEUM_DATA_DIR, DATABASE_URL, IEUM_AUTH_SECRET)')
    .option('--demo', 'create the demo hub first if the database has none')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .option(
      '--allow-demo-in-production',
      'seed the demo hub even when NODE_ENV=production or the base URL is https (throw-away demo servers only)',
    )
    .action(async (options: { demo?: boolean; port?: string; allowDemoInProduction?: boolean }) => {
      const environment = readEnvironment({
        ...process.env,
        ...(options.port !== undefined && { PORT: options.port }),
      })
      const { startServer } = await loadServer()
      await startServer(environment, {
        isDemo: options.demo === true,
        isDemoAllowedInProduction: options.allowDemoInProduction === true,
        log: (line) => console.log(line),
      })
    })

  program
    .command('migrate')
    .description('bring the database schema up to date')
    .action(async () => {
      const { createDb, migrateToLatest } = await loadStore()
      const store = await createDb(readEnvironment().target)
      try {
        const ran = await migrateToLatest(store.db)
        console.log(ran.length === 0 ? 'schema is up to date' : `applied: ${ran.join(', ')}`)
      } finally {
        await store.close()
      }
    })

  program
    .command('hub')
    .description('hubs on this installation')
    .command('create')
    .description("start a hub: prints the first operator's one-time link (valid 14 days) to set a password")
    .requiredOption('--name <name>', 'the hub\'s name, e.g. "Gwangju AI Hub"')
    .requiredOption('--slug <slug>', 'short unique id: lower-case letters, digits and dashes')
    .requiredOption('--operator-email <email>', 'e-mail of the first operator')
    .option('--operator-name <name>', "their name (they can change it on the link's page)", '')
    .option('--locale <ko|en|vi>', 'language of the invitation and of the interface at first', 'ko')
    .action(
      async (options: {
        name: string
        slug: string
        operatorEmail: string
        operatorName: string
        locale: string
      }) => {
        if (!isUiLocale(options.locale))
          throw new Error(`--locale must be ko, en or vi, got ${options.locale}`)
        const environment = readEnvironment()
        const { createDb, migrateToLatest } = await loadStore()
        const { createHub, systemClock } = await loadServices()
        const store = await createDb(environment.target)
        try {
          await migrateToLatest(store.db)
          const locale = options.locale
          const created = await store.db.transaction().execute((trx) =>
            createHub(trx, {
              name: options.name,
              slug: options.slug,
              operatorEmail: options.operatorEmail,
              operatorName: options.operatorName,
              locale,
              baseUrl: environment.baseUrl ?? `http://localhost:${environment.port}`,
              now: systemClock(),
            }),
          )
          console.log(`hub "${options.name}" created (${created.hubId})`)
          console.log(`the operator ${options.operatorEmail} sets a password and signs in at this link,`)
          console.log(`valid until ${created.expiresAt.toISOString()} and usable once:`)
          console.log(`  ${created.acceptUrl}`)
        } finally {
          await store.close()
        }
      },
    )

  program
    .command('demo')
    .description('create the demo hub, or reset it to its initial state')
    .option('--seed <n>', 'generator seed (same seed, same data)', '2027')
    .option('--keep', 'keep an existing demo hub instead of resetting it')
    .action(async (options: { seed: string; keep?: boolean }) => {
      const seed = Number.parseInt(options.seed, 10)
      if (!Number.isInteger(seed) || seed < 0)
        throw new Error(`--seed must be a non-negative integer, got ${options.seed}`)
      const { createDb, migrateToLatest } = await loadStore()
      const { seedDemoHub, systemClock } = await loadServices()
      const store = await createDb(readEnvironment().target)
      try {
        await migrateToLatest(store.db)
        const result = await seedDemoHub(store.db, { seed, reset: options.keep !== true, now: systemClock() })
        console.log(result.isCreated ? 'demo hub created' : 'demo hub kept as it was')
        for (const login of result.logins)
          console.log(`  ${login.role.padEnd(10)} ${login.email}  ${login.password}`)
      } finally {
        await store.close()
      }
    })
}
