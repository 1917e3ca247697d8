import type { Command } from 'commander'
import { readEnvironment } from './read-environment.ts'

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
    .action(async (options: { demo?: boolean; port?: string }) => {
      const environment = readEnvironment({
        ...process.env,
        ...(options.port !== undefined && { PORT: options.port }),
      })
      const { startServer } = await loadServer()
      await startServer(environment, { isDemo: options.demo === true, log: (line) => console.log(line) })
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
    .command('demo')
    .description('create the demo hub, or reset it to its initial state')
    .option('--seed <n>', 'generator seed (same seed, same data)', '2027')
    .option('--keep', 'keep an existing demo hub instead of resetting it')
    .action(async (options: { seed: string; keep?: boolean }) => {
      const seed = Number.parseInt(options.seed, 10)
      if (!Number.isInteger(seed) || seed < 0)
        throw new Error(`--seed must be a non-negative integer, got ${options.seed}`)
      const { createDb, migrateToLatest } = await loadStore()
      const { seedDemoHub } = await loadServices()
      const store = await createDb(readEnvironment().target)
      try {
        await migrateToLatest(store.db)
        const result = await seedDemoHub(store.db, { seed, reset: options.keep !== true })
        console.log(result.isCreated ? 'demo hub created' : 'demo hub kept as it was')
        for (const login of result.logins)
          console.log(`  ${login.role.padEnd(10)} ${login.email}  ${login.password}`)
      } finally {
        await store.close()
      }
    })
}
