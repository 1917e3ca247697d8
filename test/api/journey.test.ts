import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../support/test-app.ts'

/** Deterministic shuffle (xorshift) so that the test market is the same on every run. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items]
  let state = seed
  for (let i = out.length - 1; i > 0; i--) {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    const j = Math.abs(state) % (i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

describe('program journey through the API: rank, freeze, run, compare, publish, answer, second round', () => {
  let t: TestApp
  let operator: string
  let candidate: string
  let company: string
  let programId: string
  let companyId: string
  let ownCandidateId: string
  let draftId: string

  const call = async (
    cookie: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
  ) => {
    const response = await t.app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload !== undefined && { payload }),
    })
    return {
      status: response.statusCode,
      body: response.body.length > 0 ? response.json() : null,
      text: response.body,
    }
  }

  before(async () => {
    t = await startTestApp()
    const login = (role: string) => t.demo.logins.find((l) => l.role === role)!.email
    operator = await t.signIn(login('operator'))
    candidate = await t.signIn(login('candidate'))
    company = await t.signIn(login('company'))
    const db = t.store.db
    programId = (await db.selectFrom('program').select('id').executeTakeFirstOrThrow()).id
    const grants = await db.selectFrom('roleGrant').selectAll().execute()
    companyId = grants.find((g) => g.role === 'company')!.companyId!
    ownCandidateId = grants.find((g) => g.role === 'candidate')!.candidateId!
  })
  after(async () => {
    await t.close()
  })

  test('both sides rank during the ranking phase', async () => {
    assert.equal(
      (await call(operator, 'PATCH', `/api/programs/${programId}`, { phase: 'ranking' })).status,
      200,
    )
    const positions = (await call(candidate, 'GET', `/api/programs/${programId}/positions`)).body as {
      id: string
      companyId: string
    }[]
    const ownPick = positions.filter((p) => p.companyId === companyId).map((p) => p.id)
    const saved = await call(candidate, 'PUT', `/api/me/programs/${programId}/ranking`, {
      entries: [...ownPick, positions[5]!.id],
    })
    assert.equal(saved.status, 200, saved.text)
    assert.equal(saved.body.mechanism, 'candidate-proposing')
    assert.equal(saved.body.isFrozen, false)
    const twice = await call(candidate, 'PUT', `/api/me/programs/${programId}/ranking`, {
      entries: [ownPick[0], ownPick[0]],
    })
    assert.equal(twice.status, 400)

    // Everyone else ranks 4 positions; every company ranks every applicant (its own company through the API).
    const db = t.store.db
    const applicants = await db
      .selectFrom('application')
      .select('candidateId')
      .where('programId', '=', programId)
      .execute()
    const others = applicants.map((a) => a.candidateId).filter((id) => id !== ownCandidateId)
    for (const [index, id] of others.entries()) {
      const entries = shuffled(
        positions.map((p) => p.id),
        index + 11,
      ).slice(0, 4)
      await db
        .insertInto('ranking')
        .values({ programId, side: 'candidate', candidateId: id, entries: JSON.stringify(entries) })
        .execute()
    }
    const everyone = applicants.map((a) => a.candidateId)
    const companies = [...new Set(positions.map((p) => p.companyId))]
    for (const [index, id] of companies.entries()) {
      const order = shuffled(everyone, index + 101)
      // keep the demo candidate near the top at their first choice's company, so the test knows a match exists
      const entries =
        id === companyId ? [ownCandidateId, ...order.filter((c) => c !== ownCandidateId)] : order
      const response = await call(operator, 'PUT', `/api/programs/${programId}/companies/${id}/ranking`, {
        entries,
      })
      assert.equal(response.status, 200, response.text)
    }
    const read = await call(company, 'GET', `/api/programs/${programId}/companies/${companyId}/ranking`)
    assert.equal(read.body.entries[0], ownCandidateId)
  })

  test('a run needs frozen lists; once frozen, lists cannot change', async () => {
    const early = await call(operator, 'POST', `/api/programs/${programId}/match-runs`, {})
    assert.equal(early.status, 409)
    assert.equal(
      (await call(operator, 'PATCH', `/api/programs/${programId}`, { phase: 'ranking_freeze' })).status,
      200,
    )
    const late = await call(candidate, 'PUT', `/api/me/programs/${programId}/ranking`, { entries: [] })
    assert.equal(late.status, 409)
    assert.equal(late.body.error.code, 'phase_closed')
    const lateCompany = await call(
      company,
      'PUT',
      `/api/programs/${programId}/companies/${companyId}/ranking`,
      { entries: [] },
    )
    assert.equal(lateCompany.status, 409)
  })

  test('draft run, what-if with one more seat, compare, and a byte-identical re-run', async () => {
    const draft = await call(operator, 'POST', `/api/programs/${programId}/match-runs`, {})
    assert.equal(draft.status, 201, draft.text)
    draftId = draft.body.id
    assert.equal(draft.body.status, 'draft')
    assert.ok(draft.body.statistics.matched > 0)
    assert.ok(draft.body.byCountry.length >= 10)
    assert.ok(draft.body.byCompany.length >= 8)

    const positions = (await call(operator, 'GET', `/api/programs/${programId}/positions`)).body as {
      id: string
    }[]
    const whatIf = await call(operator, 'POST', `/api/programs/${programId}/match-runs`, {
      extraSeats: { [positions[0]!.id]: 1 },
    })
    assert.equal(whatIf.status, 201, whatIf.text)
    assert.ok(whatIf.body.statistics.seats === draft.body.statistics.seats + 1)
    const compared = await call(operator, 'GET', `/api/match-runs/${draftId}/compare?with=${whatIf.body.id}`)
    assert.equal(compared.status, 200)
    assert.ok(Array.isArray(compared.body.moves))

    const rerun = await call(operator, 'POST', `/api/match-runs/${draftId}/rerun`, {})
    assert.equal(rerun.body.isIdentical, true)
    assert.equal(rerun.body.rerunResultSha256, draft.body.resultSha256)
    const market = await t.app.inject({
      method: 'GET',
      url: `/api/match-runs/${draftId}/market.json`,
      headers: { cookie: operator },
    })
    assert.equal(market.statusCode, 200)
    assert.match(String(market.headers['content-disposition']), /attachment/)
    assert.ok(JSON.parse(market.body).candidates.length >= 100)
  })

  test('publish makes offers and tells everyone; the candidate sees the placement and why not higher choices', async () => {
    const published = await call(operator, 'POST', `/api/match-runs/${draftId}/publish`, {})
    assert.equal(published.status, 200, published.text)
    assert.equal(published.body.status, 'published')
    const again = await call(operator, 'POST', `/api/match-runs/${draftId}/publish`, {})
    assert.equal(again.status, 409)

    const results = await call(candidate, 'GET', `/api/me/programs/${programId}/results`)
    assert.equal(results.status, 200)
    assert.equal(results.body.length, 1)
    const round = results.body[0]
    assert.ok(round.placement, JSON.stringify(round))
    assert.equal(round.placement.status, 'offered')
    for (const reason of round.reasons) assert.ok(reason.code && reason.positionTitle)

    const outbox = await call(operator, 'GET', '/api/outbox')
    const market = await t.app.inject({
      method: 'GET',
      url: `/api/match-runs/${draftId}/market.json`,
      headers: { cookie: operator },
    })
    const candidatesInMarket = JSON.parse(market.body).candidates.length
    const toCandidates = outbox.body.filter(
      (n: { kind: string }) => n.kind === 'match_placed' || n.kind === 'match_unmatched',
    )
    assert.equal(toCandidates.length, candidatesInMarket, 'every candidate of the market hears the outcome')
    const inbox = await call(candidate, 'GET', '/api/me/notifications')
    assert.ok(inbox.body.some((n: { kind: string }) => n.kind === 'match_placed'))

    const companyView = await call(
      company,
      'GET',
      `/api/programs/${programId}/companies/${companyId}/results`,
    )
    assert.equal(companyView.status, 200)
    assert.ok(companyView.body.placements.length >= 1)
    assert.ok(companyView.body.cutoffs.length >= 1)
  })

  test('a decline frees the seat and the second round fills it', async () => {
    const results = await call(candidate, 'GET', `/api/me/programs/${programId}/results`)
    const placement = results.body[0].placement
    const declined = await call(candidate, 'POST', `/api/me/placements/${placement.id}/response`, {
      decision: 'decline',
    })
    assert.equal(declined.status, 200, declined.text)
    const twice = await call(candidate, 'POST', `/api/me/placements/${placement.id}/response`, {
      decision: 'accept',
    })
    assert.equal(twice.status, 409)

    const round2 = await call(operator, 'POST', `/api/programs/${programId}/match-runs`, {})
    assert.equal(round2.status, 201, round2.text)
    assert.equal(round2.body.round, 2)
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/match-runs/${round2.body.id}/result.json`,
      headers: { cookie: operator },
    })
    const result = JSON.parse(file.body) as { assignments: { candidate: string; position: string }[] }
    assert.ok(
      result.assignments.some((a) => a.position === placement.positionId),
      'the declined seat is filled in the second round',
    )
    assert.ok(
      !result.assignments.some((a) => a.candidate === ownCandidateId),
      'the candidate who declined is not placed again',
    )
    const published = await call(operator, 'POST', `/api/match-runs/${round2.body.id}/publish`, {})
    assert.equal(published.status, 200)
  })
})
