import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { openTestDb, TEST_ENGINES } from '../../test/support/open-test-db.ts'
import type { DbHandle } from './create-db.ts'
import { createDb } from './create-db.ts'
import { migrateToLatest } from './migrate-to-latest.ts'

for (const engine of TEST_ENGINES) {
  describe(`store on ${engine}`, () => {
    let store: DbHandle
    before(async () => {
      store = await openTestDb(engine)
    })
    after(async () => {
      await store.close()
    })

    test('migrations are idempotent', async () => {
      assert.deepEqual(await migrateToLatest(store.db), [])
    })

    if (engine === 'postgres')
      test('a schema migrates although another schema of the database has the migration tables', async () => {
        // This file's schema is migrated already; a second schema must still get every table of its own.
        const second = await openTestDb(engine)
        try {
          const { rows } = await sql<{ count: number }>`select count(*)::int as count from hub`.execute(
            second.db,
          )
          assert.equal(rows[0]!.count, 0)
          assert.deepEqual(await migrateToLatest(second.db), [])
        } finally {
          await second.close()
        }
      })

    test('jsonb, dates and uuids round-trip', async () => {
      const hub = await store.db
        .insertInto('hub')
        .values({ name: '광주 AI 허브', slug: `hub-${engine}` })
        .returningAll()
        .executeTakeFirstOrThrow()
      assert.match(hub.id, /^[0-9a-f-]{36}$/)
      assert.ok(hub.createdAt instanceof Date)
      const company = await store.db
        .insertInto('company')
        .values({ hubId: hub.id, name: 'Công ty Demo', domain: 'LLM SaaS', size: '1-9', location: 'Gwangju' })
        .returning('id')
        .executeTakeFirstOrThrow()
      const position = await store.db
        .insertInto('position')
        .values({
          companyId: company.id,
          kind: 'internship',
          title: 'ML 인턴',
          requiredSkills: JSON.stringify([{ skill: 'pytorch', level: 3 }]),
          workMode: 'hybrid',
          location: 'Gwangju',
          timeZone: 'Asia/Seoul',
          startDate: '2027-03-02',
          hoursPerWeek: 40,
          capacity: 2,
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      assert.deepEqual(position.requiredSkills, [{ skill: 'pytorch', level: 3 }])
      assert.equal(position.startDate, '2027-03-02')
      assert.equal(position.title, 'ML 인턴')
    })

    test('a failed transaction leaves stored data as it was', async () => {
      const before = await sql<{ n: number }>`select count(*)::int as n from hub`.execute(store.db)
      await assert.rejects(
        store.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('hub')
            .values({ name: 'x', slug: `tx-${engine}` })
            .execute()
          await trx
            .insertInto('hub')
            .values({ name: 'y', slug: `tx-${engine}` })
            .execute() // duplicate slug
        }),
        /duplicate key/,
      )
      const afterRows = await sql<{ n: number }>`select count(*)::int as n from hub`.execute(store.db)
      assert.equal(afterRows.rows[0]?.n, before.rows[0]?.n)
      // the connection is still usable after the error
      assert.equal((await store.db.selectFrom('hub').select('id').execute()).length, before.rows[0]?.n)
    })

    test('constraints refuse impossible rows', async () => {
      const hub = await store.db.selectFrom('hub').select('id').executeTakeFirstOrThrow()
      const company = await store.db.selectFrom('company').select('id').executeTakeFirstOrThrow()
      await assert.rejects(
        store.db
          .insertInto('position')
          .values({
            companyId: company.id,
            kind: 'internship',
            title: 't',
            workMode: 'hybrid',
            location: 'x',
            timeZone: 'Asia/Seoul',
            hoursPerWeek: 40,
            capacity: -1,
          })
          .execute(),
        /check constraint/,
      )
      await assert.rejects(
        store.db
          .insertInto('authUser')
          .values({
            id: 'u1',
            name: 'n',
            email: `a-${engine}@example.org`,
            emailVerified: false,
            image: null,
            locale: null,
          })
          .execute()
          .then(() =>
            store.db
              .insertInto('roleGrant')
              .values({ userId: 'u1', role: 'company', hubId: hub.id, companyId: null, candidateId: null })
              .execute(),
          ),
        /check constraint/,
      )
    })
  })
}

describe('embedded data folder', () => {
  test('keeps data across reopen and refuses a second process on the same folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ieum-lock-'))
    try {
      const first = await createDb({ kind: 'pglite', dataDir: dir })
      await migrateToLatest(first.db)
      await first.db.insertInto('hub').values({ name: 'kept', slug: 'kept' }).execute()
      const script = `import { createDb } from ${JSON.stringify(new URL('./create-db.ts', import.meta.url).pathname)}
try { await createDb({ kind: 'pglite', dataDir: ${JSON.stringify(dir)} }); console.log('opened') }
catch (e) { console.log('refused: ' + e.message); process.exit(3) }`
      const second = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        encoding: 'utf8',
      })
      assert.equal(second.status, 3, second.stdout + second.stderr)
      assert.match(second.stdout, /in use by another Ieum process/)
      await first.close()

      const reopened = await createDb({ kind: 'pglite', dataDir: dir })
      const rows = await reopened.db.selectFrom('hub').select('slug').execute()
      assert.deepEqual(
        rows.map((r) => r.slug),
        ['kept'],
      )
      await reopened.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
