import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { buildApp } from '../../src/api/index.ts'
import {
  createAuditReadBuffer,
  createUserAccount,
  purgeAuditLog,
  sealAuditLog,
  seedDemoHub,
  verifyAuditChain,
} from '../../src/services/index.ts'
import { openTestDb } from '../support/open-test-db.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

describe('audit log: per hub, append-only, hash-chained', () => {
  let t: TestApp
  let hubId: string
  let operator: string
  before(async () => {
    t = await startTestApp('pglite')
    hubId = (await t.store.db.selectFrom('hub').select('id').executeTakeFirstOrThrow()).id
    operator = await t.signIn(t.demo.logins.find((login) => login.role === 'operator')!.email)
    // Some personal-data reads and changes to audit.
    const candidates = await t.call(operator, 'GET', '/api/candidates')
    for (const candidate of candidates.body.slice(0, 5))
      await t.call(operator, 'GET', `/api/candidates/${candidate.id}`)
    await t.call(operator, 'GET', '/api/outbox')
  })
  after(async () => t.close())

  test("a second hub's operator reads none of the first hub's entries", async () => {
    const other = await t.store.db
      .insertInto('hub')
      .values({ name: 'Busan AI Hub', slug: 'busan' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await createUserAccount(t.store.db, {
      email: 'ops@busan.example',
      name: 'Busan Operator',
      password: 'busan-operator-2027',
      locale: 'ko',
      grants: [{ role: 'operator', hubId: other.id }],
    })
    const busan = await t.signIn('ops@busan.example', 'busan-operator-2027')
    const own = await t.call(operator, 'GET', '/api/audit?limit=1000')
    assert.ok(own.body.length >= 7, `${own.body.length} entries`)
    const candidateId = own.body.find(
      (row: { entityType: string; entityId: string | null }) =>
        row.entityType === 'candidate' && row.entityId,
    ).entityId
    const foreign = await t.call(busan, 'GET', '/api/audit?limit=1000')
    assert.equal(foreign.status, 200)
    const firstHubIds = new Set(own.body.map((row: { id: string }) => row.id))
    assert.ok(
      foreign.body.every((row: { id: string }) => !firstHubIds.has(row.id)),
      'no entry of the first hub',
    )
    const byEntity = await t.call(busan, 'GET', `/api/audit?entityType=candidate&entityId=${candidateId}`)
    assert.deepEqual(byEntity.body, [])
    const rows = await t.store.db.selectFrom('auditLog').select('hubId').distinct().execute()
    assert.ok(
      rows.every((row) => row.hubId === hubId || row.hubId === other.id),
      'every row names its hub',
    )
  })

  test('the outbox and run files are audited; rows cannot be changed or deleted through SQL', async () => {
    const outbox = await t.store.db
      .selectFrom('auditLog')
      .select('detail')
      .where('entityType', '=', 'notification')
      .where('action', '=', 'read')
      .executeTakeFirst()
    assert.ok(outbox, 'reading the outbox is audited')
    await assert.rejects(
      t.store.db.updateTable('auditLog').set({ action: 'nothing' }).execute(),
      /append-only/,
    )
    await assert.rejects(t.store.db.deleteFrom('auditLog').execute(), /append-only/)
  })

  test('the tamper check finds an edited row, a deleted row and rows cut off at the end', async () => {
    await sealAuditLog(t.store.db)
    const intact = await t.call(operator, 'GET', '/api/audit/verify')
    assert.equal(intact.status, 200)
    assert.equal(intact.body.isIntact, true, JSON.stringify(intact.body.problems))
    assert.ok(intact.body.checkedRows >= 7)
    assert.equal(intact.body.unsealedRows, 0)

    // A database administrator bypasses the trigger, as an attacker with the database would.
    const db = t.store.db
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db)
    const rows = await db
      .selectFrom('auditLog')
      .select(['id', 'seq'])
      .where('hubId', '=', hubId)
      .orderBy('seq')
      .execute()
    assert.ok(rows.length >= 6)
    await db
      .updateTable('auditLog')
      .set({ detail: JSON.stringify({ list: 0, note: 'nothing to see' }) })
      .where('id', '=', rows[1]!.id)
      .execute()
    await db.deleteFrom('auditLog').where('id', '=', rows[3]!.id).execute()
    await db.deleteFrom('auditLog').where('id', '=', rows.at(-1)!.id).execute()
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db)

    const report = await verifyAuditChain(db, hubId)
    assert.equal(report.isIntact, false)
    const kinds = report.problems.map((problem) => `${problem.kind}@${problem.seq}`)
    assert.ok(kinds.includes(`edited@${rows[1]!.seq}`), kinds.join())
    assert.ok(kinds.includes(`missing@${rows[3]!.seq}`), kinds.join())
    assert.ok(kinds.includes(`truncated@${rows.at(-1)!.seq}`), kinds.join())
    const viaApi = await t.call(operator, 'GET', '/api/audit/verify')
    assert.equal(viaApi.body.isIntact, false)
  })
})

