import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { type Method, startTestApp, type TestApp } from '../support/test-app.ts'

type Entry = string | string[]

/** Weak rank (entry index + 1) of every id of a rank list. */
function ranksOf(entries: readonly Entry[]): Map<string, number> {
  const ranks = new Map<string, number>()
  entries.forEach((entry, index) => {
    for (const id of typeof entry === 'string' ? [entry] : entry) ranks.set(id, index + 1)
  })
  return ranks
}

describe('company screens through the API: rank list with ties, score-derived list, results and CSV', () => {
  let t: TestApp
  let operator: string
  let company: string
  let otherCompany: string
  let programId: string
  let companyId: string
  let otherCompanyId: string
  let ownPositions: { id: string; seats: number }[]
  let applicants: string[]
  let savedEntries: Entry[]

  const call = (cookie: string, method: Method, url: string, payload?: object) =>
    t.call(cookie, method, url, payload)
  const rankingUrl = (company = companyId) => `/api/programs/${programId}/companies/${company}/ranking`

  before(async () => {
    t = await startTestApp()
    const companyLogins = t.demo.logins.filter((login) => login.role === 'company')
    operator = await t.signIn(t.demo.logins.find((login) => login.role === 'operator')!.email)
    company = await t.signIn(companyLogins[0]!.email)
    otherCompany = await t.signIn(companyLogins[1]!.email)
    const db = t.store.db
    programId = (await db.selectFrom('program').select('id').executeTakeFirstOrThrow()).id
    const grants = await db
      .selectFrom('roleGrant')
      .innerJoin('authUser', 'authUser.id', 'roleGrant.userId')
      .select(['authUser.email', 'roleGrant.companyId'])
      .execute()
    companyId = grants.find((g) => g.email === companyLogins[0]!.email)!.companyId!
    otherCompanyId = grants.find((g) => g.email === companyLogins[1]!.email)!.companyId!
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/programs/${programId}/positions`,
      headers: { cookie: company },
    })
    const positions = listed.json() as { id: string; companyId: string; seats: number }[]
    ownPositions = positions.filter((p) => p.companyId === companyId)
    assert.ok(ownPositions.length >= 1, 'the demo company offers a position in the demo program')
    applicants = (
      await db
        .selectFrom('application')
        .select('candidateId')
        .where('programId', '=', programId)
        .where('status', 'in', ['submitted', 'eligible'])
        .orderBy('candidateId')
        .execute()
    ).map((row) => row.candidateId)
  })
  after(async () => {
    await t.close()
  })

  test('the rank list view says the phase, the freeze date and the mechanism', async () => {
    const view = await call(company, 'GET', rankingUrl())
    assert.equal(view.status, 200, view.text)
    assert.deepEqual(view.body.entries, [])
    assert.equal(view.body.updatedAt, null)
    assert.equal(view.body.isFrozen, false)
    assert.equal(view.body.phase, 'call_open')
    assert.equal(view.body.freezesOn, '2027-05-07')
    assert.equal(view.body.mechanism, 'candidate-proposing')
  })

  test('the score-derived list of a position is tiered by fit and names only current applicants', async () => {
    const position = ownPositions[0]!
    const derived = await call(company, 'GET', `${rankingUrl()}/score-derived?positionId=${position.id}`)
    assert.equal(derived.status, 200, derived.text)
    assert.equal(derived.body.positionId, position.id)
    const fits = new Map<string, { score: number; isExcluded: boolean }>(
      derived.body.fits.map((fit: { candidateId: string; score: number; isExcluded: boolean }) => [
        fit.candidateId,
        fit,
      ]),
    )
    assert.deepEqual([...fits.keys()].sort(), applicants, 'one fit per current applicant')
    const entries = derived.body.entries as Entry[]
    assert.ok(entries.length > 0)
    let previous = Number.POSITIVE_INFINITY
    for (const entry of entries) {
      const ids = typeof entry === 'string' ? [entry] : entry
      const scores = new Set(ids.map((id) => fits.get(id)!.score))
      assert.equal(scores.size, 1, 'tied applicants have equal fit')
      const score = [...scores][0]!
      assert.ok(score < previous, 'tiers go from best to worst fit')
      previous = score
      for (const id of ids) assert.equal(fits.get(id)!.isExcluded, false, 'excluded applicants are left out')
    }
    const ranked = new Set(entries.flat())
    for (const [id, fit] of fits) assert.equal(ranked.has(id), !fit.isExcluded, id)

    const whole = await call(company, 'GET', `${rankingUrl()}/score-derived`)
    assert.equal(whole.status, 200)
    assert.equal(whole.body.positionId, null)
    assert.ok(whole.body.entries.length >= entries.length, 'the company-wide list covers every position')
  })

  test('a company saves a list with ties, reads it back, and an empty list means "not ranked"', async () => {
    const [first, second, third, ...rest] = applicants
    savedEntries = [first!, [second!, third!], ...rest]
    const saved = await call(company, 'PUT', rankingUrl(), { entries: savedEntries })
    assert.equal(saved.status, 200, saved.text)
    assert.deepEqual(saved.body.entries, savedEntries)
    assert.ok(saved.body.updatedAt)

    const position = ownPositions[0]!
    const perPosition = `${rankingUrl()}?positionId=${position.id}`
    assert.equal((await call(company, 'PUT', perPosition, { entries: [third!, first!] })).status, 200)
    assert.deepEqual((await call(company, 'GET', perPosition)).body.entries, [third, first])
    const cleared = await call(company, 'PUT', perPosition, { entries: [] })
    assert.equal(cleared.status, 200)
    assert.deepEqual(cleared.body.entries, [])
    assert.equal(cleared.body.updatedAt, null, 'the per-position list is gone, so the company list applies')
    const rows = await t.store.db
      .selectFrom('ranking')
      .select('positionId')
      .where('companyId', '=', companyId)
      .execute()
    assert.deepEqual(
      rows.map((row) => row.positionId),
      [null],
    )

    const outsider = await call(company, 'PUT', rankingUrl(), { entries: [first!, 'not-a-uuid'] })
    assert.equal(outsider.status, 400)
    const unknown = await call(company, 'PUT', rankingUrl(), {
      entries: [first!, '00000000-0000-4000-8000-000000000000'],
    })
    assert.equal(unknown.status, 400)
    assert.equal(unknown.body.error.issues[0].path, 'body.entries.1')
    assert.deepEqual((await call(company, 'GET', rankingUrl())).body.entries, savedEntries, 'nothing changed')
  })

  test("another company cannot read or change this company's lists, scores or results", async () => {
    const position = ownPositions[0]!
    const calls: { method: 'GET' | 'PUT'; url: string; payload?: object }[] = [
      { method: 'GET', url: rankingUrl() },
      { method: 'GET', url: `${rankingUrl()}?positionId=${position.id}` },
      { method: 'PUT', url: rankingUrl(), payload: { entries: [] } },
      { method: 'GET', url: `${rankingUrl()}/score-derived` },
      { method: 'GET', url: `${rankingUrl()}/score-derived?positionId=${position.id}` },
      { method: 'GET', url: `/api/programs/${programId}/companies/${companyId}/results` },
      { method: 'GET', url: `/api/programs/${programId}/companies/${companyId}/placements.csv` },
      // its own company id with this company's position: still not found
      { method: 'GET', url: `${rankingUrl(otherCompanyId)}/score-derived?positionId=${position.id}` },
      {
        method: 'PUT',
        url: `${rankingUrl(otherCompanyId)}?positionId=${position.id}`,
        payload: { entries: [] },
      },
    ]
    for (const entry of calls) {
      const response = await call(otherCompany, entry.method, entry.url, entry.payload)
      assert.equal(response.status, 404, `${entry.method} ${entry.url}: ${response.text}`)
      assert.deepEqual(Object.keys(response.body), ['error'])
    }
    assert.deepEqual((await call(company, 'GET', rankingUrl())).body.entries, savedEntries)
  })

  test('after the freeze the list is read-only and says why', async () => {
    assert.equal(
      (await call(operator, 'PATCH', `/api/programs/${programId}`, { phase: 'ranking_freeze' })).status,
      200,
    )
    const refused = await call(company, 'PUT', rankingUrl(), { entries: [applicants[0]!] })
    assert.equal(refused.status, 409)
    assert.equal(refused.body.error.code, 'phase_closed')
    const view = await call(company, 'GET', rankingUrl())
    assert.equal(view.body.isFrozen, true)
    assert.equal(view.body.phase, 'ranking_freeze')
    assert.equal(view.body.freezesOn, '2027-05-07', 'changing the phase keeps the timeline')
    assert.deepEqual(view.body.entries, savedEntries)
  })

  test('after publish the company sees its placements with their rank on its list, cut-offs and seats', async () => {
    // Every applicant puts this company's positions first, so its seats are contested and a cut-off exists.
    const db = t.store.db
    for (const candidateId of applicants) {
      await db
        .insertInto('ranking')
        .values({
          programId,
          side: 'candidate',
          candidateId,
          entries: JSON.stringify(ownPositions.map((p) => p.id)),
        })
        .execute()
    }
    const run = await call(operator, 'POST', `/api/programs/${programId}/match-runs`, {})
    assert.equal(run.status, 201, run.text)
    assert.equal((await call(operator, 'POST', `/api/match-runs/${run.body.id}/publish`, {})).status, 200)

    const results = await call(company, 'GET', `/api/programs/${programId}/companies/${companyId}/results`)
    assert.equal(results.status, 200, results.text)
    const body = results.body
    assert.equal(body.companyId, companyId)
    assert.ok(body.companyName)
    assert.equal(body.phase, 'acceptance_deadline')
    assert.equal(body.acceptanceDeadline, '2027-05-19')
    assert.equal(body.secondRoundOn, '2027-05-24')
    assert.equal(body.rounds.length, 1)
    const seats = ownPositions.reduce((sum, p) => sum + p.seats, 0)
    assert.equal(body.placements.length, seats, 'every seat is filled: everyone wants this company')
    const ranks = ranksOf(savedEntries)
    for (const placement of body.placements) {
      assert.equal(placement.status, 'offered')
      assert.equal(placement.rankOnList, ranks.get(placement.candidateId), 'rank on the company list')
      assert.ok(Array.isArray(placement.skills))
      assert.ok('university' in placement)
      assert.ok(placement.nationality && placement.fullName)
    }
    assert.equal(body.positions.length, ownPositions.length)
    for (const position of body.positions) {
      assert.equal(position.listSource, 'company')
      assert.equal(position.filled, position.seats)
      assert.equal(position.pending, position.seats)
      const placedRanks = body.placements
        .filter((p: { positionId: string }) => p.positionId === position.positionId)
        .map((p: { rankOnList: number }) => p.rankOnList)
      if (position.seats > 0)
        assert.equal(position.cutoffRank, Math.max(...placedRanks), 'cut-off = last admitted')
    }
    assert.deepEqual(body.totals, { seats, accepted: 0, pending: seats, declined: 0, open: 0 })
    assert.equal(body.cutoffs.length, ownPositions.length)
    for (const cutoff of body.cutoffs) {
      const position = body.positions.find((p: { positionId: string }) => p.positionId === cutoff.positionId)
      assert.equal(position.cutoffRank, cutoff.cutoffRank, "round 1's market list is the saved list")
    }

    const byOperator = await call(
      operator,
      'GET',
      `/api/programs/${programId}/companies/${companyId}/results`,
    )
    assert.equal(byOperator.status, 200)
    assert.equal(byOperator.body.placements.length, seats)
  })

  test('after a decline and the second round the company sees both rounds, the freed seat filled', async () => {
    const db = t.store.db
    const first = await db
      .selectFrom('placement')
      .innerJoin('position', 'position.id', 'placement.positionId')
      .select(['placement.id', 'placement.positionId', 'placement.candidateId'])
      .where('position.companyId', '=', companyId)
      .orderBy('placement.candidateId')
      .executeTakeFirstOrThrow()
    // The candidate declines (as POST /api/me/placements/:id/response records it).
    await db
      .updateTable('placement')
      .set({ status: 'declined', decidedAt: new Date() })
      .where('id', '=', first.id)
      .execute()
    const round2 = await call(operator, 'POST', `/api/programs/${programId}/match-runs`, {})
    assert.equal(round2.status, 201, round2.text)
    assert.equal((await call(operator, 'POST', `/api/match-runs/${round2.body.id}/publish`, {})).status, 200)

    const results = await call(company, 'GET', `/api/programs/${programId}/companies/${companyId}/results`)
    assert.equal(results.status, 200, results.text)
    const body = results.body
    assert.deepEqual(
      body.rounds.map((round: { round: number }) => round.round),
      [1, 2],
    )
    assert.equal(body.phase, 'second_round')
    const seats = ownPositions.reduce((sum, p) => sum + p.seats, 0)
    assert.equal(body.totals.declined, 1)
    assert.equal(body.totals.pending, seats, 'the freed seat is offered again')
    assert.equal(body.totals.open, 0)
    const secondRound = body.positions.filter((p: { round: number }) => p.round === 2)
    const freed = secondRound.find((p: { positionId: string }) => p.positionId === first.positionId)
    assert.ok(freed, 'the position with the freed seat has a second-round outcome')
    assert.equal(freed.seats, 1, 'round 2 offers only the freed seat')
    assert.equal(freed.filled, 1)
    const newcomer = body.placements.find(
      (p: { round: number; positionId: string }) => p.round === 2 && p.positionId === first.positionId,
    )
    assert.ok(newcomer)
    assert.notEqual(newcomer.candidateId, first.candidateId, 'the candidate who declined is not placed again')
    assert.equal(newcomer.rankOnList, ranksOf(savedEntries).get(newcomer.candidateId))
    assert.equal(freed.cutoffRank, newcomer.rankOnList)
  })

  test("the company's own placements export as CSV in its language with formula-like cells neutralised", async () => {
    const placed = await t.store.db
      .selectFrom('placement')
      .innerJoin('position', 'position.id', 'placement.positionId')
      .select('placement.candidateId')
      .where('position.companyId', '=', companyId)
      .executeTakeFirstOrThrow()
    await t.store.db
      .updateTable('candidate')
      .set({ fullName: '=HYPERLINK("http://evil.example")' })
      .where('id', '=', placed.candidateId)
      .execute()
    const url = `/api/programs/${programId}/companies/${companyId}/placements.csv`
    const csv = await call(company, 'GET', url)
    assert.equal(csv.status, 200, csv.text)
    assert.match(String(csv.headers['content-type']), /^text\/csv/)
    assert.match(String(csv.headers['content-disposition']), /attachment; filename="ieum-placements-.*\.csv"/)
    assert.ok(csv.text.startsWith('\ufeff차수,포지션,이름,국적,대학,'), csv.text.slice(0, 80))
    const lines = csv.text.trimEnd().split('\r\n')
    const seats = ownPositions.reduce((sum, p) => sum + p.seats, 0)
    assert.equal(lines.length, seats + 2, 'a line per placement of both rounds, declined included')
    assert.ok(csv.text.includes(`"'=HYPERLINK(""http://evil.example"")"`), 'the formula is neutralised')
    assert.ok(csv.text.includes('응답 대기'))
    const english = await call(company, 'GET', `${url}?locale=en`)
    assert.ok(english.text.startsWith('\ufeffRound,Position,Name,'))
    const bad = await call(company, 'GET', `${url}?locale=fr`)
    assert.equal(bad.status, 400)
    const audit = await t.store.db
      .selectFrom('auditLog')
      .select('id')
      .where('entityType', '=', 'placement')
      .where('action', '=', 'read')
      .execute()
    assert.ok(audit.length >= 2, 'results reads and exports are audited')
  })
})
