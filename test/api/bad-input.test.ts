import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { startTestApp, type TestApp } from '../support/test-app.ts'

/** A write route, who calls it, a valid body, and one string field to overflow. */
interface WriteCase {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  url: string
  role: 'operator' | 'candidate'
  body: Record<string, unknown>
  stringField: string
  /** A field whose value gets the wrong type. */
  typedField: string
  /** The route's own body limit, when it raises the default 1 MiB (CSV imports). */
  bodyLimitBytes?: number
  /** Status the valid body answers when the data is not in a state to accept it (e.g. 409), default < 300. */
  controlStatus?: number
  /** The route pattern covered, when the URL's parameter is not an id (e.g. a token). */
  route?: string
}

describe('bad input on every write route answers 400 naming the field and changes nothing', () => {
  let t: TestApp
  let cases: WriteCase[]
  const cookies = new Map<string, string>()

  /** A fingerprint of every table's contents (sessions excepted: reading one may refresh it). */
  async function fingerprint(): Promise<string> {
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not in ('auth_session')
      order by 1`.execute(t.store.db)
    const parts: string[] = []
    for (const { name } of tables.rows) {
      const row = await sql<{ digest: string | null }>`
        select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as digest from ${sql.table(name)} x`.execute(
        t.store.db,
      )
      parts.push(`${name}:${row.rows[0]?.digest}`)
    }
    return parts.join('\n')
  }

  before(async () => {
    t = await startTestApp()
    const login = (role: string) => t.demo.logins.find((l) => l.role === role)!.email
    cookies.set('operator', await t.signIn(login('operator')))
    cookies.set('candidate', await t.signIn(login('candidate')))
    const db = t.store.db
    const program = await db.selectFrom('program').select(['id', 'hubId']).executeTakeFirstOrThrow()
    // A second open call, so that the demo candidate (who applied to the demo program) can apply once more.
    const otherProgram = await db
      .insertInto('program')
      .values({
        hubId: program.hubId,
        kind: 'course',
        title: 'Second call',
        phase: 'call_open',
        capacity: 5,
        matchingConfig: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const company = await db.selectFrom('company').select('id').executeTakeFirstOrThrow()
    const position = await db.selectFrom('position').select('id').executeTakeFirstOrThrow()
    const candidate = await db.selectFrom('candidate').select('id').executeTakeFirstOrThrow()
    const keyedCompany = await db
      .selectFrom('company')
      .select('externalKey')
      .where('externalKey', 'is not', null)
      .executeTakeFirstOrThrow()
    const importBody = (content: string) => ({ fileName: 'import.csv', content })
    const application = await db
      .selectFrom('application')
      .select('id')
      .where('programId', '=', program.id)
      .executeTakeFirstOrThrow()
    const positionBody = {
      kind: 'internship',
      title: 'Computer vision intern',
      workMode: 'hybrid',
      location: 'Gwangju',
      capacity: 2,
      requiredSkills: [{ skill: 'pytorch', level: 3 }],
    }
    // The demo candidate login's own record: an application to withdraw and a notification to mark read.
    const ownCandidate = await db
      .selectFrom('roleGrant')
      .innerJoin('authUser', 'authUser.id', 'roleGrant.userId')
      .select(['roleGrant.candidateId', 'roleGrant.userId'])
      .where('authUser.email', '=', login('candidate'))
      .executeTakeFirstOrThrow()
    const withdrawProgram = await db
      .insertInto('program')
      .values({
        hubId: program.hubId,
        kind: 'mentoring',
        title: 'Withdrawable call',
        phase: 'call_open',
        capacity: 5,
        matchingConfig: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const ownApplication = await db
      .insertInto('application')
      .values({ programId: withdrawProgram.id, candidateId: ownCandidate.candidateId!, status: 'submitted' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const ownNotification = await db
      .insertInto('notification')
      .values({
        hubId: program.hubId,
        userId: ownCandidate.userId,
        email: login('candidate'),
        locale: 'vi',
        kind: 'welcome_candidate',
        subject: 'Chào mừng',
        body: 'Xin chào',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const candidateBody = {
      fullName: 'Nguyễn Demo',
      email: 'new-demo@example.org',
      nationality: 'VN',
      residenceCountry: 'VN',
      city: 'Hà Nội',
      timeZone: 'Asia/Ho_Chi_Minh',
      visaStatus: 'abroad',
    }
    // Invitations: one to accept (its token is known here), one to send again, one to revoke.
    const acceptToken = 'bad-input-invitation-token-0123456789abcdef' // 43 base64url characters
    const invitation = async (email: string, token: string) =>
      db
        .insertInto('invitation')
        .values({
          hubId: program.hubId,
          email,
          role: 'reviewer',
          locale: 'en',
          tokenSha256: createHash('sha256').update(token).digest('hex'),
          expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    await invitation('bad-input-accept@example.org', acceptToken)
    const toResend = await invitation('bad-input-resend@example.org', 'r'.repeat(43))
    const toRevoke = await invitation('bad-input-revoke@example.org', 's'.repeat(43))
    const reviewerGrant = await db
      .selectFrom('roleGrant')
      .select('id')
      .where('role', '=', 'reviewer')
      .executeTakeFirstOrThrow()
    cases = [
      {
        method: 'POST',
        url: '/api/invitations',
        role: 'operator',
        body: { email: 'bad-input-invitee@example.org', role: 'company', companyId: company.id },
        stringField: 'name',
        typedField: 'role',
      },
      {
        method: 'POST',
        url: `/api/invitations/${toResend.id}/resend`,
        role: 'operator',
        body: { locale: 'vi' },
        stringField: 'locale',
        typedField: 'locale',
      },
      {
        method: 'POST',
        url: `/api/invitations/${toRevoke.id}/revoke`,
        role: 'operator',
        body: {},
        stringField: 'note',
        typedField: 'note',
      },
      {
        method: 'POST',
        url: `/api/programs/${program.id}/invitations`,
        role: 'operator',
        body: { locale: 'ko' },
        stringField: 'locale',
        typedField: 'locale',
      },
      {
        method: 'DELETE',
        url: `/api/role-grants/${reviewerGrant.id}`,
        role: 'operator',
        body: {},
        stringField: 'note',
        typedField: 'note',
      },
      {
        // public: the cookie is ignored, the token authorises
        method: 'POST',
        url: '/api/invitations/accept',
        role: 'operator',
        body: { token: acceptToken, name: 'Bad Input', password: 'bad-input-password', locale: 'en' },
        stringField: 'name',
        typedField: 'hasConsented',
      },
      {
        method: 'POST',
        url: '/api/password-resets',
        role: 'operator',
        body: { email: 'nobody-bad-input@example.org' },
        stringField: 'email',
        typedField: 'email',
        controlStatus: 202,
      },
      {
        // public: the token in the path authorises; a well-formed unknown one answers 404
        method: 'POST',
        url: `/api/password-resets/${'b'.repeat(43)}`,
        route: 'POST /api/password-resets/:token',
        role: 'operator',
        body: { newPassword: 'bad-input-new-password' },
        stringField: 'newPassword',
        typedField: 'newPassword',
        controlStatus: 404,
      },
      {
        method: 'POST',
        url: '/api/me/privacy-requests',
        role: 'candidate',
        body: { kind: 'human_review', subject: 'eligibility:bad-input', note: 'please review' },
        stringField: 'note',
        typedField: 'kind',
        controlStatus: 201,
      },
      {
        method: 'POST',
        url: '/api/privacy-requests/00000000-0000-4000-8000-0000000000aa/answer',
        role: 'operator',
        body: { status: 'refused', answer: 'no such request' },
        stringField: 'answer',
        typedField: 'status',
        controlStatus: 404,
      },
      {
        method: 'POST',
        url: '/api/me/password',
        role: 'candidate',
        body: { currentPassword: t.demo.logins[0]!.password, newPassword: 'bad-input-new-password' },
        stringField: 'newPassword',
        typedField: 'currentPassword',
      },
      {
        method: 'PUT',
        url: '/api/me/locale',
        role: 'candidate',
        body: { locale: 'en' },
        stringField: 'locale',
        typedField: 'locale',
      },
      {
        method: 'PATCH',
        url: '/api/me/candidate',
        role: 'candidate',
        body: { city: 'Huế' },
        stringField: 'city',
        typedField: 'hoursPerWeek',
      },
      {
        method: 'POST',
        url: '/api/me/applications',
        role: 'candidate',
        body: { programId: otherProgram.id, motivation: 'I like robots' },
        stringField: 'motivation',
        typedField: 'programId',
      },
      {
        method: 'POST',
        url: '/api/register/candidate',
        role: 'candidate',
        body: {
          name: 'Trần Văn Minh',
          email: 'minh.self@example.vn',
          password: 'an-toàn-hơn-2027',
          locale: 'vi',
          consent: true,
        },
        stringField: 'name',
        typedField: 'consent',
        controlStatus: 201,
      },
      {
        method: 'POST',
        url: '/api/me/cv/extract',
        role: 'candidate',
        body: { text: 'Python, PyTorch, SQL; IELTS 7.0' },
        stringField: 'text',
        typedField: 'text',
      },
      {
        method: 'POST',
        url: `/api/me/applications/${ownApplication.id}/withdraw`,
        role: 'candidate',
        body: { reason: 'Đã nhận việc khác' },
        stringField: 'reason',
        typedField: 'reason',
      },
      {
        method: 'POST',
        url: `/api/me/notifications/${ownNotification.id}/read`,
        role: 'candidate',
        body: {},
        stringField: 'note',
        typedField: 'note',
      },
      {
        method: 'POST',
        url: '/api/candidates',
        role: 'operator',
        body: candidateBody,
        stringField: 'fullName',
        typedField: 'skills',
      },
      {
        method: 'PATCH',
        url: `/api/candidates/${candidate.id}`,
        role: 'operator',
        body: { city: 'Đà Nẵng' },
        stringField: 'city',
        typedField: 'languages',
      },
      {
        method: 'POST',
        url: '/api/companies',
        role: 'operator',
        body: { name: 'New Demo Co', domain: 'MLOps', size: '1-9', location: 'Seoul' },
        stringField: 'name',
        typedField: 'size',
      },
      {
        method: 'PATCH',
        url: `/api/companies/${company.id}`,
        role: 'operator',
        body: { name: 'Renamed' },
        stringField: 'name',
        typedField: 'website',
      },
      {
        method: 'POST',
        url: `/api/companies/${company.id}/positions`,
        role: 'operator',
        body: positionBody,
        stringField: 'title',
        typedField: 'capacity',
      },
      {
        method: 'PATCH',
        url: `/api/positions/${position.id}`,
        role: 'operator',
        body: { title: 'Renamed' },
        stringField: 'title',
        typedField: 'capacity',
      },
      {
        method: 'POST',
        url: '/api/programs',
        role: 'operator',
        body: { kind: 'course', title: 'LLM course', capacity: 30 },
        stringField: 'title',
        typedField: 'capacity',
      },
      {
        method: 'PATCH',
        url: `/api/programs/${program.id}`,
        role: 'operator',
        body: { title: 'Renamed' },
        stringField: 'title',
        typedField: 'phase',
      },
      {
        method: 'POST',
        url: `/api/programs/${program.id}/positions`,
        role: 'operator',
        body: { positionIds: [position.id] },
        stringField: 'positionIds',
        typedField: 'positionIds',
      },
      {
        method: 'PUT',
        url: `/api/programs/${otherProgram.id}/positions`,
        role: 'operator',
        body: { positions: [{ positionId: position.id, seats: 3 }] },
        stringField: 'positions',
        typedField: 'positions',
      },
      {
        method: 'PUT',
        url: `/api/me/programs/${program.id}/ranking`,
        role: 'candidate',
        body: { entries: [position.id] },
        stringField: 'entries',
        typedField: 'entries',
      },
      {
        method: 'PUT',
        url: `/api/programs/${program.id}/companies/${company.id}/ranking`,
        role: 'operator',
        body: { entries: [candidate.id] },
        stringField: 'entries',
        typedField: 'entries',
      },
      {
        method: 'POST',
        url: '/api/me/notifications/read',
        role: 'candidate',
        body: {},
        stringField: 'note',
        typedField: 'note',
      },
      {
        method: 'POST',
        url: `/api/programs/${program.id}/match-runs`,
        role: 'operator',
        body: { mechanism: 'candidate-proposing', seed: 7 },
        stringField: 'mechanism',
        typedField: 'seed',
        controlStatus: 409, // the demo program's rank lists are not frozen yet
      },
      {
        method: 'POST',
        url: `/api/match-runs/${program.id}/publish`,
        role: 'operator',
        body: {},
        stringField: 'note',
        typedField: 'note',
        controlStatus: 404, // no run with that id
      },
      {
        method: 'POST',
        url: `/api/match-runs/${program.id}/rerun`,
        role: 'operator',
        body: {},
        stringField: 'note',
        typedField: 'note',
        controlStatus: 404,
      },
      {
        method: 'POST',
        url: `/api/me/placements/${program.id}/response`,
        role: 'candidate',
        body: { decision: 'accept' },
        stringField: 'decision',
        typedField: 'decision',
        controlStatus: 404, // no offer with that id
      },
      {
        method: 'PUT',
        url: `/api/programs/${program.id}/eligibility-rules`,
        role: 'operator',
        body: { rules: [{ id: 'hours', kind: 'min_hours', hoursPerWeek: 10 }] },
        stringField: 'rules',
        typedField: 'rules',
      },
      {
        method: 'POST',
        url: `/api/programs/${program.id}/eligibility-check`,
        role: 'operator',
        body: { referenceDate: '2027-04-05' },
        stringField: 'referenceDate',
        typedField: 'referenceDate',
      },
      {
        method: 'POST',
        url: `/api/applications/${application.id}/eligibility-override`,
        role: 'operator',
        body: { isEligible: false, reason: 'Enrolment letter checked' },
        stringField: 'reason',
        typedField: 'isEligible',
      },
      {
        // After the override case above, so that the control has an override to remove.
        method: 'POST',
        url: `/api/applications/${application.id}/eligibility-override/clear`,
        role: 'operator',
        body: { reason: 'Overridden by mistake' },
        stringField: 'reason',
        typedField: 'reason',
      },
      {
        method: 'POST',
        url: `/api/programs/${program.id}/eligibility-rules/preview`,
        role: 'operator',
        body: { rules: [{ kind: 'min_hours', hoursPerWeek: 10 }], referenceDate: '2027-04-05' },
        stringField: 'rules',
        typedField: 'referenceDate',
      },
      {
        method: 'POST',
        url: '/api/imports/candidates',
        role: 'operator',
        body: importBody(
          '\ufeffexternal_key,full_name,email,nationality,residence_country,city,time_zone,visa_status\r\n' +
            'bad-input-cand,Nguyễn Nhập,nhap@example.org,VN,VN,Hà Nội,Asia/Ho_Chi_Minh,abroad\r\n',
        ),
        stringField: 'fileName',
        typedField: 'content',
        bodyLimitBytes: 12 * 1024 * 1024,
      },
      {
        method: 'POST',
        url: '/api/imports/companies',
        role: 'operator',
        body: importBody(
          'external_key,name,domain,size,location\r\nbad-input-co,입력 주식회사,NLP,1-9,광주\r\n',
        ),
        stringField: 'fileName',
        typedField: 'content',
        bodyLimitBytes: 12 * 1024 * 1024,
      },
      {
        method: 'POST',
        url: '/api/imports/positions',
        role: 'operator',
        body: importBody(
          'external_key,company_key,kind,title,work_mode,location,capacity\r\n' +
            `bad-input-pos,${keyedCompany.externalKey},internship,입력 인턴,remote,광주,1\r\n`,
        ),
        stringField: 'fileName',
        typedField: 'content',
        bodyLimitBytes: 12 * 1024 * 1024,
      },
    ]
  })
  after(async () => {
    await t.close()
  })

  test('every write route of the API is covered here', () => {
    const writes = t.app.routeTable
      .filter(
        (route) =>
          ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method) && !route.url.startsWith('/api/auth'),
      )
      .map((route) => `${route.method} ${route.url}`)
      .sort()
    const covered = new Set(
      cases.map((c) => c.route ?? `${c.method} ${c.url.replace(/[0-9a-f-]{36}/g, ':id')}`),
    )
    for (const write of writes) {
      const shape = write.replace(/:[a-zA-Z]+Id/g, ':id')
      assert.ok(covered.has(shape), `no bad-input case for ${write}`)
    }
  })

  test('malformed JSON, wrong types, unknown fields and oversized strings', async () => {
    const before = await fingerprint()
    for (const c of cases) {
      const headers = { cookie: cookies.get(c.role)!, 'content-type': 'application/json' }
      const send = (payload: string) => t.app.inject({ method: c.method, url: c.url, headers, payload })
      const label = `${c.method} ${c.url}`

      const malformed = await send('{"broken": ')
      assert.equal(malformed.statusCode, 400, `${label} malformed: ${malformed.body}`)
      assert.equal(malformed.json().error.code, 'bad_request')
      assert.ok(!malformed.body.includes('at '), 'no stack trace')

      const wrongType = await send(JSON.stringify({ ...c.body, [c.typedField]: { nested: true } }))
      assert.equal(wrongType.statusCode, 400, `${label} wrong type: ${wrongType.body}`)
      assert.ok(
        wrongType
          .json()
          .error.issues.some((i: { path: string }) => i.path.startsWith(`body.${c.typedField}`)),
        `${label} names ${c.typedField}: ${wrongType.body}`,
      )

      const unknown = await send(JSON.stringify({ ...c.body, isAdmin: true }))
      assert.equal(unknown.statusCode, 400, `${label} unknown field: ${unknown.body}`)
      assert.ok(
        unknown.json().error.issues.some((i: { path: string }) => i.path.includes('isAdmin')),
        `${label}: ${unknown.body}`,
      )

      const big = 'x'.repeat(30_000)
      const oversized = await send(
        JSON.stringify({ ...c.body, [c.stringField]: Array.isArray(c.body[c.stringField]) ? [big] : big }),
      )
      assert.equal(oversized.statusCode, 400, `${label} oversized: ${oversized.body}`)
      assert.ok(
        oversized
          .json()
          .error.issues.some((i: { path: string }) => i.path.startsWith(`body.${c.stringField}`)),
        `${label} names ${c.stringField}: ${oversized.body}`,
      )

      const limit = c.bodyLimitBytes ?? 1024 * 1024
      const huge = await send(JSON.stringify({ ...c.body, padding: 'y'.repeat(limit + 1024 * 1024) }))
      assert.equal(huge.statusCode, 413, `${label} body over the limit`)
    }
    assert.equal(await fingerprint(), before, 'nothing stored changed')
  })

  test('a valid write after all that still works (controls that the cases are otherwise valid)', async () => {
    for (const c of cases) {
      const response = await t.app.inject({
        method: c.method,
        url: c.url,
        headers: { cookie: cookies.get(c.role)! },
        payload: c.body,
      })
      if (c.controlStatus !== undefined)
        assert.equal(response.statusCode, c.controlStatus, `${c.method} ${c.url}: ${response.body}`)
      else
        assert.ok(response.statusCode < 300, `${c.method} ${c.url}: ${response.statusCode} ${response.body}`)
    }
  })
})
