import { resolve } from 'node:path'
import type { Command } from 'commander'
import { readEnvironment } from './read-environment.ts'

const loadStore = () => import('../store/index.ts')

/** `ieum backup <file>` and `ieum restore <file>` for the configured database (PGlite folder or DATABASE_URL). */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'write the whole database to <file>: a PGlite folder tarball (stop the server first) or a pg_dump archive (DATABASE_URL; servers may keep running)',
    )
    .argument('<file>', 'where to write the backup (written under a temporary name, then renamed)')
    .action(async (file: string) => {
      const { backupDatabase } = await loadStore()
      const environment = readEnvironment()
      const report = await backupDatabase(environment.target, resolve(file))
      console.log(
        `backed up the ${report.engine === 'postgres' ? 'PostgreSQL' : 'embedded'} database to ${report.file} (${report.bytes} bytes)`,
      )
    })

  program
    .command('restore')
    .description('replace the database with a backup written by `ieum backup` (stop every server first)')
    .argument('<file>', 'the backup file')
    .action(async (file: string) => {
      const { computeTableChecksums, createDb, restoreDatabase } = await loadStore()
      const environment = readEnvironment()
      const report = await restoreDatabase(environment.target, resolve(file), { now: new Date() })
      if (report.previousDataKeptIn)
        console.log(`the database that was there is kept in ${report.previousDataKeptIn}`)
      const store = await createDb(environment.target)
      try {
        const checksums = await computeTableChecksums(store.db)
        const tables = Object.keys(checksums).length
        const rows = Object.values(checksums).reduce((sum, table) => sum + table.rows, 0)
        console.log(`restored ${tables} tables, ${rows} rows from ${resolve(file)}`)
      } finally {
        await store.close()
      }
    })
}