test('retention: purging rows older than a year keeps the rest verifiable; less than a year is refused', async () => {
  const t = await startTestApp('pglite')
  try {
    const db = t.store.db
    const hubId = (await db.selectFrom('hub').select('id').executeTakeFirstOrThrow()).id
    const now = new Date('2028-06-01T00:00:00Z')
    const old = Array.from({ length: 40 }, (_, i) => ({
      hubId,
      at: new Date(now.getTime() - (800 - i) * 24 * 3600 * 1000),
      actorUserId: null,
      action: 'read',
      entityType: 'candidate',
      entityId: null,
      detail: JSON.stringify({ i }),
    }))
    await db.insertInto('auditLog').values(old).execute()
    await db
      .insertInto('auditLog')
      .values({ ...old[0]!, at: new Date(now.getTime() - 10 * 24 * 3600 * 1000), detail: '{"recent":true}' })
      .execute()
    await sealAuditLog(db)
    const before = await verifyAuditChain(db, hubId)
    assert.equal(before.isIntact, true)
    await assert.rejects(purgeAuditLog(db, { now, retentionDays: 200 }), /at least 365 days/)
    const { purgedRows } = await purgeAuditLog(db, { now, retentionDays: 365 })
    assert.equal(purgedRows, 40)
    const afterPurge = await verifyAuditChain(db, hubId)
    assert.equal(afterPurge.isIntact, true, JSON.stringify(afterPurge.problems))
    assert.equal(afterPurge.startsAfterSeq, 40)
    assert.equal(afterPurge.checkedRows, before.checkedRows - 40)
    const kept = await db.selectFrom('auditLog').select('at').where('hubId', '=', hubId).execute()
    assert.ok(kept.every((row) => row.at.getTime() >= now.getTime() - 365 * 24 * 3600 * 1000))
  } finally {
    await t.close()
  }
})

test('reads are audited off the request path: buffered, then written in batches', async () => {
  const store = await openTestDb('pglite')
  const demo = await seedDemoHub(store.db)
  const buffer = createAuditReadBuffer(store.db, { intervalMs: 60_000, maxRows: 100_000 })
  const app = await buildApp({
    store,
    auth: {
      secret: 'test-secret-that-is-long-enough-0123456789',
      baseUrl: 'http://localhost',
      isSecureCookie: false,
      isRateLimited: false,
    },
    auditReadBuffer: buffer,
  })
  try {
    await app.ready()
    const login = demo.logins.find((entry) => entry.role === 'operator')!
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: login.email, password: login.password },
    })
    const cookie = [signIn.headers['set-cookie']]
      .flat()
      .map((c) => String(c).split(';')[0])
      .join('; ')
    const count = async () =>
      Number(
        (
          await store.db
            .selectFrom('auditLog')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('action', '=', 'read')
            .executeTakeFirstOrThrow()
        ).n,
      )
    const before = await count()
    for (let i = 0; i < 30; i++) {
      const response = await app.inject({ url: '/api/candidates', headers: { cookie } })
      assert.equal(response.statusCode, 200)
    }
    assert.equal(await count(), before, 'no read row was written on the request path')
    assert.equal(buffer.pending, 30)
    await buffer.flush()
    assert.equal(await count(), before + 30, 'every read is audited once flushed')
    assert.equal(buffer.pending, 0)
  } finally {
    await app.close()
    await store.close()
  }
})
