import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { type Method, startTestApp, type TestApp } from '../support/test-app.ts'

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
  let whatIfId: string

  const call = (cookie: string, method: Method, url: string, payload?: object) =>
    t.call(cookie, method, url, payload)

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
    whatIfId = whatIf.body.id
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

  test('the what-if compare gives every move its choice ranks; a run lists its placements by name', async () => {
    const compared = await call(operator, 'GET', `/api/match-runs/${draftId}/compare?with=${whatIfId}`)
    assert.equal(compared.status, 200, compared.text)
    const { base, other, moves } = compared.body
    assert.ok(moves.length >= 1, 'one more seat at a full position moves someone')
    const placedBase = new Map<string, number | null>()
    const baseAssignments = await call(operator, 'GET', `/api/match-runs/${draftId}/assignments`)
    assert.equal(baseAssignments.status, 200, baseAssignments.text)
    for (const a of baseAssignments.body.assignments) placedBase.set(a.candidateId, a.choiceRank)
    for (const move of moves) {
      assert.ok(move.fullName && move.nationality, JSON.stringify(move))
      assert.equal(move.from === null, move.fromRank === null && !placedBase.has(move.candidateId))
      if (move.from !== null) assert.equal(move.fromRank, placedBase.get(move.candidateId))
      if (move.to !== null) assert.ok(move.toRank === null || move.toRank >= 1)
      assert.notEqual(move.from, move.to)
    }
    // Every run names its positions with seats and fill, what-if seats included.
    const extra = Object.keys(other.extraSeats)[0]!
    const seatsOf = (run: { byPosition: { positionId: string; seats: number }[] }) =>
      run.byPosition.find((p) => p.positionId === extra)?.seats ?? 0
    assert.equal(seatsOf(other), seatsOf(base) + 1)
    assert.ok(base.byPosition.every((p: { title: string; companyName: string }) => p.title && p.companyName))

    const { assignments, unmatched } = baseAssignments.body
    assert.equal(assignments.length, base.statistics.matched)
    assert.equal(unmatched.length, base.statistics.unmatched)
    assert.ok(
      assignments.every((a: { fullName: string; positionTitle: string }) => a.fullName && a.positionTitle),
    )
    const audit = await t.store.db
      .selectFrom('auditLog')
      .select('detail')
      .where('entityType', '=', 'match_run')
      .where('entityId', '=', draftId)
      .where('action', '=', 'read')
      .execute()
    assert.equal(audit.length, 1, 'reading names is audited')
    assert.equal((await call(candidate, 'GET', `/api/match-runs/${draftId}/assignments`)).status, 403)
    assert.equal((await call(company, 'GET', `/api/programs/${programId}/offer-summary`)).status, 403)
    // A max-fit alternative: the welfare result carries its fit total and its blocking pairs.
    const maxFit = await call(operator, 'POST', `/api/programs/${programId}/match-runs`, {
      mechanism: 'max-fit',
      round: 1,
    })
    assert.equal(maxFit.status, 201, maxFit.text)
    const welfare = await call(operator, 'GET', `/api/match-runs/${draftId}/compare?with=${maxFit.body.id}`)
    assert.equal(welfare.status, 200, welfare.text)
    assert.equal(welfare.body.other.mechanism, 'max-fit')
    assert.equal(typeof welfare.body.other.statistics.totalScore, 'number')
    assert.equal(welfare.body.base.statistics.blockingPairs, 0, 'the stable draft has none')
    assert.ok(welfare.body.other.statistics.blockingPairs >= 0)
    for (const move of welfare.body.moves) assert.ok('fromRank' in move && 'toRank' in move)

    const none = await call(operator, 'GET', `/api/programs/${programId}/offer-summary`)
    assert.equal(none.status, 200)
    assert.deepEqual([none.body.rounds, none.body.nextRound], [[], null], 'nothing published yet')
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

    const summary = await call(operator, 'GET', `/api/programs/${programId}/offer-summary`)
    assert.equal(summary.status, 200, summary.text)
    const [first] = summary.body.rounds
    assert.equal(first.declined, 1)
    assert.equal(first.accepted + first.declined + first.pending + first.expired, first.offers)
    const stored = await t.store.db
      .selectFrom('program')
      .select('timeline')
      .where('id', '=', programId)
      .executeTakeFirstOrThrow()
    const deadline = (stored.timeline as { phase: string; startsOn: string }[]).find(
      (step) => step.phase === 'acceptance_deadline',
    )
    assert.equal(summary.body.acceptanceDeadline, deadline?.startsOn ?? null)
    const next = summary.body.nextRound
    assert.equal(next.round, 2)
    assert.equal(next.declinedExcluded, 1)
    assert.equal(next.pendingKept, first.pending)
    const freed = next.positions.find((p: { positionId: string }) => p.positionId === placement.positionId)
    assert.ok(freed && freed.declined === 1 && freed.freeSeats >= 1, JSON.stringify(next.positions))
    assert.equal(
      next.seats,
      next.positions.reduce((sum: number, p: { freeSeats: number }) => sum + p.freeSeats, 0),
    )

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
    assert.equal(round2.body.statistics.candidates, next.candidates, 'the preview is the market of the run')
    assert.equal(round2.body.statistics.seats, next.seats)
    const published = await call(operator, 'POST', `/api/match-runs/${round2.body.id}/publish`, {})
    assert.equal(published.status, 200)
    const after = await call(operator, 'GET', `/api/programs/${programId}/offer-summary`)
    assert.deepEqual(
      after.body.rounds.map((r: { round: number }) => r.round),
      [1, 2],
    )
    assert.equal(after.body.rounds[1].offers, round2.body.statistics.matched)
    assert.equal(after.body.nextRound.round, 3)
    assert.equal(after.body.isDeadlinePassed, true, 'publishing round 2 moves the program past the deadline')
  })
})
