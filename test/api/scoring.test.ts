import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../support/test-app.ts'

describe('recommendations and skill supply/demand through the API', () => {
  let t: TestApp
  let programId: string
  let companyId: string
  let otherCompanyPosition: string
  let ownPosition: string
  const cookies = new Map<string, string>()
  before(async () => {
    t = await startTestApp()
    for (const role of ['operator', 'company', 'candidate']) {
      cookies.set(role, await t.signIn(t.demo.logins.find((l) => l.role === role)!.email))
    }
    const db = t.store.db
    programId = (await db.selectFrom('program').select('id').executeTakeFirstOrThrow()).id
    companyId = (
      await db
        .selectFrom('roleGrant')
        .select('companyId')
        .where('role', '=', 'company')
        .executeTakeFirstOrThrow()
    ).companyId!
    ownPosition = (
      await db
        .selectFrom('position')
        .select('id')
        .where('companyId', '=', companyId)
        .executeTakeFirstOrThrow()
    ).id
    otherCompanyPosition = (
      await db
        .selectFrom('position')
        .select('id')
        .where('companyId', '!=', companyId)
        .executeTakeFirstOrThrow()
    ).id
  })
  after(async () => {
    await t.close()
  })

  test('a company sees its shortlist with explanations in Korean', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/programs/${programId}/positions/${ownPosition}/recommendations?k=10&locale=ko`,
      headers: { cookie: cookies.get('company')! },
    })
    assert.equal(response.statusCode, 200, response.body)
    const body = response.json()
    assert.equal(body.shortlist.length, 10)
    const scores = body.shortlist.map((s: { score: number }) => s.score)
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
      'best first',
    )
    assert.match(body.shortlist[0].text.headline, /[가-힣]/)
  })

  test("a company cannot see another company's shortlist", async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/programs/${programId}/positions/${otherCompanyPosition}/recommendations`,
      headers: { cookie: cookies.get('company')! },
    })
    assert.equal(response.statusCode, 404)
  })

  test('a candidate sees recommended positions in Vietnamese', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/me/programs/${programId}/recommendations?k=5&locale=vi`,
      headers: { cookie: cookies.get('candidate')! },
    })
    assert.equal(response.statusCode, 200, response.body)
    assert.ok(response.json().length >= 1)
    assert.ok(response.json()[0].text.headline.length > 0)
  })

  test('the operator sees the skill supply/demand table', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/programs/${programId}/skill-supply-demand`,
      headers: { cookie: cookies.get('operator')! },
    })
    assert.equal(response.statusCode, 200, response.body)
    const rows = response.json() as { skill: string }[]
    assert.ok(rows.length >= 10)
    assert.ok(rows.some((row) => row.skill === 'python'))
  })

  test('the demo program runs straight through on score-derived rank lists', async () => {
    const operator = cookies.get('operator')!
    await t.app.inject({
      method: 'PATCH',
      url: `/api/programs/${programId}`,
      headers: { cookie: operator },
      payload: { phase: 'ranking_freeze' },
    })
    for (const mechanism of ['candidate-proposing', 'max-fit'] as const) {
      const run = await t.app.inject({
        method: 'POST',
        url: `/api/programs/${programId}/match-runs`,
        headers: { cookie: operator },
        payload: { mechanism },
      })
      assert.equal(run.statusCode, 201, run.body)
      const stats = run.json().statistics
      assert.ok(
        stats.matched >= stats.seats * 0.8,
        `${mechanism}: ${stats.matched} of ${stats.seats} seats filled`,
      )
    }
  })
})
