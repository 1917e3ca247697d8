import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { type Method, startTestApp, type TestApp } from '../support/test-app.ts'

const PASSWORD = 'mật-khẩu-an-toàn-2027'

/** A valid registration body for `email`. */
const registration = (email: string, overrides: Record<string, unknown> = {}) => ({
  name: 'Nguyễn Thị Lan',
  email,
  password: PASSWORD,
  locale: 'vi',
  consent: true,
  timeZone: 'Asia/Ho_Chi_Minh',
  ...overrides,
})

const CV_TEXT = `Nguyễn Thị Lan
Sinh viên năm cuối ngành Khoa học máy tính, Đại học Bách khoa Hà Nội (dự kiến tốt nghiệp 06/2027).
Kỹ năng: Python, PyTorch, xử lý ngôn ngữ tự nhiên, SQL, Docker.
Tiếng Anh IELTS 7.0. Tiếng Việt là tiếng mẹ đẻ.
2 năm kinh nghiệm làm thực tập sinh học máy tại FPT Software.`

describe('candidate self-service: sign-up, profile, CV, apply, eligibility, withdraw, notifications', () => {
  let t: TestApp
  let cookie: string
  let programId: string

  const call = (
    method: Method,
    url: string,
    payload?: object,
    options: { cookie?: string; remoteAddress?: string } = {},
  ) => t.call(options.cookie ?? null, method, url, payload, options)
  const issuePaths = (body: { error?: { issues?: { path: string }[] } }) =>
    (body.error?.issues ?? []).map((issue) => issue.path)
  const count = async (table: 'authUser' | 'candidate' | 'consent' | 'roleGrant') =>
    Number(
      (
        await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  before(async () => {
    t = await startTestApp()
    programId = (await t.store.db.selectFrom('program').select('id').executeTakeFirstOrThrow()).id
  })
  after(async () => {
    await t.close()
  })

  test('sign-up creates login, candidate role, empty profile and consent in one go, and signs in', async () => {
    const users = await count('authUser')
    const response = await call('POST', '/api/register/candidate', registration('Lan.Nguyen@Example.VN'))
    assert.equal(response.status, 201, response.text)
    assert.equal(response.body.isSignedIn, true)
    const cookies = [response.headers['set-cookie']].flat().filter((c): c is string => typeof c === 'string')
    assert.ok(
      cookies.some((c) => c.includes('session_token') && /HttpOnly/i.test(c)),
      cookies.join('\n'),
    )
    cookie = cookies.map((c) => c.split(';')[0]).join('; ')

    const me = await call('GET', '/api/me', undefined, { cookie })
    assert.equal(me.status, 200, me.text)
    assert.equal(me.body.email, 'lan.nguyen@example.vn', 'the address is stored in lower case')
    assert.equal(me.body.locale, 'vi')
    assert.deepEqual(
      me.body.grants.map((grant: { role: string }) => grant.role),
      ['candidate'],
    )
    assert.equal(me.body.grants[0].candidateId, response.body.candidateId)
    assert.equal(await count('authUser'), users + 1)

    const consent = await t.store.db
      .selectFrom('consent')
      .selectAll()
      .where('userId', '=', response.body.userId)
      .executeTakeFirstOrThrow()
    assert.equal(consent.purpose, 'personal_data_processing')
    assert.equal(consent.locale, 'vi')
    assert.ok(Date.now() - consent.grantedAt.getTime() < 60_000, 'consent is recorded with its time')

    const profile = await call('GET', '/api/me/candidate', undefined, { cookie })
    assert.equal(profile.status, 200, profile.text)
    assert.equal(profile.body.fullName, 'Nguyễn Thị Lan')
    assert.equal(profile.body.timeZone, 'Asia/Ho_Chi_Minh')
    assert.equal(profile.body.isProfileComplete, false)
    assert.deepEqual(profile.body.missingFields, ['nationality', 'residenceCountry', 'city', 'visaStatus'])
    assert.equal(profile.body.profileCompletedAt, null)

    const audit = await t.store.db
      .selectFrom('auditLog')
      .select(['action', 'entityType'])
      .where('actorUserId', '=', response.body.userId)
      .execute()
    for (const entityType of ['user', 'candidate', 'consent'])
      assert.ok(
        audit.some((row) => row.action === 'create' && row.entityType === entityType),
        `audited: create ${entityType}`,
      )

    const inbox = await call('GET', '/api/me/notifications/summary', undefined, { cookie })
    assert.equal(inbox.status, 200, inbox.text)
    assert.equal(inbox.body.unread, 1)
    assert.equal(inbox.body.latest[0].subject, 'Chào mừng bạn đến với Ieum')
  })

  test('a taken e-mail answers 409 naming body.email, whatever its case, and creates nothing', async () => {
    const users = await count('authUser')
    const candidates = await count('candidate')
    const response = await call('POST', '/api/register/candidate', registration(' LAN.NGUYEN@example.vn '))
    assert.equal(response.status, 409, response.text)
    assert.equal(response.body.error.code, 'conflict')
    assert.deepEqual(issuePaths(response.body), ['body.email'])
    const demo = t.demo.logins[0]!.email
    const demoTaken = await call('POST', '/api/register/candidate', registration(demo))
    assert.equal(demoTaken.status, 409)
    assert.equal(await count('authUser'), users)
    assert.equal(await count('candidate'), candidates)
  })

  test('bad fields are each named; consent is required; nothing is stored', async () => {
    const before = await Promise.all([
      count('authUser'),
      count('candidate'),
      count('consent'),
      count('roleGrant'),
    ])
    const cases: [Record<string, unknown>, string[]][] = [
      [{ name: '   ' }, ['body.name']],
      [{ email: 'not-an-address' }, ['body.email']],
      [{ password: 'short' }, ['body.password']],
      [{ password: 'same@example.org', email: 'same@example.org' }, ['body.password']],
      [{ locale: 'fr' }, ['body.locale']],
      [{ consent: false }, ['body.consent']],
      [{ consent: undefined }, ['body.consent']],
      [{ timeZone: 'not a zone!' }, ['body.timeZone']],
      [{ name: '', email: 'x', password: '' }, ['body.name', 'body.email', 'body.password']],
    ]
    for (const [overrides, paths] of cases) {
      const response = await call(
        'POST',
        '/api/register/candidate',
        registration('new@example.org', overrides),
      )
      assert.equal(response.status, 400, `${JSON.stringify(overrides)}: ${response.text}`)
      assert.deepEqual(issuePaths(response.body).sort(), [...paths].sort(), JSON.stringify(overrides))
    }
    const consent = await call(
      'POST',
      '/api/register/candidate',
      registration('new@example.org', { consent: false }),
    )
    assert.match(consent.body.error.issues[0].message, /consent/i)
    const unknown = await call('POST', '/api/register/candidate', {
      ...registration('new@example.org'),
      role: 'operator',
    })
    assert.equal(unknown.status, 400)
    assert.ok(issuePaths(unknown.body).includes('body.role'))
    const after = await Promise.all([
      count('authUser'),
      count('candidate'),
      count('consent'),
      count('roleGrant'),
    ])
    assert.deepEqual(after, before)
  })

  test('registration is rate limited per client address like sign-in', async () => {
    const remoteAddress = '198.51.100.23'
    for (let i = 0; i < 30; i++) {
      const response = await call('POST', '/api/register/candidate', { consent: false }, { remoteAddress })
      assert.equal(response.status, 400)
    }
    const limited = await call('POST', '/api/register/candidate', registration('limited@example.org'), {
      remoteAddress,
    })
    assert.equal(limited.status, 429, limited.text)
    assert.equal(limited.body.error.code, 'rate_limited')
    const otherClient = await call(
      'POST',
      '/api/register/candidate',
      { consent: false },
      { remoteAddress: '198.51.100.24' },
    )
    assert.equal(otherClient.status, 400, 'another address is not affected')
  })

  test('a pasted CV pre-fills skills, languages and education, and stores nothing', async () => {
    const stored = await call('GET', '/api/me/candidate', undefined, { cookie })
    const response = await call('POST', '/api/me/cv/extract', { text: CV_TEXT }, { cookie })
    assert.equal(response.status, 200, response.text)
    const skills = response.body.skills.map((entry: { skill: string }) => entry.skill)
    for (const skill of ['python', 'pytorch', 'nlp', 'sql', 'docker'])
      assert.ok(skills.includes(skill), skills.join())
    const pytorch = response.body.skills.find((entry: { skill: string }) => entry.skill === 'pytorch')
    assert.equal(pytorch.label.vi.length > 0, true)
    assert.ok(pytorch.level >= 1 && pytorch.level <= 5)
    assert.ok(pytorch.evidence[0].includes('PyTorch'))
    const english = response.body.languages.find((entry: { language: string }) => entry.language === 'en')
    assert.equal(english?.level, 'C1')
    assert.deepEqual(
      response.body.education && {
        degree: response.body.education.degree,
        status: response.body.education.status,
        graduationDate: response.body.education.graduationDate,
      },
      { degree: 'bachelor', status: 'enrolled', graduationDate: '2027-06-30' },
    )
    assert.equal(response.body.yearsOfExperience.years, 2)
    const unchanged = await call('GET', '/api/me/candidate', undefined, { cookie })
    assert.deepEqual(unchanged.body.skills, stored.body.skills)

    const nothing = await call(
      'POST',
      '/api/me/cv/extract',
      { text: 'Xin chào, tôi thích đi du lịch.' },
      { cookie },
    )
    assert.equal(nothing.status, 200)
    assert.equal(nothing.body.status, 'nothing_extracted')
    assert.deepEqual(nothing.body.skills, [])
    const empty = await call('POST', '/api/me/cv/extract', { text: '   ' }, { cookie })
    assert.equal(empty.status, 400)
    assert.deepEqual(issuePaths(empty.body), ['body.text'])
  })

  test('an incomplete profile cannot apply; completing it can, and a partial update keeps other fields', async () => {
    const refused = await call('POST', '/api/me/applications', { programId }, { cookie })
    assert.equal(refused.status, 409, refused.text)
    assert.deepEqual(issuePaths(refused.body), [
      'profile.nationality',
      'profile.residenceCountry',
      'profile.city',
      'profile.visaStatus',
    ])
    const saved = await call(
      'PATCH',
      '/api/me/candidate',
      {
        fullName: 'Nguyễn Thị Lan',
        nationality: 'VN',
        residenceCountry: 'VN',
        city: 'Hà Nội',
        timeZone: 'Asia/Ho_Chi_Minh',
        visaStatus: 'abroad',
        languages: [
          { language: 'vi', level: 'native' },
          { language: 'en', level: 'C1' },
        ],
        education: [
          {
            institution: 'Đại học Bách khoa Hà Nội',
            country: 'VN',
            degree: 'bachelor',
            field: 'Khoa học máy tính',
            status: 'enrolled',
            graduationDate: '2027-06-30',
          },
        ],
        skills: [
          { skill: 'python', level: 4 },
          { skill: 'pytorch', level: 3 },
        ],
        hoursPerWeek: 40,
        availableFrom: '2027-03-01',
        availableTo: '2027-08-31',
        workModePreference: ['remote', 'hybrid'],
        cvText: CV_TEXT,
      },
      { cookie },
    )
    assert.equal(saved.status, 200, saved.text)
    assert.equal(saved.body.isProfileComplete, true)
    assert.deepEqual(saved.body.missingFields, [])
    assert.ok(saved.body.profileCompletedAt)
    assert.equal(saved.body.skillLabels.pytorch.en, 'PyTorch')

    const cityOnly = await call('PATCH', '/api/me/candidate', { city: 'Đà Nẵng' }, { cookie })
    assert.equal(cityOnly.status, 200, cityOnly.text)
    assert.equal(cityOnly.body.city, 'Đà Nẵng')
    assert.equal(cityOnly.body.skills.length, 2, 'skills are kept')
    assert.equal(cityOnly.body.languages.length, 2, 'languages are kept')
    assert.equal(cityOnly.body.education.length, 1, 'education is kept')
    assert.equal(cityOnly.body.hoursPerWeek, 40)
    assert.deepEqual(cityOnly.body.workModePreference, ['remote', 'hybrid'])
  })

  test('eligibility preview in the candidate’s language, apply, withdraw, apply again', async () => {
    const preview = await call(
      'GET',
      `/api/me/programs/${programId}/eligibility-preview?locale=vi`,
      undefined,
      {
        cookie,
      },
    )
    assert.equal(preview.status, 200, preview.text)
    assert.equal(preview.body.application, null)
    assert.equal(preview.body.canApply, true)
    assert.equal(preview.body.canWithdraw, false)
    assert.equal(preview.body.preview.locale, 'vi')
    assert.equal(preview.body.preview.isEligible, true, JSON.stringify(preview.body.preview.reasons))
    assert.ok(preview.body.preview.reasons.length >= 3)
    for (const reason of preview.body.preview.reasons) assert.ok(reason.text.length > 0)

    const applied = await call(
      'POST',
      '/api/me/applications',
      { programId, motivation: 'Tôi muốn học NLP.' },
      { cookie },
    )
    assert.equal(applied.status, 201, applied.text)
    assert.equal(applied.body.status, 'submitted')
    const again = await call('POST', '/api/me/applications', { programId }, { cookie })
    assert.equal(again.status, 409)

    const after = await call(
      'GET',
      `/api/me/programs/${programId}/eligibility-preview?locale=ko`,
      undefined,
      { cookie },
    )
    assert.equal(after.body.application.status, 'submitted')
    assert.equal(after.body.canApply, false)
    assert.equal(after.body.canWithdraw, true)
    assert.equal(after.body.preview.locale, 'ko')
    assert.equal(after.body.official, null, 'no official verdict before the hub checks')

    const inbox = await call('GET', '/api/me/notifications/summary', undefined, { cookie })
    assert.equal(inbox.body.latest[0].subject.endsWith('Đã nhận hồ sơ'), true, inbox.body.latest[0].subject)
    assert.equal(inbox.body.latest[0].link, `/programs/${programId}`)

    const withdrawn = await call(
      'POST',
      `/api/me/applications/${applied.body.id}/withdraw`,
      { reason: 'Tôi đã nhận việc khác' },
      { cookie },
    )
    assert.equal(withdrawn.status, 200, withdrawn.text)
    assert.equal(withdrawn.body.status, 'withdrawn')
    const twice = await call('POST', `/api/me/applications/${applied.body.id}/withdraw`, {}, { cookie })
    assert.equal(twice.status, 409)

    const reapplied = await call('POST', '/api/me/applications', { programId }, { cookie })
    assert.equal(reapplied.status, 201, reapplied.text)
    assert.equal(reapplied.body.id, applied.body.id)
    assert.equal(reapplied.body.status, 'submitted')

    // Someone else's application is not found.
    const other = await t.signIn(t.demo.logins.find((login) => login.role === 'candidate')!.email)
    const foreign = await call(
      'POST',
      `/api/me/applications/${applied.body.id}/withdraw`,
      {},
      { cookie: other },
    )
    assert.equal(foreign.status, 404)

    // Once rank lists freeze, withdrawing is refused with the reason.
    const operator = await t.signIn(t.demo.logins.find((login) => login.role === 'operator')!.email)
    assert.equal(
      (await call('PATCH', `/api/programs/${programId}`, { phase: 'ranking_freeze' }, { cookie: operator }))
        .status,
      200,
    )
    const frozen = await call('POST', `/api/me/applications/${applied.body.id}/withdraw`, {}, { cookie })
    assert.equal(frozen.status, 409)
    assert.equal(frozen.body.error.code, 'phase_closed')
    const status = await call('GET', `/api/me/programs/${programId}/eligibility-preview`, undefined, {
      cookie,
    })
    assert.equal(status.body.canWithdraw, false)
    assert.equal(status.body.preview.locale, 'vi', "without ?locale the user's own language")
    assert.equal(
      (await call('PATCH', `/api/programs/${programId}`, { phase: 'call_open' }, { cookie: operator }))
        .status,
      200,
    )

    const audit = await t.store.db
      .selectFrom('auditLog')
      .select('detail')
      .where('entityType', '=', 'application')
      .where('entityId', '=', applied.body.id)
      .execute()
    assert.ok(audit.some((row) => (row.detail as { withdrawn?: boolean }).withdrawn === true))
  })

  test('notifications: unread count, mark one and all as read, nobody else’s', async () => {
    const before = await call('GET', '/api/me/notifications/summary?limit=20', undefined, { cookie })
    assert.equal(before.status, 200)
    assert.ok(before.body.unread >= 4, `welcome, received, withdrawn, received: ${before.body.unread}`)
    const kinds = before.body.latest.map((n: { kind: string }) => n.kind)
    assert.ok(kinds.includes('application_withdrawn'))
    const first = before.body.latest[0]
    const read = await call('POST', `/api/me/notifications/${first.id}/read`, {}, { cookie })
    assert.equal(read.status, 204, read.text)
    const afterOne = await call('GET', '/api/me/notifications/summary', undefined, { cookie })
    assert.equal(afterOne.body.unread, before.body.unread - 1)
    assert.ok(afterOne.body.latest.find((n: { id: string }) => n.id === first.id).readAt)

    const other = await t.signIn(t.demo.logins.find((login) => login.role === 'operator')!.email)
    const foreign = await call(
      'POST',
      `/api/me/notifications/${before.body.latest[1].id}/read`,
      {},
      { cookie: other },
    )
    assert.equal(foreign.status, 404)

    const english = await call('GET', '/api/me/notifications/summary?limit=20&locale=en', undefined, {
      cookie,
    })
    assert.ok(
      english.body.latest.some((n: { subject: string }) => n.subject === 'Welcome to Ieum'),
      'shown again in the language asked for',
    )

    const all = await call('POST', '/api/me/notifications/read', {}, { cookie })
    assert.equal(all.status, 204)
    assert.equal((await call('GET', '/api/me/notifications/summary', undefined, { cookie })).body.unread, 0)

    // Without SMTP the e-mails stay queued and the operator sees them.
    const outbox = await call('GET', '/api/outbox', undefined, { cookie: other })
    const mine = outbox.body.filter((row: { email: string }) => row.email === 'lan.nguyen@example.vn')
    assert.ok(mine.length >= 4)
    assert.ok(
      mine.every(
        (row: { deliveryStatus: string; sentAt: string | null }) =>
          row.deliveryStatus === 'queued' && row.sentAt === null,
      ),
    )
  })
})
