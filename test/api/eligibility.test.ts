import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { EligibilityVerdict } from '../../src/domain/index.ts'
import { DEMO_ELIGIBILITY_RULES } from '../../src/services/eligibility/index.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

type Role = 'operator' | 'reviewer' | 'company' | 'candidate'

describe('eligibility: rules, checks, overrides and verdicts through the API', () => {
  let t: TestApp
  let programId: string
  const cookies = new Map<Role, string>()

  const call = (role: Role, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: cookies.get(role)! },
      ...(payload !== undefined && { payload: payload as object }),
    })
  const applications = () =>
    t.store.db
      .selectFrom('application')
      .select(['id', 'status', 'eligibility', 'overrideReason', 'overriddenBy'])
      .where('programId', '=', programId)
      .orderBy('id')
      .execute()

  before(async () => {
    t = await startTestApp()
    for (const role of ['operator', 'reviewer', 'company', 'candidate'] as const) {
      cookies.set(role, await t.signIn(t.demo.logins.find((login) => login.role === role)!.email))
    }
    programId = (await t.store.db.selectFrom('program').select('id').executeTakeFirstOrThrow()).id
  })
  after(async () => {
    await t.close()
  })

  test('an operator saves the rules; every participant reads them with text in their language', async () => {
    const saved = await call('operator', 'PUT', `/api/programs/${programId}/eligibility-rules?locale=ko`, {
      rules: DEMO_ELIGIBILITY_RULES,
    })
    assert.equal(saved.statusCode, 200, saved.body)
    assert.equal(saved.json().rules.length, DEMO_ELIGIBILITY_RULES.length)
    assert.equal(saved.json().rules[0].text, '대학 재학 중이거나 졸업 후 12개월 이내')
    const stored = await t.store.db
      .selectFrom('program')
      .select('eligibilityRules')
      .where('id', '=', programId)
      .executeTakeFirstOrThrow()
    assert.deepEqual(stored.eligibilityRules, DEMO_ELIGIBILITY_RULES)

    for (const role of ['company', 'candidate', 'reviewer'] as const) {
      const read = await call(role, 'GET', `/api/programs/${programId}/eligibility-rules?locale=vi`)
      assert.equal(read.statusCode, 200, `${role}: ${read.body}`)
      assert.equal(read.json().locale, 'vi')
      assert.deepEqual(
        read.json().rules.map((entry: { rule: unknown }) => entry.rule),
        DEMO_ELIGIBILITY_RULES,
      )
      assert.equal(read.json().rules[1].text, 'Tiếng Anh trình độ B1 trở lên')
    }
    // Without ?locale= the operator (a Korean-speaking login) reads Korean.
    const own = await call('operator', 'GET', `/api/programs/${programId}/eligibility-rules`)
    assert.equal(own.json().locale, 'ko')
  })

  test('bad rule bodies answer 400 naming the field, and store nothing', async () => {
    const url = `/api/programs/${programId}/eligibility-rules`
    const cases: [unknown, string][] = [
      [{ rules: [{ kind: 'be_nice' }] }, 'body.rules.0.kind'],
      [{ rules: [{ kind: 'enrolled_or_recent_graduate', months: -3 }] }, 'body.rules.0.months'],
      [{ rules: [{ kind: 'enrolled_or_recent_graduate', months: 12, code: 'return true' }] }, 'body.rules.0'],
      [{ rules: [{ kind: 'nationality_in', countries: ['vn'] }] }, 'body.rules.0.countries.0'],
      [{ rules: [{ kind: 'language_min', language: 'English', level: 'B1' }] }, 'body.rules.0.language'],
      [{ rules: [{ kind: 'visa_allowed', statuses: ['F-6'] }] }, 'body.rules.0.statuses.0'],
      [{ rules: [{ kind: 'available_from_by', date: '2027-02-30' }] }, 'body.rules.0.date'],
      [
        {
          rules: [
            { id: 'hours', kind: 'min_hours', hoursPerWeek: 10 },
            { id: 'hours', kind: 'd2_max_hours', hoursPerWeek: 25 },
          ],
        },
        'body.rules.1.id',
      ],
      [{ rules: 'everyone' }, 'body.rules'],
    ]
    for (const [payload, path] of cases) {
      const response = await call('operator', 'PUT', url, payload)
      assert.equal(response.statusCode, 400, `${JSON.stringify(payload)}: ${response.body}`)
      const issues: { path: string }[] = response.json().error.issues
      assert.ok(
        issues.some((issue) => issue.path.startsWith(path)),
        `${JSON.stringify(payload)} names ${path}: ${response.body}`,
      )
    }
    const stored = await t.store.db
      .selectFrom('program')
      .select('eligibilityRules')
      .where('id', '=', programId)
      .executeTakeFirstOrThrow()
    assert.deepEqual(stored.eligibilityRules, DEMO_ELIGIBILITY_RULES)
  })

  test('a check marks every demo applicant eligible or ineligible with a reason per rule', async () => {
    const response = await call('operator', 'POST', `/api/programs/${programId}/eligibility-check`, {
      referenceDate: '2027-04-05',
    })
    assert.equal(response.statusCode, 200, response.body)
    const summary = response.json()
    const rows = await applications()
    assert.equal(summary.checked, rows.length)
    assert.equal(summary.referenceDate, '2027-04-05')
    assert.deepEqual([summary.programStart, summary.programEnd], ['2027-07-05', '2027-12-24'])
    assert.ok(summary.eligible > 0 && summary.ineligible > 0, JSON.stringify(summary))
    assert.equal(summary.eligible + summary.ineligible, summary.checked)
    assert.equal(summary.overridden, 0)
    const codes = new Set<string>()
    for (const row of rows) {
      const verdict = row.eligibility as EligibilityVerdict
      assert.equal(verdict.reasons.length, DEMO_ELIGIBILITY_RULES.length)
      assert.equal(row.status, verdict.isEligible ? 'eligible' : 'ineligible')
      assert.equal(
        verdict.isEligible,
        verdict.reasons.every((reason) => reason.isMet),
      )
      for (const reason of verdict.reasons) if (!reason.isMet) codes.add(reason.code)
    }
    // The demo applicants include graduates of 2025, who are more than 12 months out on 2027-04-05.
    assert.ok(codes.has('graduated_too_long_ago'), [...codes].join(', '))
    const audit = await t.store.db
      .selectFrom('auditLog')
      .select('detail')
      .where('entityType', '=', 'application')
      .where('action', '=', 'update')
      .execute()
    assert.ok(audit.some((row) => row.detail.eligibilityCheck === rows.length))
  })

  test('operators and reviewers list verdicts with text; the default reference date is the timeline day', async () => {
    for (const role of ['operator', 'reviewer'] as const) {
      const list = await call(role, 'GET', `/api/programs/${programId}/eligibility?locale=en`)
      assert.equal(list.statusCode, 200, list.body)
      const first = list.json()[0]
      assert.ok(first.fullName)
      assert.match(first.verdict.reasons[0].text, /^[A-Z]/)
    }
    const again = await call('operator', 'POST', `/api/programs/${programId}/eligibility-check`, {})
    assert.equal(again.json().referenceDate, '2027-04-05', 'the demo timeline’s eligibility_check day')
  })

  test('a candidate reads their own verdict with reasons in Vietnamese', async () => {
    const response = await call('candidate', 'GET', `/api/me/programs/${programId}/eligibility?locale=vi`)
    assert.equal(response.statusCode, 200, response.body)
    const own = response.json()
    assert.equal(own.locale, 'vi')
    assert.equal(own.isOverridden, false)
    assert.equal(own.status, own.verdict.isEligible ? 'eligible' : 'ineligible')
    assert.equal(own.verdict.reasons.length, DEMO_ELIGIBILITY_RULES.length)
    for (const reason of own.verdict.reasons) {
      assert.match(reason.text, /[ăâđêôơưàảãáạèẻẽéẹìỉĩíịòỏõóọùủũúụỳỷỹýỵ]/iu, reason.text)
    }
    assert.ok(!('overrideReason' in own), 'the operator’s note stays internal')
    const english = await call('candidate', 'GET', `/api/me/programs/${programId}/eligibility?locale=en`)
    assert.notEqual(english.json().verdict.reasons[0].text, own.verdict.reasons[0].text)
  })

  test('an override is recorded with its reason and kept by the next check', async () => {
    const target = (await applications()).find((row) => row.status === 'ineligible')!
    const tooShort = await call('operator', 'POST', `/api/applications/${target.id}/eligibility-override`, {
      isEligible: true,
      reason: 'ok',
    })
    assert.equal(tooShort.statusCode, 400)
    assert.ok(tooShort.json().error.issues.some((issue: { path: string }) => issue.path === 'body.reason'))
    const missing = await call('operator', 'POST', `/api/applications/${target.id}/eligibility-override`, {
      isEligible: true,
    })
    assert.equal(missing.statusCode, 400)

    const reason = 'Enrolment letter for 2027 received by e-mail; profile not yet updated.'
    const response = await call('operator', 'POST', `/api/applications/${target.id}/eligibility-override`, {
      isEligible: true,
      reason,
    })
    assert.equal(response.statusCode, 200, response.body)
    assert.equal(response.json().status, 'eligible')
    const operator = await t.store.db
      .selectFrom('authUser')
      .select('id')
      .where('email', '=', t.demo.logins.find((login) => login.role === 'operator')!.email)
      .executeTakeFirstOrThrow()
    let row = (await applications()).find((r) => r.id === target.id)!
    assert.deepEqual([row.status, row.overrideReason, row.overriddenBy], ['eligible', reason, operator.id])
    const audit = await t.store.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityId', '=', target.id)
      .where('action', '=', 'update')
      .execute()
    assert.ok(audit.some((entry) => entry.detail.reason === reason && entry.actorUserId === operator.id))

    const recheck = await call('operator', 'POST', `/api/programs/${programId}/eligibility-check`, {
      referenceDate: '2027-04-05',
    })
    assert.equal(recheck.json().overridden, 1)
    row = (await applications()).find((r) => r.id === target.id)!
    assert.equal(row.status, 'eligible', 'the override survives the re-check')
    assert.equal(
      (row.eligibility as EligibilityVerdict).isEligible,
      false,
      'the rules’ own verdict is refreshed',
    )

    const unknown = await call(
      'operator',
      'POST',
      '/api/applications/00000000-0000-4000-8000-000000000000/eligibility-override',
      { isEligible: false, reason },
    )
    assert.equal(unknown.statusCode, 404)
  })

  test('the override shows who decided and when; removing it needs a reason and restores the rules’ verdict', async () => {
    const list = await call('operator', 'GET', `/api/programs/${programId}/eligibility?locale=en`)
    const overridden = list.json().filter((entry: { isOverridden: boolean }) => entry.isOverridden)
    assert.equal(overridden.length, 1)
    const entry = overridden[0]
    assert.equal(entry.overriddenByName, t.demo.logins.find((login) => login.role === 'operator')!.name)
    assert.ok(Date.now() - Date.parse(entry.overriddenAt) < 60_000, entry.overriddenAt)
    const plain = list.json().find((item: { isOverridden: boolean }) => !item.isOverridden)
    assert.deepEqual([plain.overriddenByName, plain.overriddenAt], [null, null])

    const url = `/api/applications/${entry.applicationId}/eligibility-override/clear`
    const noReason = await call('operator', 'POST', url, { reason: ' ' })
    assert.equal(noReason.statusCode, 400)
    assert.ok(noReason.json().error.issues.some((issue: { path: string }) => issue.path === 'body.reason'))
    for (const role of ['reviewer', 'company', 'candidate'] as const) {
      const refused = await call(role, 'POST', url, { reason: 'not mine to change' })
      assert.equal(refused.statusCode, 403, `${role}: ${refused.body}`)
    }
    const cleared = await call('operator', 'POST', url, { reason: 'The letter was for another program.' })
    assert.equal(cleared.statusCode, 200, cleared.body)
    assert.deepEqual(
      [cleared.json().status, cleared.json().isOverridden, cleared.json().overriddenAt],
      ['ineligible', false, null],
      'back to what the rules say',
    )
    const row = (await applications()).find((r) => r.id === entry.applicationId)!
    assert.deepEqual([row.status, row.overrideReason, row.overriddenBy], ['ineligible', null, null])
    const audit = await t.store.db
      .selectFrom('auditLog')
      .select('detail')
      .where('entityId', '=', entry.applicationId)
      .execute()
    assert.ok(audit.some((a) => a.detail.reason === 'The letter was for another program.'))
    const again = await call('operator', 'POST', url, { reason: 'twice' })
    assert.equal(again.statusCode, 409, 'nothing left to remove')

    // Override once more so that the later tests see one override, as before.
    const restored = await call(
      'operator',
      'POST',
      `/api/applications/${entry.applicationId}/eligibility-override`,
      {
        isEligible: true,
        reason: 'Enrolment letter for 2027 received by e-mail; profile not yet updated.',
      },
    )
    assert.equal(restored.statusCode, 200, restored.body)
    assert.equal(restored.json().isOverridden, true)
  })

  test('a rule-set preview shows sentences and the effect of a change, and stores nothing', async () => {
    const before = await applications()
    const storedRules = async () =>
      (
        await t.store.db
          .selectFrom('program')
          .select('eligibilityRules')
          .where('id', '=', programId)
          .executeTakeFirstOrThrow()
      ).eligibilityRules
    const rulesBefore = await storedRules()
    const url = `/api/programs/${programId}/eligibility-rules/preview?locale=vi`
    const same = await call('operator', 'POST', url, {
      rules: DEMO_ELIGIBILITY_RULES,
      referenceDate: '2027-04-05',
    })
    assert.equal(same.statusCode, 200, same.body)
    assert.equal(same.json().rules[1].text, 'Tiếng Anh trình độ B1 trở lên')
    const impact = same.json().impact
    assert.equal(impact.changed, 0, 'the stored rules change nothing')
    assert.equal(impact.checked, before.filter((row) => row.status !== 'withdrawn').length)
    assert.equal(impact.overridden, 1)

    // Dropping the graduation rule lets the recent-graduate cut-off go: some ineligible become eligible.
    const looser = await call('operator', 'POST', url, {
      rules: DEMO_ELIGIBILITY_RULES.slice(1),
      referenceDate: '2027-04-05',
    })
    assert.equal(looser.statusCode, 200, looser.body)
    const loose = looser.json().impact
    assert.ok(loose.becomeEligible > 0, JSON.stringify(loose))
    assert.equal(loose.becomeIneligible, 0)
    assert.equal(loose.changed, loose.becomeEligible)
    assert.equal(loose.eligible, impact.eligible + loose.becomeEligible)

    const bad = await call('operator', 'POST', url, { rules: [{ kind: 'min_hours', hoursPerWeek: 0 }] })
    assert.equal(bad.statusCode, 400)
    assert.ok(
      bad.json().error.issues.some((issue: { path: string }) => issue.path === 'body.rules.0.hoursPerWeek'),
      bad.body,
    )
    for (const role of ['reviewer', 'company', 'candidate'] as const) {
      const refused = await call(role, 'POST', url, { rules: [] })
      assert.equal(refused.statusCode, 403, `${role}: ${refused.body}`)
    }
    assert.deepEqual(await applications(), before, 'no application changed')
    assert.deepEqual(await storedRules(), rulesBefore, 'the stored rules are unchanged')
  })

  test('a candidate who did not apply gets 404', async () => {
    const hub = await t.store.db.selectFrom('hub').select('id').executeTakeFirstOrThrow()
    const other = await t.store.db
      .insertInto('program')
      .values({
        hubId: hub.id,
        kind: 'course',
        title: 'Other',
        phase: 'call_open',
        capacity: 1,
        matchingConfig: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const response = await call('candidate', 'GET', `/api/me/programs/${other.id}/eligibility`)
    assert.equal(response.statusCode, 404, response.body)
  })

  test('only operators change rules, run checks or override; companies never see verdicts', async () => {
    const application = (await applications())[0]!
    const before = await applications()
    const writes = [
      ['PUT', `/api/programs/${programId}/eligibility-rules`, { rules: [] }],
      ['POST', `/api/programs/${programId}/eligibility-check`, {}],
      [
        'POST',
        `/api/applications/${application.id}/eligibility-override`,
        { isEligible: false, reason: 'nope' },
      ],
    ] as const
    for (const role of ['reviewer', 'company', 'candidate'] as const) {
      for (const [method, url, payload] of writes) {
        const response = await call(role, method, url, payload)
        assert.equal(response.statusCode, 403, `${role} ${method} ${url}: ${response.body}`)
      }
    }
    for (const role of ['company', 'candidate'] as const) {
      const list = await call(role, 'GET', `/api/programs/${programId}/eligibility`)
      assert.equal(list.statusCode, 403, `${role}: ${list.body}`)
    }
    for (const role of ['operator', 'reviewer', 'company'] as const) {
      const own = await call(role, 'GET', `/api/me/programs/${programId}/eligibility`)
      assert.equal(own.statusCode, 403, `${role}: ${own.body}`)
    }
    const companyList = await call('company', 'GET', `/api/programs/${programId}/applications`)
    assert.equal(companyList.statusCode, 200)
    assert.ok(!companyList.body.includes('"reasons"'), 'the application list carries no verdicts')
    assert.deepEqual(await applications(), before, 'nothing changed')
  })
})
