import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { type DataDirLock, lockDataDir } from './data-dir-lock.ts'
import type { Database } from './database.ts'
import { createPgliteClientClass } from './pglite-client.ts'

// int8 counts as numbers, `date` columns as the 'YYYY-MM-DD' text they are.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10))
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value)

/** Where the data lives: a PostgreSQL server, an embedded PGlite folder, or embedded memory (tests). */
export type DbTarget =
  /** `schema` (tests) puts every table in that schema through the connection's search_path. */
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string }
  /** `dataDir` holds the lock file and the PGlite cluster in `dataDir/pglite`. */
  | { readonly kind: 'pglite'; readonly dataDir: string }
  | { readonly kind: 'memory'; readonly loadDataDir?: Blob }

/** An open database: the Kysely instance, the pool under it, and how to close both. */
export interface DbHandle {
  readonly db: Kysely<Database>
  readonly pool: pg.Pool
  readonly target: DbTarget
  /** The embedded engine, when there is one (for dumps in tests). */
  readonly pglite: PGlite | null
  close(): Promise<void>
}

/**
 * Opens the database over one `pg.Pool`: a real PostgreSQL server, or PGlite (PostgreSQL in WASM)
 * in a local folder that is locked against a second process. Identifiers are camelCase in code and
 * snake_case in SQL.
 */
export async function createDb(target: DbTarget): Promise<DbHandle> {
  let pglite: PGlite | null = null
  let lock: DataDirLock | null = null
  let pool: pg.Pool
  if (target.kind === 'postgres') {
    pool = new pg.Pool({
      connectionString: target.url,
      max: 10,
      connectionTimeoutMillis: 10_000,
      ...(target.schema !== undefined && { options: `-c search_path=${target.schema}` }),
    })
  } else {
    if (target.kind === 'pglite') lock = lockDataDir(target.dataDir)
    try {
      pglite =
        target.kind === 'pglite'
          ? await PGlite.create({ dataDir: join(target.dataDir, 'pglite') })
          : await PGlite.create({ loadDataDir: target.loadDataDir })
    } catch (error) {
      lock?.release()
      throw error
    }
    // PGlite is a single backend: one connection, and a loud failure instead of a silent deadlock.
    pool = new pg.Pool({ Client: createPgliteClientClass(pglite), max: 1, connectionTimeoutMillis: 30_000 })
  }
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
  })
  let isClosed = false
  return {
    db,
    pool,
    target,
    pglite,
    async close() {
      if (isClosed) return
      isClosed = true
      await db.destroy()
      if (pglite) await pglite.close()
      lock?.release()
    },
  }
}
