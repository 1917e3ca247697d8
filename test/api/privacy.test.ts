import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import fc from 'fast-check'
import { strFromU8, unzipSync } from 'fflate'
import { sql } from 'kysely'
import { exportSubjectData, sealAuditLog, verifyAuditChain } from '../../src/services/index.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

/** Tables and the rows in them whose text contains `value`. */
async function findEverywhere(t: TestApp, value: string): Promise<string[]> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
  `.execute(t.store.db)
  const found: string[] = []
  for (const { name } of tables) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(name)} t where position(${value} in t::text) > 0
    `.execute(t.store.db)
    if ((rows[0]?.n ?? 0) > 0) found.push(`${name} (${rows[0]?.n})`)
  }
  return found
}

describe('data-subject rights', () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp('pglite')
  })
  after(async () => t.close())

  test('an export holds 100% of a subject’s personal fields and nothing of anyone else (100 random subjects)', async () => {
    const everyone = await t.store.db.selectFrom('candidate').selectAll().orderBy('id').execute()
    assert.ok(everyone.length >= 100)
    const chosen = fc.sample(fc.shuffledSubarray(everyone, { minLength: 100, maxLength: 100 }), {
      seed: 2027,
      numRuns: 1,
    })[0]!
    assert.equal(chosen.length, 100)
    const now = new Date('2027-03-01T00:00:00Z')
    for (const subject of chosen) {
      const data = await exportSubjectData(t.store.db, subject.id, now)
      const exported = data.tables.candidate?.[0] as Record<string, unknown>
      for (const [field, value] of Object.entries(subject)) {
        const expected = value instanceof Date ? value.toISOString() : value
        assert.deepEqual(exported[field], expected, `${subject.id}: field ${field}`)
      }
      const applications = await t.store.db
        .selectFrom('application')
        .select('id')
        .where('candidateId', '=', subject.id)
        .execute()
      assert.equal(data.tables.applications?.length, applications.length)
      const text = JSON.stringify(data)
      for (const other of everyone) {
        if (other.id === subject.id) continue
        assert.ok(!text.includes(other.id), `${subject.id}'s export names candidate ${other.id}`)
        assert.ok(!text.includes(other.email), `${subject.id}'s export holds ${other.email}`)
      }
    }
  })

  test('a candidate downloads everything in one action: a zip of data.json and a CSV per table', async () => {
    const login = t.demo.logins.find((entry) => entry.role === 'candidate')!
    const cookie = await t.signIn(login.email)
    const response = await t.app.inject({ url: '/api/me/data-export', headers: { cookie } })
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['content-type'], 'application/zip')
    assert.match(String(response.headers['content-disposition']), /attachment; filename="ieum-my-data-/)
    const files = unzipSync(new Uint8Array(response.rawPayload))
    assert.ok(files['data.json'] && files['candidate.csv'] && files['applications.csv'] && files['login.csv'])
    const data = JSON.parse(strFromU8(files['data.json']!))
    assert.equal(data.tables.login[0].email, login.email)
    assert.ok(strFromU8(files['login.csv']!).includes(login.email))
    assert.ok(!strFromU8(files['data.json']!).includes('argon2'), 'no password hash')
    const json = await t.call(cookie, 'GET', '/api/me/data-export?format=json')
    assert.equal(json.body.candidateId, data.candidateId)
  })

  test('a human review of an automated outcome is recorded with the answer, shown to both sides', async () => {
    const login = t.demo.logins.filter((entry) => entry.role === 'candidate')[1]!
    const candidate = await t.signIn(login.email)
    const operator = await t.signIn(t.demo.logins.find((entry) => entry.role === 'operator')!.email)
    const missing = await t.call(candidate, 'POST', '/api/me/privacy-requests', { kind: 'human_review' })
    assert.equal(missing.status, 400)
    assert.equal(missing.body.error.issues[0].path, 'body.subject')
    const asked = await t.call(candidate, 'POST', '/api/me/privacy-requests', {
      kind: 'human_review',
      subject: 'eligibility:00000000-0000-4000-8000-000000000001',
      note: 'My TOPIK level was read wrong',
    })
    assert.equal(asked.status, 201, asked.text)
    const due = new Date(asked.body.dueAt).getTime() - new Date(asked.body.createdAt).getTime()
    assert.equal(due, 10 * 24 * 60 * 60 * 1000, 'due in 10 days')
    const queue = await t.call(operator, 'GET', '/api/privacy-requests?status=open')
    assert.equal(queue.status, 200)
    assert.ok(queue.body.items.some((item: { id: string }) => item.id === asked.body.id))
    assert.equal(typeof queue.body.total, 'number')
    const answered = await t.call(operator, 'POST', `/api/privacy-requests/${asked.body.id}/answer`, {
      status: 'done',
      answer: 'Reviewed by a person: the certificate shows TOPIK 5, the verdict is now eligible.',
    })
    assert.equal(answered.status, 200, answered.text)
    const own = await t.call(candidate, 'GET', '/api/me/privacy-requests')
    const mine = own.body.items.find((item: { id: string }) => item.id === asked.body.id)
    assert.equal(mine.status, 'done')
    assert.match(mine.answer, /TOPIK 5/)
    const twice = await t.call(operator, 'POST', `/api/privacy-requests/${asked.body.id}/answer`, {
      status: 'refused',
      answer: 'again',
    })
    assert.equal(twice.status, 409)
  })

  test('after erasure none of the subject’s personal values remain in any table; the audit chain still verifies', async () => {
    const login = t.demo.logins.filter((entry) => entry.role === 'candidate')[2]!
    const candidateCookie = await t.signIn(login.email)
    const operator = await t.signIn(t.demo.logins.find((entry) => entry.role === 'operator')!.email)
    const grant = await t.store.db
      .selectFrom('roleGrant')
      .innerJoin('authUser', 'authUser.id', 'roleGrant.userId')
      .select(['roleGrant.candidateId', 'roleGrant.hubId'])
      .where('authUser.email', '=', login.email)
      .where('roleGrant.role', '=', 'candidate')
      .executeTakeFirstOrThrow()
    const subject = await t.store.db
      .selectFrom('candidate')
      .selectAll()
      .where('id', '=', grant.candidateId!)
      .executeTakeFirstOrThrow()
    await t.call(candidateCookie, 'POST', `/api/me/applications`, {
      programId: '00000000-0000-4000-8000-000000000009',
    })
    await t.call(candidateCookie, 'GET', '/api/me/candidate')
    await t.call(null, 'POST', '/api/password-resets', { email: login.email })
    // The subject's own values: those no other candidate record shares.
    const candidates = [
      subject.email,
      login.email,
      subject.fullName,
      subject.cvText.slice(0, 60),
      subject.externalKey ?? '',
      subject.city,
      ...subject.links.map((link) => String((link as { url?: string }).url ?? link)),
    ].filter((value) => value.trim().length >= 5)
    const personal: string[] = []
    for (const value of new Set(candidates)) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from candidate c where c.id <> ${subject.id} and position(${value} in c::text) > 0
      `.execute(t.store.db)
      if (rows[0]?.n === 0) personal.push(value)
    }
    assert.ok(personal.includes(subject.email) && personal.includes(subject.fullName), personal.join(' | '))
    for (const value of personal)
      assert.notDeepEqual(await findEverywhere(t, value), [], `${value} is stored`)

    const asked = await t.call(candidateCookie, 'POST', '/api/me/privacy-requests', {
      kind: 'erasure',
      note: 'Please delete my data',
    })
    assert.equal(asked.status, 201)
    const queue = await t.call(operator, 'GET', '/api/privacy-requests')
    assert.ok(queue.body.items.some((item: { id: string; kind: string }) => item.id === asked.body.id))
    const done = await t.call(operator, 'POST', `/api/privacy-requests/${asked.body.id}/answer`, {
      status: 'done',
      answer: 'Erased',
    })
    assert.equal(done.status, 200, done.text)

    for (const value of personal) assert.deepEqual(await findEverywhere(t, value), [], `${value} remains`)
    assert.equal((await t.call(candidateCookie, 'GET', '/api/me')).status, 401, 'signed out everywhere')
    await assert.rejects(t.signIn(login.email, login.password), /401/)
    const erased = await t.store.db
      .selectFrom('candidate')
      .select(['erasedAt', 'fullName'])
      .where('id', '=', subject.id)
      .executeTakeFirstOrThrow()
    assert.ok(erased.erasedAt, 'the record stays as a pseudonymous id')
    await sealAuditLog(t.store.db)
    assert.equal((await verifyAuditChain(t.store.db, grant.hubId)).isIntact, true)
  })
})

test('the retention job erases applicants of programs closed past the retention period, keeping live ones', async () => {
  const t = await startTestApp('pglite')
  try {
    const db = t.store.db
    const program = await db.selectFrom('program').selectAll().executeTakeFirstOrThrow()
    const applicants = await db
      .selectFrom('application')
      .select('candidateId')
      .where('programId', '=', program.id)
      .execute()
    assert.ok(applicants.length > 10)
    const now = new Date('2027-06-01T00:00:00Z')
    const { purgeClosedProgramApplicants } = await import('../../src/services/index.ts')
    assert.deepEqual(await purgeClosedProgramApplicants(db, { now, retentionDays: 365 }), {
      programs: 0,
      erasedCandidates: 0,
      keptCandidates: 0,
    })
    await db
      .updateTable('program')
      .set({ phase: 'closed', timeline: JSON.stringify([{ phase: 'closed', startsOn: '2025-01-15' }]) })
      .where('id', '=', program.id)
      .execute()
    const live = await db
      .insertInto('program')
      .values({
        hubId: program.hubId,
        kind: program.kind,
        title: 'Open call',
        phase: 'call_open',
        capacity: 5,
        matchingConfig: JSON.stringify(program.matchingConfig),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const stillApplying = applicants[0]!.candidateId
    await db
      .insertInto('application')
      .values({ programId: live.id, candidateId: stillApplying, status: 'submitted' })
      .execute()
    const report = await purgeClosedProgramApplicants(db, { now, retentionDays: 365 })
    assert.deepEqual(report, { programs: 1, erasedCandidates: applicants.length - 1, keptCandidates: 1 })
    const erased = await db
      .selectFrom('candidate')
      .select(['id', 'erasedAt', 'email'])
      .where(
        'id',
        'in',
        applicants.map((row) => row.candidateId),
      )
      .execute()
    for (const row of erased) {
      if (row.id === stillApplying) assert.equal(row.erasedAt, null)
      else assert.match(row.email, /@erased\.invalid$/)
    }
    const again = await purgeClosedProgramApplicants(db, { now, retentionDays: 365 })
    assert.equal(again.erasedCandidates, 0, 'idempotent')
  } finally {
    await t.close()
  }
})
