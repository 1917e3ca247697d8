/** The store: one Kysely over one pg.Pool (PGlite by default, PostgreSQL with DATABASE_URL). */

export {
  type BackupReport,
  backupDatabase,
  type RestoreReport,
  restoreDatabase,
} from './backup-database.ts'
export { createDb, type DbHandle, type DbTarget } from './create-db.ts'
export type { Database } from './database.ts'
export * from './map-rows.ts'
export { MIGRATIONS, migrateToLatest } from './migrate-to-latest.ts'
export * from './queries/index.ts'
export { computeTableChecksums, type TableChecksum } from './table-checksums.ts'
