import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { EligibilityVerdict } from '../../src/domain/index.ts'
import { describeEligibilityReason } from '../../src/services/index.ts'
import { TEST_ENGINES } from '../support/open-test-db.ts'
import { type Method, startTestApp, type TestApp } from '../support/test-app.ts'

// Applicants found not eligible take no part in the match, so nobody may rank them or rank for them: the
// API refuses (409, a specific code, nothing stored) instead of accepting a list the match would ignore.

interface ErrorAnswer {
  readonly error: { code: string; message: string; issues?: { path: string; message: string }[] }
}

for (const engine of TEST_ENGINES)
  describe(`rank lists and recommendations of applicants found not eligible (${engine})`, () => {
    let t: TestApp
    let operator: string
    let programId: string
    let companyId: string
    let companyCookie: string
    let positionIds: string[]
    let ownPositionId: string
    /** A demo candidate login whose application the demo rules find not eligible, and one found eligible. */
    let ineligible: { cookie: string; candidateId: string; applicationId: string }
    let eligible: { cookie: string; candidateId: string }
    let eligibleApplicants: string[]
    let ineligibleApplicants: string[]

    const call = (cookie: string, method: Method, url: string, payload?: object) =>
      t.call(cookie, method, url, payload)
    const ownRankingUrl = () => `/api/me/programs/${programId}/ranking`
    const recommendationsUrl = (locale = 'en') =>
      `/api/me/programs/${programId}/recommendations?k=5&locale=${locale}`
    const companyRankingUrl = () => `/api/programs/${programId}/companies/${companyId}/ranking`
    const storedRanking = async (where: { candidateId?: string; companyId?: string }) => {
      let query = t.store.db.selectFrom('ranking').select('entries').where('programId', '=', programId)
      if (where.candidateId) query = query.where('candidateId', '=', where.candidateId)
      if (where.companyId) query = query.where('companyId', '=', where.companyId)
      return (await query.executeTakeFirst())?.entries ?? null
    }
    const setPhase = async (phase: string) => {
      const response = await call(operator, 'PATCH', `/api/programs/${programId}`, { phase })
      assert.equal(response.status, 200, response.text)
    }

    before(async () => {
      t = await startTestApp(engine)
      const db = t.store.db
      const loginsOf = (role: string) => t.demo.logins.filter((login) => login.role === role)
      operator = await t.signIn(loginsOf('operator')[0]!.email)
      programId = (await db.selectFrom('program').select('id').executeTakeFirstOrThrow()).id
      const grants = await db
        .selectFrom('roleGrant')
        .innerJoin('authUser', 'authUser.id', 'roleGrant.userId')
        .select(['authUser.email', 'roleGrant.role', 'roleGrant.companyId', 'roleGrant.candidateId'])
        .execute()
      const companyLogin = loginsOf('company')[0]!.email
      companyId = grants.find((grant) => grant.email === companyLogin)!.companyId!
      companyCookie = await t.signIn(companyLogin)
      const positions = (await call(operator, 'GET', `/api/programs/${programId}/positions`)).body as {
        id: string
        companyId: string
      }[]
      positionIds = positions.map((position) => position.id)
      ownPositionId = positions.find((position) => position.companyId === companyId)!.id

      // Before the check, every demo candidate may rank (the call is open): they save a list.
      const candidateLogins = await Promise.all(
        loginsOf('candidate').map(async (login) => ({
          cookie: await t.signIn(login.email),
          candidateId: grants.find((grant) => grant.email === login.email)!.candidateId!,
        })),
      )
      for (const login of candidateLogins) {
        const saved = await call(login.cookie, 'PUT', ownRankingUrl(), { entries: positionIds.slice(0, 2) })
        assert.equal(saved.status, 200, saved.text)
      }
      await setPhase('eligibility_check')
      const check = await call(operator, 'POST', `/api/programs/${programId}/eligibility-check`, {})
      assert.equal(check.status, 200, check.text)
      await setPhase('ranking')
      const applications = await db
        .selectFrom('application')
        .select(['id', 'candidateId', 'status'])
        .where('programId', '=', programId)
        .execute()
      const statusOf = new Map(applications.map((a) => [a.candidateId, a]))
      eligibleApplicants = applications.filter((a) => a.status === 'eligible').map((a) => a.candidateId)
      ineligibleApplicants = applications.filter((a) => a.status === 'ineligible').map((a) => a.candidateId)
      const notEligible = candidateLogins.find((l) => statusOf.get(l.candidateId)?.status === 'ineligible')
      const isEligible = candidateLogins.find((l) => statusOf.get(l.candidateId)?.status === 'eligible')
      assert.ok(
        notEligible && isEligible,
        'the demo rules find one demo candidate not eligible, one eligible',
      )
      ineligible = { ...notEligible, applicationId: statusOf.get(notEligible.candidateId)!.id }
      eligible = isEligible
    })
    after(async () => {
      await t?.close()
    })

    test('a candidate found not eligible cannot save a rank list: 409 with the reasons, nothing stored', async () => {
      const before = await storedRanking({ candidateId: ineligible.candidateId })
      assert.deepEqual(before, positionIds.slice(0, 2), 'the list saved before the check')
      const refused = await call(ineligible.cookie, 'PUT', ownRankingUrl(), {
        entries: [positionIds[3], positionIds[1]],
      })
      assert.equal(refused.status, 409, refused.text)
      const { error } = refused.body as ErrorAnswer
      assert.equal(error.code, 'application_ineligible')
      assert.match(error.message, /not eligible/)
      const verdict = (
        await t.store.db
          .selectFrom('application')
          .select('eligibility')
          .where('id', '=', ineligible.applicationId)
          .executeTakeFirstOrThrow()
      ).eligibility as EligibilityVerdict
      const unmet = verdict.reasons.filter((reason) => !reason.isMet)
      assert.ok(unmet.length > 0)
      assert.deepEqual(
        error.issues?.map((issue) => issue.message),
        unmet.map((reason) => describeEligibilityReason(reason, 'en')),
        'the issues are the stored verdict’s unmet reasons',
      )
      for (const issue of error.issues ?? []) assert.match(issue.path, /^eligibility\./)
      for (const reason of unmet) assert.ok(error.message.includes(describeEligibilityReason(reason, 'en')))
      // Clearing the list is refused too: the stored list stays exactly as it was.
      const cleared = await call(ineligible.cookie, 'PUT', ownRankingUrl(), { entries: [] })
      assert.equal(cleared.status, 409)
      assert.deepEqual(await storedRanking({ candidateId: ineligible.candidateId }), before)
      // Reading the own list still works (it shows what was saved before the check).
      const read = await call(ineligible.cookie, 'GET', ownRankingUrl())
      assert.equal(read.status, 200, read.text)
      assert.deepEqual(read.body.entries, before)
    })

    test('recommendations for a candidate found not eligible: 409 with the reasons in the asked language', async () => {
      const refused = await call(ineligible.cookie, 'GET', recommendationsUrl('vi'))
      assert.equal(refused.status, 409, refused.text)
      const { error } = refused.body as ErrorAnswer
      assert.equal(error.code, 'application_ineligible')
      assert.ok(error.issues && error.issues.length > 0)
      assert.match(error.issues.map((issue) => issue.message).join(' '), /[ạ-ỹđ]/u, 'written in Vietnamese')
      const fine = await call(eligible.cookie, 'GET', recommendationsUrl('ko'))
      assert.equal(fine.status, 200, fine.text)
      assert.ok(Array.isArray(fine.body) && fine.body.length > 0)
      assert.ok(typeof fine.body[0].text.headline === 'string' && fine.body[0].text.components.length > 0)
    })

    test('an eligible candidate ranks as before', async () => {
      const saved = await call(eligible.cookie, 'PUT', ownRankingUrl(), { entries: [positionIds[2]] })
      assert.equal(saved.status, 200, saved.text)
      assert.deepEqual(saved.body.entries, [positionIds[2]])
    })

    test('without an application in the running: 409 application_inactive, never 404', async () => {
      const registered = await t.app.inject({
        method: 'POST',
        url: '/api/register/candidate',
        payload: {
          name: 'Trần Minh Khoa',
          email: 'khoa.tran@example.vn',
          password: 'mật-khẩu-an-toàn-2027',
          locale: 'vi',
          consent: true,
        },
      })
      assert.equal(registered.statusCode, 201, registered.body)
      const cookie = [registered.headers['set-cookie']]
        .flat()
        .filter((c): c is string => typeof c === 'string')
        .map((c) => c.split(';')[0])
        .join('; ')
      for (const [method, url, payload] of [
        ['PUT', ownRankingUrl(), { entries: [positionIds[0]] }],
        ['GET', recommendationsUrl(), undefined],
      ] as const) {
        const response = await call(cookie, method, url, payload)
        assert.equal(response.status, 409, `${method} ${url}: ${response.text}`)
        assert.equal((response.body as ErrorAnswer).error.code, 'application_inactive')
        assert.match((response.body as ErrorAnswer).error.message, /not applied/)
      }
    })

    test('lists offered to companies leave out applicants found not eligible', async () => {
      const shortlist = await call(
        companyCookie,
        'GET',
        `/api/programs/${programId}/positions/${ownPositionId}/recommendations?k=200`,
      )
      assert.equal(shortlist.status, 200, shortlist.text)
      const offered = (shortlist.body.shortlist as { candidateId: string }[]).map((c) => c.candidateId)
      assert.ok(offered.length > 0)
      assert.deepEqual(
        offered.filter((id) => ineligibleApplicants.includes(id)),
        [],
      )
      for (const positionQuery of ['', `?positionId=${ownPositionId}`]) {
        const derived = await call(
          companyCookie,
          'GET',
          `${companyRankingUrl()}/score-derived${positionQuery}`,
        )
        assert.equal(derived.status, 200, derived.text)
        const ids = [
          ...(derived.body.entries as (string | string[])[]).flat(),
          ...(derived.body.fits as { candidateId: string }[]).map((fit) => fit.candidateId),
        ]
        assert.ok(ids.length > 0)
        assert.deepEqual(
          ids.filter((id) => ineligibleApplicants.includes(id)),
          [],
          `score-derived${positionQuery}`,
        )
      }
    })

    test('a company list naming an applicant found not eligible is refused with 409 naming the entry', async () => {
      const [first, second, third] = eligibleApplicants
      assert.ok(first && second && third)
      const saved = await call(companyCookie, 'PUT', companyRankingUrl(), { entries: [first, second] })
      assert.equal(saved.status, 200, saved.text)
      const target = ineligible.candidateId
      const refused = await call(companyCookie, 'PUT', companyRankingUrl(), {
        entries: [first, [second, third], target],
      })
      assert.equal(refused.status, 409, refused.text)
      const { error } = refused.body as ErrorAnswer
      assert.equal(error.code, 'application_ineligible')
      assert.match(error.message, new RegExp(`^ranking\\[2\\]: applicant ${target} is not eligible`))
      assert.deepEqual(error.issues, [
        { path: 'body.entries.2', message: `ranking[2]: applicant ${target} is not eligible` },
      ])
      // Inside a tie too, and by an operator ranking for the company, for one position: the entry is named.
      const tied = await call(operator, 'PUT', `${companyRankingUrl()}?positionId=${ownPositionId}`, {
        entries: [[first, target]],
      })
      assert.equal(tied.status, 409, tied.text)
      assert.equal((tied.body as ErrorAnswer).error.issues?.[0]?.path, 'body.entries.0')
      assert.deepEqual(await storedRanking({ companyId }), [first, second], 'the stored list is unchanged')

      // An id that is no applicant at all is bad input (400), named as before.
      const unknown = await call(companyCookie, 'PUT', companyRankingUrl(), {
        entries: [first, '00000000-0000-4000-8000-000000000001'],
      })
      assert.equal(unknown.status, 400, unknown.text)
      assert.equal((unknown.body as ErrorAnswer).error.code, 'validation_failed')
      assert.equal((unknown.body as ErrorAnswer).error.issues?.[0]?.path, 'body.entries.1')
    })

    test('a withdrawn applicant in a company list: 409 application_inactive naming the entry', async () => {
      const withdrawn = eligibleApplicants.at(-1)!
      await t.store.db
        .updateTable('application')
        .set({ status: 'withdrawn' })
        .where('programId', '=', programId)
        .where('candidateId', '=', withdrawn)
        .execute()
      const refused = await call(companyCookie, 'PUT', companyRankingUrl(), {
        entries: [eligibleApplicants[0], withdrawn],
      })
      assert.equal(refused.status, 409, refused.text)
      const { error } = refused.body as ErrorAnswer
      assert.equal(error.code, 'application_inactive')
      assert.deepEqual(error.issues, [
        { path: 'body.entries.1', message: `ranking[1]: applicant ${withdrawn} withdrew their application` },
      ])
      // Both kinds at once: the code says not eligible, and every entry is named.
      const both = await call(companyCookie, 'PUT', companyRankingUrl(), {
        entries: [withdrawn, ineligible.candidateId],
      })
      assert.equal(both.status, 409)
      assert.equal((both.body as ErrorAnswer).error.code, 'application_ineligible')
      assert.deepEqual(
        (both.body as ErrorAnswer).error.issues?.map((issue) => issue.path),
        ['body.entries.0', 'body.entries.1'],
      )
      assert.match((both.body as ErrorAnswer).error.message, /\(and 1 more\)/)
    })

    test('once an operator overrides the verdict to eligible, ranking works again on both sides', async () => {
      const override = await call(
        operator,
        'POST',
        `/api/applications/${ineligible.applicationId}/eligibility-override`,
        { isEligible: true, reason: 'Graduation certificate checked by hand' },
      )
      assert.equal(override.status, 200, override.text)
      const saved = await call(ineligible.cookie, 'PUT', ownRankingUrl(), { entries: [positionIds[4]] })
      assert.equal(saved.status, 200, saved.text)
      assert.deepEqual(saved.body.entries, [positionIds[4]])
      const recommended = await call(ineligible.cookie, 'GET', recommendationsUrl())
      assert.equal(recommended.status, 200, recommended.text)
      const company = await call(companyCookie, 'PUT', companyRankingUrl(), {
        entries: [ineligible.candidateId, eligibleApplicants[0]],
      })
      assert.equal(company.status, 200, company.text)

      // An override to not eligible says a person decided, and refuses again.
      const back = await call(
        operator,
        'POST',
        `/api/applications/${ineligible.applicationId}/eligibility-override`,
        { isEligible: false, reason: 'Visa status could not be confirmed' },
      )
      assert.equal(back.status, 200, back.text)
      const refused = await call(ineligible.cookie, 'PUT', ownRankingUrl(), { entries: [] })
      assert.equal(refused.status, 409)
      assert.equal((refused.body as ErrorAnswer).error.code, 'application_ineligible')
      assert.match((refused.body as ErrorAnswer).error.message, /the hub decided/)
      assert.ok(!(refused.body as ErrorAnswer).error.message.includes('Visa status could not be confirmed'))
      assert.deepEqual(await storedRanking({ candidateId: ineligible.candidateId }), [positionIds[4]])
    })

    test('the documented answers of the recommendations route are in the OpenAPI description', async () => {
      const docs = await t.app.inject({ method: 'GET', url: '/api/docs/json' })
      assert.equal(docs.statusCode, 200)
      const route = docs.json().paths['/api/me/programs/{programId}/recommendations'].get
      assert.ok(route.responses['200'] && route.responses['409'], Object.keys(route.responses).join())
      assert.match(route.description, /application_ineligible/)
    })
  })
