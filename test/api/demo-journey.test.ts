import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { TEST_ENGINES } from '../support/open-test-db.ts'
import { type Method, startTestApp, type TestApp } from '../support/test-app.ts'

// Issue 4, acceptance 5: the demo program of the foundation, taken through the whole journey with the demo
// accounts — from its seeded phase through the eligibility check, rank lists by the demo candidates and
// companies, freeze, run, publish, answers to the offers and a second round — and at the end every
// applicant has an outcome: a placement, or a message saying they were not matched or not eligible.

interface Login {
  readonly email: string
  readonly cookie: string
}
interface OutboxMessage {
  readonly email: string
  readonly kind: string
  readonly locale: string
  readonly subject: string
  readonly body: string
}

for (const engine of TEST_ENGINES)
  describe(`the demo program through the whole journey with the demo accounts (${engine})`, () => {
    let t: TestApp
    let operator: string
    let candidates: (Login & { candidateId: string; locale: string })[]
    let companies: (Login & { companyId: string })[]
    let programId: string
    let round1RunId: string
    let eligibleIds: Set<string>
    let ineligibleIds: Set<string>

    const call = (cookie: string, method: Method, url: string, payload?: object) =>
      t.call(cookie, method, url, payload)
    const ok = async (cookie: string, method: Method, url: string, payload?: object) => {
      const response = await call(cookie, method, url, payload)
      assert.ok(response.status < 300, `${method} ${url}: ${response.status} ${response.text}`)
      return response.body
    }
    const setPhase = (phase: string) => ok(operator, 'PATCH', `/api/programs/${programId}`, { phase })

    before(async () => {
      t = await startTestApp(engine)
      const db = t.store.db
      const loginsOf = (role: string) => t.demo.logins.filter((login) => login.role === role)
      operator = await t.signIn(loginsOf('operator')[0]!.email)
      const grants = await db
        .selectFrom('roleGrant')
        .innerJoin('authUser', 'authUser.id', 'roleGrant.userId')
        .select(['authUser.email', 'authUser.locale', 'roleGrant.companyId', 'roleGrant.candidateId'])
        .execute()
      const grantOf = (email: string) => grants.find((grant) => grant.email === email)!
      candidates = await Promise.all(
        loginsOf('candidate').map(async (login) => ({
          email: login.email,
          cookie: await t.signIn(login.email),
          candidateId: grantOf(login.email).candidateId!,
          locale: grantOf(login.email).locale ?? 'en',
        })),
      )
      companies = await Promise.all(
        loginsOf('company').map(async (login) => ({
          email: login.email,
          cookie: await t.signIn(login.email),
          companyId: grantOf(login.email).companyId!,
        })),
      )
      programId = (await db.selectFrom('program').select('id').executeTakeFirstOrThrow()).id
    })
    after(async () => {
      await t?.close()
    })

    test('the seeded demo program is open for applications, with the demo accounts taking part', async () => {
      const program = await ok(operator, 'GET', `/api/programs/${programId}`)
      assert.equal(program.phase, 'call_open')
      assert.equal(program.matchingConfig.mechanism, 'candidate-proposing')
      assert.equal(candidates.length, 3, 'three demo candidate logins')
      assert.equal(companies.length, 3, 'three demo company logins')
      for (const candidate of candidates) {
        const applications = await ok(candidate.cookie, 'GET', '/api/me/applications')
        assert.ok(
          applications.some((a: { programId: string; status: string }) => a.programId === programId),
          `${candidate.email} has applied to the demo program`,
        )
      }
      const positions = await ok(operator, 'GET', `/api/programs/${programId}/positions`)
      for (const company of companies) {
        assert.ok(
          positions.some((p: { companyId: string }) => p.companyId === company.companyId),
          `${company.email}'s company offers a position in the demo program`,
        )
      }
    })

    test('eligibility check: every application gets a verdict, each demo candidate reads theirs in their language', async () => {
      await setPhase('eligibility_check')
      const summary = await ok(operator, 'POST', `/api/programs/${programId}/eligibility-check`, {})
      const applications = await t.store.db
        .selectFrom('application')
        .select(['candidateId', 'status'])
        .where('programId', '=', programId)
        .execute()
      const active = applications.filter((a) => a.status !== 'withdrawn')
      assert.equal(summary.checked, active.length)
      assert.equal(summary.eligible + summary.ineligible, summary.checked)
      assert.ok(summary.eligible > 0, 'some applicants are eligible')
      assert.ok(summary.ineligible > 0, 'the demo rules find some applicants not eligible')
      eligibleIds = new Set(active.filter((a) => a.status === 'eligible').map((a) => a.candidateId))
      ineligibleIds = new Set(active.filter((a) => a.status === 'ineligible').map((a) => a.candidateId))
      assert.equal(eligibleIds.size + ineligibleIds.size, active.length, 'no application is left unchecked')

      for (const candidate of candidates) {
        const own = await ok(candidate.cookie, 'GET', `/api/me/programs/${programId}/eligibility`)
        assert.equal(own.locale, candidate.locale)
        assert.equal(own.status, eligibleIds.has(candidate.candidateId) ? 'eligible' : 'ineligible')
        assert.ok(own.verdict.reasons.length >= 5, 'one reason per demo rule')
        for (const reason of own.verdict.reasons) assert.ok(reason.text.length > 0, JSON.stringify(reason))
      }
      assert.ok(
        candidates.some((candidate) => eligibleIds.has(candidate.candidateId)),
        'a demo candidate is eligible',
      )
    })

    test('ranking: the demo candidates rank positions, the demo companies rank applicants', async () => {
      await setPhase('ranking')
      const positions = (await ok(candidates[0]!.cookie, 'GET', `/api/programs/${programId}/positions`)) as {
        id: string
        companyId: string
        seats: number
      }[]
      const [first, second, third] = companies
      assert.ok(first && second && third)
      const ownPositions = (companyId: string) =>
        positions.filter((p) => p.companyId === companyId && p.seats > 0).map((p) => p.id)
      assert.ok(ownPositions(first.companyId).length > 0)

      // Each eligible demo candidate puts the first demo company's positions first, then what Ieum recommends.
      for (const candidate of candidates.filter((c) => eligibleIds.has(c.candidateId))) {
        const recommended = (await ok(
          candidate.cookie,
          'GET',
          `/api/me/programs/${programId}/recommendations?k=5&locale=${candidate.locale}`,
        )) as { positionId: string; text: { headline: string } }[]
        assert.ok(recommended.length > 0, 'recommendations explain the fit')
        const entries = [
          ...new Set([...ownPositions(first.companyId), ...recommended.map((r) => r.positionId)]),
        ].slice(0, 5)
        const saved = await ok(candidate.cookie, 'PUT', `/api/me/programs/${programId}/ranking`, { entries })
        assert.deepEqual(saved.entries, entries)
        assert.equal(
          saved.mechanism,
          'candidate-proposing',
          'the candidate is told ranking truthfully is safe',
        )
      }

      // The first company starts from the score-derived list and puts the demo candidates on top; the second
      // saves the score-derived list as it is; the third saves nothing and so gets it at the match.
      const eligibleDemo = candidates.filter((c) => eligibleIds.has(c.candidateId)).map((c) => c.candidateId)
      const derived = await ok(
        first.cookie,
        'GET',
        `/api/programs/${programId}/companies/${first.companyId}/ranking/score-derived`,
      )
      assert.ok(derived.entries.length > 0)
      const flat = (derived.entries as (string | string[])[]).flat()
      const entries = [...eligibleDemo, ...flat.filter((id) => !eligibleDemo.includes(id))]
      const saved = await ok(
        first.cookie,
        'PUT',
        `/api/programs/${programId}/companies/${first.companyId}/ranking`,
        { entries },
      )
      assert.deepEqual(saved.entries, entries)
      const secondDerived = await ok(
        second.cookie,
        'GET',
        `/api/programs/${programId}/companies/${second.companyId}/ranking/score-derived`,
      )
      await ok(second.cookie, 'PUT', `/api/programs/${programId}/companies/${second.companyId}/ranking`, {
        entries: secondDerived.entries,
      })
      // A company member cannot rank for another company (to them it does not exist).
      const foreign = await call(
        third.cookie,
        'PUT',
        `/api/programs/${programId}/companies/${first.companyId}/ranking`,
        { entries: [] },
      )
      assert.equal(foreign.status, 404)
    })

    test('freeze: the lists can no longer change', async () => {
      await setPhase('ranking_freeze')
      const late = await call(candidates[0]!.cookie, 'PUT', `/api/me/programs/${programId}/ranking`, {
        entries: [],
      })
      assert.equal(late.status, 409)
      assert.equal(late.body.error.code, 'phase_closed')
      const lateCompany = await call(
        companies[0]!.cookie,
        'PUT',
        `/api/programs/${programId}/companies/${companies[0]!.companyId}/ranking`,
        { entries: [] },
      )
      assert.equal(lateCompany.status, 409)
    })

    test('run and publish round 1: every eligible applicant is in the market and hears the outcome', async () => {
      const draft = await ok(operator, 'POST', `/api/programs/${programId}/match-runs`, {})
      assert.equal(draft.status, 'draft')
      assert.equal(draft.round, 1)
      assert.equal(draft.statistics.candidates, eligibleIds.size, 'the market is the eligible applicants')
      assert.ok(draft.statistics.matched > 0)
      const rerun = await ok(operator, 'POST', `/api/match-runs/${draft.id}/rerun`, {})
      assert.equal(rerun.isIdentical, true, 're-running the stored market gives the same result')
      round1RunId = draft.id
      const published = await ok(operator, 'POST', `/api/match-runs/${draft.id}/publish`, {})
      assert.equal(published.status, 'published')
      const program = await ok(operator, 'GET', `/api/programs/${programId}`)
      assert.equal(program.phase, 'acceptance_deadline')

      const outbox = (await ok(operator, 'GET', '/api/outbox')) as OutboxMessage[]
      const emails = await emailsOf([...eligibleIds])
      const kindsTo = (email: string) => outbox.filter((m) => m.email === email).map((m) => m.kind)
      for (const [candidateId, email] of emails) {
        const kinds = kindsTo(email)
        assert.ok(
          kinds.includes('match_placed') || kinds.includes('match_unmatched'),
          `${candidateId} hears the outcome of round 1: ${kinds.join(', ')}`,
        )
      }
      // The applicants found not eligible are told at the announcement too, in their language, in the app
      // for those with a login.
      const ineligibleEmails = await emailsOf([...ineligibleIds])
      for (const [candidateId, email] of ineligibleEmails) {
        assert.ok(
          kindsTo(email).includes('application_ineligible'),
          `${candidateId} hears they were not eligible`,
        )
      }
      const notEligibleDemo = candidates.find((c) => ineligibleIds.has(c.candidateId))
      assert.ok(notEligibleDemo, 'one demo candidate is not eligible under the demo rules')
      const inbox = (await ok(notEligibleDemo.cookie, 'GET', '/api/me/notifications')) as {
        kind: string
        subject: string
        body: string
        link: string | null
      }[]
      const told = inbox.find((n) => n.kind === 'application_ineligible')
      assert.ok(told, 'the message is in their inbox')
      assert.equal(told.link, `/programs/${programId}`)
      assert.match(told.body, notEligibleDemo.locale === 'vi' ? /điều kiện/ : /eligibility rules/)

      // Every company of the market hears its results.
      for (const company of companies) {
        assert.ok(kindsTo(company.email).includes('company_results'), `${company.email} hears its results`)
        const results = await ok(
          company.cookie,
          'GET',
          `/api/programs/${programId}/companies/${company.companyId}/results`,
        )
        assert.equal(results.rounds.length, 1)
      }
    })

    test('the demo candidates read their results; one accepts, one declines', async () => {
      const placed: { login: (typeof candidates)[number]; placementId: string; positionId: string }[] = []
      for (const candidate of candidates) {
        const results = await ok(candidate.cookie, 'GET', `/api/me/programs/${programId}/results`)
        assert.equal(results.length, 1)
        const [round] = results
        if (!eligibleIds.has(candidate.candidateId)) {
          assert.equal(round.isInMarket, false)
          assert.equal(round.placement, null)
          continue
        }
        assert.equal(round.isInMarket, true)
        if (round.placement) {
          assert.equal(round.placement.status, 'offered')
          placed.push({
            login: candidate,
            placementId: round.placement.id,
            positionId: round.placement.positionId,
          })
        } else {
          assert.ok(round.unmatchedReason, 'a candidate who is not matched is told why')
        }
        for (const reason of round.reasons) assert.ok(reason.code && reason.positionTitle)
      }
      assert.equal(
        placed.length,
        candidates.filter((c) => eligibleIds.has(c.candidateId)).length,
        'every eligible demo candidate is placed (the first company ranked them first)',
      )
      const [decliner, accepter] = placed
      const declined = await ok(
        decliner!.login.cookie,
        'POST',
        `/api/me/placements/${decliner!.placementId}/response`,
        { decision: 'decline' },
      )
      assert.equal(declined.status, 'declined')
      if (accepter) {
        const accepted = await ok(
          accepter.login.cookie,
          'POST',
          `/api/me/placements/${accepter.placementId}/response`,
          { decision: 'accept' },
        )
        assert.equal(accepted.status, 'accepted')
      }
      const summary = await ok(operator, 'GET', `/api/programs/${programId}/offer-summary`)
      assert.equal(summary.rounds[0].declined, 1)
      assert.equal(summary.rounds[0].accepted, accepter ? 1 : 0)
      const freed = summary.nextRound.positions.find(
        (p: { positionId: string }) => p.positionId === decliner!.positionId,
      )
      assert.ok(freed && freed.declined === 1 && freed.freeSeats >= 1, 'the decline frees its seat')
      declinedSeat = { positionId: decliner!.positionId, candidateId: decliner!.login.candidateId }
    })

    let declinedSeat: { positionId: string; candidateId: string }

    test('round 2 fills the freed seat; at the end nobody is left without an outcome', async () => {
      const round2 = await ok(operator, 'POST', `/api/programs/${programId}/match-runs`, {})
      assert.equal(round2.round, 2)
      const published = await ok(operator, 'POST', `/api/match-runs/${round2.id}/publish`, {})
      assert.equal(published.status, 'published')
      const db = t.store.db
      const placements = await db
        .selectFrom('placement')
        .select(['candidateId', 'positionId', 'round', 'status'])
        .where('programId', '=', programId)
        .execute()
      const round1Placed = new Set(placements.filter((p) => p.round === 1).map((p) => p.candidateId))
      const filler = placements.find((p) => p.round === 2 && p.positionId === declinedSeat.positionId)
      assert.ok(filler, 'the declined seat is offered again in round 2')
      assert.ok(!round1Placed.has(filler.candidateId), 'to someone who was not placed in round 1')
      assert.notEqual(filler.candidateId, declinedSeat.candidateId)

      // Every applicant has an outcome: a placement, a "not matched" after the last round they took part
      // in, or a message that they were not eligible.
      const outbox = (await ok(operator, 'GET', '/api/outbox')) as OutboxMessage[]
      const applicants = await db
        .selectFrom('application')
        .innerJoin('candidate', 'candidate.id', 'application.candidateId')
        .select(['candidate.id', 'candidate.email', 'application.status'])
        .where('application.programId', '=', programId)
        .execute()
      const placedEver = new Set(placements.map((p) => p.candidateId))
      const withoutOutcome: string[] = []
      for (const applicant of applicants) {
        if (applicant.status === 'withdrawn' || placedEver.has(applicant.id)) continue
        const kinds = outbox.filter((m) => m.email === applicant.email).map((m) => m.kind)
        const expected = applicant.status === 'ineligible' ? 'application_ineligible' : 'match_unmatched'
        if (!kinds.includes(expected)) withoutOutcome.push(`${applicant.email} (${applicant.status})`)
      }
      assert.deepEqual(withoutOutcome, [], 'every applicant without a placement is told so')
      // Whoever round 2 does not place either is told that round 2 did not place them, not that a second round
      // is still to come.
      const round2Unmatched = (await ok(operator, 'GET', `/api/match-runs/${round2.id}/assignments`))
        .unmatched as { candidateId: string }[]
      assert.ok(round2Unmatched.length > 0)
      const round2Emails = await emailsOf(round2Unmatched.map((u) => u.candidateId))
      for (const email of round2Emails.values()) {
        const messages = outbox.filter((m) => m.email === email && m.kind === 'match_unmatched')
        assert.equal(messages.length, 2, `${email} hears both rounds`)
        const latest = messages.find((m) => /round 2|2차|vòng 2/.test(m.body))
        assert.ok(latest, `${email} is told about round 2: ${messages.map((m) => m.body).join(' | ')}`)
        assert.ok(
          !/second round automatically|2차 라운드에 자동으로|tự động tham gia vòng hai/.test(latest.body),
        )
      }
      const run1 = await ok(operator, 'GET', `/api/match-runs/${round1RunId}`)
      assert.equal(run1.status, 'published', 'round 1 stays published')
    })

    /** The e-mail addresses of candidates, by id. */
    async function emailsOf(ids: readonly string[]): Promise<Map<string, string>> {
      const rows = await t.store.db
        .selectFrom('candidate')
        .select(['id', 'email'])
        .where('id', 'in', ids)
        .execute()
      return new Map(rows.map((row) => [row.id, row.email]))
    }
  })
