import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { seedDemoHub } from '../../src/services/index.ts'
import {
  backupDatabase,
  computeTableChecksums,
  createDb,
  type DbTarget,
  migrateToLatest,
  restoreDatabase,
} from '../../src/store/index.ts'
import { openTestDb } from '../support/open-test-db.ts'

const work = mkdtempSync(join(tmpdir(), 'ieum-backup-'))
after(() => rmSync(work, { recursive: true, force: true }))

async function checksumsOf(target: DbTarget) {
  const store = await createDb(target)
  try {
    return await computeTableChecksums(store.db)
  } finally {
    await store.close()
  }
}

describe('restore drill on the embedded database (PGlite)', () => {
  const source: DbTarget = { kind: 'pglite', dataDir: join(work, 'source') }
  const file = join(work, 'embedded.tar.gz')

  test('backup → restore gives identical per-table checksums; a running server blocks the backup', async () => {
    const store = await createDb(source)
    await migrateToLatest(store.db)
    await seedDemoHub(store.db)
    await assert.rejects(backupDatabase(source, file), /already open in this process|in use by another/)
    await store.close()
    const original = await checksumsOf(source)
    assert.ok((original.candidate?.rows ?? 0) >= 100, 'the demo data is there')
    assert.ok(Object.keys(original).length >= 15, `${Object.keys(original).length} tables`)

    const report = await backupDatabase(source, file)
    assert.equal(report.engine, 'pglite')
    assert.ok(existsSync(file) && !existsSync(`${file}.partial`))

    const copy: DbTarget = { kind: 'pglite', dataDir: join(work, 'copy') }
    const restored = await restoreDatabase(copy, file, { now: new Date('2027-03-01T00:00:00Z') })
    assert.equal(restored.previousDataKeptIn, null)
    assert.deepEqual(await checksumsOf(copy), original)

    // Data lost after the backup comes back; the damaged database is kept aside, not deleted.
    const damaged = await createDb(source)
    await damaged.db.deleteFrom('application').execute()
    await damaged.db.updateTable('candidate').set({ fullName: 'overwritten' }).execute()
    await damaged.close()
    assert.notDeepEqual(await checksumsOf(source), original)
    const again = await restoreDatabase(source, file, { now: new Date('2027-03-01T00:00:00Z') })
    assert.match(again.previousDataKeptIn ?? '', /pglite\.before-restore-2027-03-01T00-00-00-000Z$/)
    assert.deepEqual(await checksumsOf(source), original)
  })

  test('a file that is no embedded backup is refused and the database stays as it was', async () => {
    const before = await checksumsOf(source)
    const bogus = join(work, 'bogus.tar.gz')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(bogus, 'not a tarball')
    await assert.rejects(
      restoreDatabase(source, bogus, { now: new Date() }),
      /not an Ieum embedded-database backup/,
    )
    assert.deepEqual(await checksumsOf(source), before)
  })
})

describe('restore drill on PostgreSQL', { skip: !process.env.TEST_DATABASE_URL }, () => {
  test('backup (pg_dump) → damage → restore gives identical per-table checksums', async () => {
    const store = await openTestDb('postgres')
    try {
      await seedDemoHub(store.db)
      const original = await computeTableChecksums(store.db)
      assert.ok((original.candidate?.rows ?? 0) >= 100)
      const file = join(work, 'postgres.dump')
      const report = await backupDatabase(store.target, file)
      assert.equal(report.engine, 'postgres')

      await store.db.deleteFrom('application').execute()
      await store.db.updateTable('candidate').set({ fullName: 'overwritten' }).execute()
      await store.db.schema.dropTable('notification').execute()
      assert.notDeepEqual(await computeTableChecksums(store.db), original)

      await restoreDatabase(store.target, file, { now: new Date() })
      assert.deepEqual(await computeTableChecksums(store.db), original)

      await assert.rejects(
        restoreDatabase({ kind: 'pglite', dataDir: join(work, 'wrong') }, file, { now: new Date() }),
        /is a PostgreSQL backup/,
      )
    } finally {
      await store.close()
    }
  })
})
