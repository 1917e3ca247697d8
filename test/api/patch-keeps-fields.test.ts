import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../support/test-app.ts'

// A PATCH changes the fields it is sent and nothing else: fields with defaults in the input schema
// (description, skills, time zone, hours…) must not be reset by a patch that leaves them out.
let t: TestApp
let operator: string

before(async () => {
  t = await startTestApp()
  operator = await t.signIn(t.demo.logins.find((login) => login.role === 'operator')!.email)
})
after(async () => {
  await t.close()
})

async function patch(url: string, payload: object) {
  const response = await t.app.inject({ method: 'PATCH', url, headers: { cookie: operator }, payload })
  assert.equal(response.statusCode, 200, response.body)
  return response.json() as Record<string, unknown>
}

test('patching a company name keeps its description', async () => {
  const company = await t.store.db.selectFrom('company').selectAll().executeTakeFirstOrThrow()
  assert.notEqual(company.description, '')
  const patched = await patch(`/api/companies/${company.id}`, { name: `${company.name} (renamed)` })
  assert.equal(patched.name, `${company.name} (renamed)`)
  assert.equal(patched.description, company.description)
})

test('patching a position title keeps its skills, description, time zone and hours', async () => {
  const position = await t.store.db.selectFrom('position').selectAll().executeTakeFirstOrThrow()
  const before = (
    await t.app.inject({ url: `/api/positions/${position.id}`, headers: { cookie: operator } })
  ).json()
  assert.ok(before.requiredSkills.length > 0)
  const patched = await patch(`/api/positions/${position.id}`, { title: 'Renamed position' })
  assert.equal(patched.title, 'Renamed position')
  for (const field of [
    'description',
    'requiredSkills',
    'preferredSkills',
    'languages',
    'timeZone',
    'hoursPerWeek',
  ])
    assert.deepEqual(patched[field], before[field], field)
})

test('patching a candidate city keeps their skills, education and languages', async () => {
  const candidate = await t.store.db.selectFrom('candidate').select('id').executeTakeFirstOrThrow()
  const url = `/api/candidates/${candidate.id}`
  const before = (await t.app.inject({ url, headers: { cookie: operator } })).json()
  assert.ok(before.skills.length > 0)
  const patched = await patch(url, { city: 'Đà Nẵng' })
  assert.equal(patched.city, 'Đà Nẵng')
  for (const field of [
    'skills',
    'education',
    'languages',
    'experience',
    'summary',
    'hoursPerWeek',
    'workModePreference',
  ])
    assert.deepEqual(patched[field], before[field], field)
})
