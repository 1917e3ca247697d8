import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Role } from '../../src/domain/index.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

/** Ids to put into route parameters: all belong to company A or its program. */
interface Fixture {
  programId: string
  companyA: string
  companyB: string
  positionA: string
  candidateId: string
  outsiderCandidateId: string
}

describe('access: every route refuses callers who may not use it', () => {
  let t: TestApp
  let fixture: Fixture
  const cookies = new Map<Role | 'companyB', string>()
  before(async () => {
    t = await startTestApp()
    const byRole = (role: string, index = 0) =>
      t.demo.logins.filter((login) => login.role === role)[index]!.email
    cookies.set('operator', await t.signIn(byRole('operator')))
    cookies.set('reviewer', await t.signIn(byRole('reviewer')))
    cookies.set('company', await t.signIn(byRole('company', 0)))
    cookies.set('companyB', await t.signIn(byRole('company', 1)))
    cookies.set('candidate', await t.signIn(byRole('candidate', 0)))
    const db = t.store.db
    const grants = await db
      .selectFrom('roleGrant')
      .innerJoin('authUser', 'authUser.id', 'roleGrant.userId')
      .select(['authUser.email', 'roleGrant.companyId', 'roleGrant.candidateId'])
      .execute()
    const companyA = grants.find((g) => g.email === byRole('company', 0))!.companyId!
    const companyB = grants.find((g) => g.email === byRole('company', 1))!.companyId!
    const ownCandidate = grants.find((g) => g.email === byRole('candidate', 0))!.candidateId!
    const otherCandidate = await db
      .selectFrom('candidate')
      .select('id')
      .where('id', '!=', ownCandidate)
      .executeTakeFirstOrThrow()
    const positionA = await db
      .selectFrom('position')
      .select('id')
      .where('companyId', '=', companyA)
      .executeTakeFirstOrThrow()
    const program = await db.selectFrom('program').select('id').executeTakeFirstOrThrow()
    // A candidate who applied nowhere: no company may see them.
    const hub = await db.selectFrom('hub').select('id').executeTakeFirstOrThrow()
    const outsider = await db
      .insertInto('candidate')
      .values({
        hubId: hub.id,
        fullName: 'Outsider Demo',
        email: 'outsider@example.org',
        nationality: 'VN',
        residenceCountry: 'VN',
        city: 'Da Nang',
        timeZone: 'Asia/Ho_Chi_Minh',
        visaStatus: 'abroad',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    fixture = {
      programId: program.id,
      companyA,
      companyB,
      positionA: positionA.id,
      candidateId: otherCandidate.id,
      outsiderCandidateId: outsider.id,
    }
  })
  after(async () => {
    await t.close()
  })

  const fill = (url: string, candidateId = fixture.candidateId) =>
    url
      .replace(':programId', fixture.programId)
      .replace(':companyId', fixture.companyA)
      .replace(':positionId', fixture.positionA)
      .replace(':candidateId', candidateId)

  const protectedRoutes = () =>
    t.app.routeTable.filter((route) => route.access !== 'public' && !route.url.startsWith('/api/auth'))

  test('the route table lists the API and every route declares access', () => {
    assert.ok(protectedRoutes().length >= 20, `only ${protectedRoutes().length} protected routes`)
  })

  test('anonymous calls answer 401 and carry no data', async () => {
    for (const route of protectedRoutes()) {
      const response = await t.app.inject({
        method: route.method as 'GET',
        url: fill(route.url),
        payload: route.method === 'GET' ? undefined : {},
      })
      assert.equal(response.statusCode, 401, `${route.method} ${route.url}: ${response.body}`)
      assert.deepEqual(Object.keys(response.json()), ['error'], `${route.method} ${route.url}`)
    }
  })

  test('a role the route does not admit answers 403 and carries no data', async () => {
    let checked = 0
    for (const route of protectedRoutes()) {
      if (!Array.isArray(route.access)) continue
      for (const role of ['operator', 'reviewer', 'company', 'candidate'] as const) {
        if (route.access.includes(role)) continue
        const response = await t.app.inject({
          method: route.method as 'GET',
          url: fill(route.url),
          headers: { cookie: cookies.get(role)! },
          payload: route.method === 'GET' ? undefined : {},
        })
        assert.equal(response.statusCode, 403, `${role} ${route.method} ${route.url}: ${response.body}`)
        assert.deepEqual(Object.keys(response.json()), ['error'])
        checked++
      }
    }
    assert.ok(checked >= 15, `only ${checked} role checks`)
  })

  test("a company member cannot read or change another company's data", async () => {
    const other = cookies.get('companyB')!
    const calls: { method: 'GET' | 'PATCH' | 'POST'; url: string; payload?: object }[] = [
      { method: 'GET', url: `/api/companies/${fixture.companyA}` },
      { method: 'GET', url: `/api/companies/${fixture.companyA}/positions` },
      { method: 'PATCH', url: `/api/companies/${fixture.companyA}`, payload: { name: 'Hijacked' } },
      { method: 'PATCH', url: `/api/positions/${fixture.positionA}`, payload: { title: 'Hijacked' } },
      {
        method: 'POST',
        url: `/api/companies/${fixture.companyA}/positions`,
        payload: { kind: 'internship', title: 'x', workMode: 'remote', location: 'x', capacity: 1 },
      },
      { method: 'GET', url: `/api/candidates/${fixture.outsiderCandidateId}` },
    ]
    for (const call of calls) {
      const response = await t.app.inject({ ...call, headers: { cookie: other } })
      assert.equal(response.statusCode, 404, `${call.method} ${call.url}: ${response.body}`)
      assert.deepEqual(Object.keys(response.json()), ['error'])
    }
    const list = await t.app.inject({ method: 'GET', url: '/api/companies', headers: { cookie: other } })
    assert.deepEqual(
      list.json().map((company: { id: string }) => company.id),
      [fixture.companyB],
    )
    const stored = await t.store.db
      .selectFrom('company')
      .select('name')
      .where('id', '=', fixture.companyA)
      .executeTakeFirstOrThrow()
    assert.notEqual(stored.name, 'Hijacked')
  })

  test("a candidate cannot read or change another candidate's profile", async () => {
    const own = cookies.get('candidate')!
    for (const method of ['GET', 'PATCH'] as const) {
      const response = await t.app.inject({
        method,
        url: `/api/candidates/${fixture.candidateId}`,
        headers: { cookie: own },
        ...(method === 'PATCH' && { payload: { city: 'Hijacked' } }),
      })
      assert.equal(response.statusCode, 404, `${method}: ${response.body}`)
    }
  })

  test('reads of personal data are audited', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/candidates/${fixture.candidateId}`,
      headers: { cookie: cookies.get('operator')! },
    })
    assert.equal(response.statusCode, 200)
    const rows = await t.store.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityId', '=', fixture.candidateId)
      .where('action', '=', 'read')
      .execute()
    assert.ok(rows.length >= 1)
    assert.ok(rows.every((row) => row.actorUserId !== null))
  })

  test('each role sees its own home data', async () => {
    const programs = await t.app.inject({
      method: 'GET',
      url: '/api/programs',
      headers: { cookie: cookies.get('operator')! },
    })
    assert.equal(programs.statusCode, 200)
    assert.equal(programs.json().length, 1)
    assert.ok(programs.json()[0].applicationCount >= 100)
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/me/candidate',
      headers: { cookie: cookies.get('candidate')! },
    })
    assert.equal(me.statusCode, 200)
    assert.ok(me.json().fullName)
    const positions = await t.app.inject({
      method: 'GET',
      url: `/api/companies/${fixture.companyA}/positions`,
      headers: { cookie: cookies.get('company')! },
    })
    assert.equal(positions.statusCode, 200)
    assert.ok(positions.json().every((p: { companyId: string }) => p.companyId === fixture.companyA))
  })

  test('OpenAPI document is served', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' })
    assert.equal(response.statusCode, 200)
    assert.ok(response.json().paths['/api/programs'])
  })
})
