import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { createDb, type DbHandle, MIGRATIONS, migrateToLatest } from '../../src/store/index.ts'

/** The engines a store test runs on: PGlite always, PostgreSQL too when TEST_DATABASE_URL is set. */
export const TEST_ENGINES: readonly ('pglite' | 'postgres')[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite']

const TEMPLATE = join(tmpdir(), `ieum-test-template-${Object.keys(MIGRATIONS).join('_')}.tar.gz`)

/**
 * A fresh, migrated, empty database for one test file. PGlite starts from a migrated template dump
 * (initdb is slow); PostgreSQL gets its own schema, so test files can run in parallel.
 */
export async function openTestDb(engine: 'pglite' | 'postgres'): Promise<DbHandle> {
  if (engine === 'postgres') {
    const url = process.env.TEST_DATABASE_URL
    if (!url) throw new Error('TEST_DATABASE_URL is not set')
    const schema = `test_${process.pid}_${Math.floor(Math.random() * 1e9)}`
    const admin = new pg.Client({ connectionString: url })
    await admin.connect()
    await admin.query(`drop schema if exists ${schema} cascade; create schema ${schema}`)
    await admin.end()
    const store = await createDb({ kind: 'postgres', url, schema })
    await migrateToLatest(store.db)
    const close = store.close.bind(store)
    return {
      ...store,
      async close() {
        await close()
        const cleanup = new pg.Client({ connectionString: url })
        await cleanup.connect()
        await cleanup.query(`drop schema if exists ${schema} cascade`)
        await cleanup.end()
      },
    }
  }
  if (existsSync(TEMPLATE)) {
    return createDb({ kind: 'memory', loadDataDir: new Blob([readFileSync(TEMPLATE)]) })
  }
  const store = await createDb({ kind: 'memory' })
  await migrateToLatest(store.db)
  const dump = await store.pglite!.dumpDataDir('gzip')
  const partial = `${TEMPLATE}.${process.pid}`
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
  renameSync(partial, TEMPLATE)
  return store
}
