import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { INVITATION_VALIDITY_DAYS, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../src/domain/index.ts'
import { acceptInvitation, previewInvitation } from '../../src/services/index.ts'
import { TEST_ENGINES } from '../support/open-test-db.ts'
import { type Method, startTestApp, type TestApp } from '../support/test-app.ts'

const DAY_MS = 24 * 60 * 60 * 1000
const TOKEN_IN_LINK = /\/invite\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/

for (const engine of TEST_ENGINES) {
  describe(`invitations and people (${engine})`, () => {
    let t: TestApp
    let operator: string
    let reviewer: string
    let companyMember: string
    let otherCompanyMember: string
    let candidate: string
    let companyA: { id: string; name: string }
    let companyB: { id: string; name: string }
    let programId: string
    let reviewerEmail: string
    let password: string

    const call = (cookie: string | null, method: Method, url: string, payload?: object) =>
      t.call(cookie, method, url, payload)

    /** The newest invitation e-mail to `email` in the outbox, with the token of its link. */
    const latestInvitationMail = async (email: string) => {
      const outbox = await call(operator, 'GET', '/api/outbox')
      assert.equal(outbox.status, 200)
      const message = (
        outbox.body as { email: string; kind: string; body: string; subject: string; locale: string }[]
      ).find((m) => m.email === email && m.kind === 'invitation')
      assert.ok(message, `an invitation e-mail to ${email} is in the outbox`)
      const token = TOKEN_IN_LINK.exec(message.body)?.[1]
      assert.ok(token, `the e-mail carries an accept link: ${message.body}`)
      return { ...message, token }
    }

    const invitationRow = (id: string) =>
      t.store.db.selectFrom('invitation').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

    before(async () => {
      t = await startTestApp(engine)
      const logins = t.demo.logins
      password = logins[0]!.password
      const byRole = (role: string, index = 0) => logins.filter((login) => login.role === role)[index]!.email
      reviewerEmail = byRole('reviewer')
      operator = await t.signIn(byRole('operator'))
      reviewer = await t.signIn(reviewerEmail)
      companyMember = await t.signIn(byRole('company', 0))
      otherCompanyMember = await t.signIn(byRole('company', 1))
      candidate = await t.signIn(byRole('candidate'))
      const db = t.store.db
      const grantOf = async (email: string) =>
        db
          .selectFrom('roleGrant')
          .innerJoin('authUser', 'authUser.id', 'roleGrant.userId')
          .innerJoin('company', 'company.id', 'roleGrant.companyId')
          .select(['company.id', 'company.name'])
          .where('authUser.email', '=', email)
          .executeTakeFirstOrThrow()
      companyA = await grantOf(byRole('company', 0))
      companyB = await grantOf(byRole('company', 1))
      programId = (await db.selectFrom('program').select('id').executeTakeFirstOrThrow()).id
    })
    after(async () => {
      await t.close()
    })

    test('the password rule is the one sign-in enforces', () => {
      const rules = t.app.auth.options.emailAndPassword
      assert.equal(rules?.minPasswordLength, MIN_PASSWORD_LENGTH)
      assert.equal(rules?.maxPasswordLength, MAX_PASSWORD_LENGTH)
    })

    test('invite a company member → e-mail with the link → accept creates the login, signs in, sees only their company', async () => {
      const invited = await call(operator, 'POST', '/api/invitations', {
        email: '  Neo.Member@Example.ORG ',
        role: 'company',
        companyId: companyA.id,
        name: '김새롬',
        locale: 'ko',
      })
      assert.equal(invited.status, 201, JSON.stringify(invited.body))
      assert.equal(invited.body.email, 'neo.member@example.org')
      assert.equal(invited.body.status, 'pending')
      assert.equal(invited.body.companyName, companyA.name)
      assert.equal(invited.body.hasAccount, false)
      const expiresIn = Date.parse(invited.body.expiresAt) - Date.parse(invited.body.createdAt)
      assert.equal(expiresIn, INVITATION_VALIDITY_DAYS * DAY_MS, 'valid for 14 days')

      const mail = await latestInvitationMail('neo.member@example.org')
      assert.equal(mail.locale, 'ko')
      assert.ok(mail.subject.includes(companyA.name), mail.subject)
      assert.ok(mail.body.includes('김새롬님'), mail.body)
      assert.ok(mail.body.includes(`http://localhost/invite/${mail.token}`), 'the link uses the base URL')
      assert.equal(invited.body.acceptUrl, `http://localhost/invite/${mail.token}`)
      assert.equal(Buffer.from(mail.token, 'base64url').length, 32, '32 random bytes')

      // Only the SHA-256 of the token is stored.
      const stored = await invitationRow(invited.body.id)
      assert.equal(stored.tokenSha256, createHash('sha256').update(mail.token).digest('hex'))
      assert.ok(!JSON.stringify(stored).includes(mail.token), 'the token itself is not stored')

      const preview = await call(null, 'GET', `/api/invitations/by-token/${mail.token}`)
      assert.equal(preview.status, 200, JSON.stringify(preview.body))
      assert.equal(preview.body.status, 'pending')
      assert.equal(preview.body.role, 'company')
      assert.equal(preview.body.companyName, companyA.name)
      assert.equal(preview.body.email, 'neo.member@example.org')
      assert.equal(preview.body.name, '김새롬')
      assert.equal(preview.body.hasAccount, false)
      assert.equal(preview.body.needsConsent, false)
      assert.ok(preview.body.hubName.length > 0)

      const tooShort = await call(null, 'POST', '/api/invitations/accept', {
        token: mail.token,
        name: '김새롬',
        password: 'short',
        locale: 'ko',
      })
      assert.equal(tooShort.status, 400)
      assert.ok(tooShort.body.error.issues.some((i: { path: string }) => i.path === 'body.password'))

      const newPassword = '새로운-비밀번호-2027'
      const accepted = await call(null, 'POST', '/api/invitations/accept', {
        token: mail.token,
        name: '김새롬',
        password: newPassword,
        locale: 'ko',
      })
      assert.equal(accepted.status, 201, JSON.stringify(accepted.body))
      assert.equal(accepted.body.isNewAccount, true)
      assert.equal(accepted.body.isSignedIn, true)
      assert.equal(accepted.body.role, 'company')
      const session = accepted.cookies.map((cookie) => cookie.split(';')[0]).join('; ')
      assert.ok(session.includes('session_token'), 'the answer signs the new member in')
      for (const cookie of accepted.cookies) assert.match(cookie, /HttpOnly/i)

      const me = await call(session, 'GET', '/api/me')
      assert.equal(me.status, 200)
      assert.equal(me.body.email, 'neo.member@example.org')
      assert.equal(me.body.name, '김새롬')
      assert.equal(me.body.locale, 'ko')
      assert.deepEqual(
        me.body.grants.map((g: { role: string; companyId: string }) => [g.role, g.companyId]),
        [['company', companyA.id]],
      )
      const companies = await call(session, 'GET', '/api/companies')
      assert.deepEqual(
        companies.body.map((c: { id: string }) => c.id),
        [companyA.id],
      )
      assert.equal((await call(session, 'GET', `/api/companies/${companyB.id}`)).status, 404)
      // The password chosen on the accept page signs in like any other.
      await t.signIn('neo.member@example.org', newPassword)

      // Single use.
      const again = await call(null, 'POST', '/api/invitations/accept', {
        token: mail.token,
        name: 'Someone else',
        password: 'another-password-123',
        locale: 'en',
      })
      assert.equal(again.status, 409)
      assert.equal(again.cookies.length, 0)
      const used = await call(null, 'GET', `/api/invitations/by-token/${mail.token}`)
      assert.equal(used.body.status, 'accepted')
      assert.equal(used.body.email, null, 'a used link reveals no personal details')
      const users = await t.store.db
        .selectFrom('authUser')
        .select('id')
        .where('email', '=', 'neo.member@example.org')
        .execute()
      assert.equal(users.length, 1)

      const audit = await t.store.db
        .selectFrom('auditLog')
        .select(['action', 'entityType', 'actorUserId'])
        .where('entityType', 'in', ['invitation', 'role_grant', 'user'])
        .execute()
      assert.ok(audit.some((a) => a.entityType === 'invitation' && a.action === 'create'))
      assert.ok(audit.some((a) => a.entityType === 'invitation' && a.action === 'update'))
      assert.ok(audit.some((a) => a.entityType === 'role_grant' && a.actorUserId === accepted.body.userId))
    })

    test('a candidate invitation links the imported applicant, in their language, and records consent', async () => {
      const hubId = (await t.store.db.selectFrom('hub').select('id').executeTakeFirstOrThrow()).id
      const record = await t.store.db
        .insertInto('candidate')
        .values({
          hubId,
          externalKey: 'imported-42',
          fullName: 'Trần Thị Mai',
          email: 'Mai.Tran@Example.VN',
          nationality: 'VN',
          residenceCountry: 'VN',
          city: 'Hà Nội',
          timeZone: 'Asia/Ho_Chi_Minh',
          visaStatus: 'abroad',
          languages: JSON.stringify([
            { language: 'vi', level: 'native' },
            { language: 'en', level: 'B2' },
          ]),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const missing = await call(operator, 'POST', '/api/invitations', {
        email: 'nobody-here@example.org',
        role: 'candidate',
      })
      assert.equal(missing.status, 404)
      assert.ok(missing.body.error.issues.some((i: { path: string }) => i.path === 'body.email'))

      const invited = await call(operator, 'POST', '/api/invitations', {
        email: 'mai.tran@example.vn',
        role: 'candidate',
      })
      assert.equal(invited.status, 201, JSON.stringify(invited.body))
      assert.equal(invited.body.candidateId, record.id)
      assert.equal(invited.body.name, 'Trần Thị Mai')
      assert.equal(invited.body.locale, 'vi', "the candidate's best language")
      const mail = await latestInvitationMail('mai.tran@example.vn')
      assert.equal(mail.locale, 'vi')
      assert.ok(mail.body.includes('Chào Trần Thị Mai'), mail.body)

      const preview = await call(null, 'GET', `/api/invitations/by-token/${mail.token}`)
      assert.equal(preview.body.needsConsent, true)
      assert.equal(preview.body.locale, 'vi')

      const withoutConsent = await call(null, 'POST', '/api/invitations/accept', {
        token: mail.token,
        name: 'Trần Thị Mai',
        password: 'mat-khau-an-toan',
        locale: 'vi',
      })
      assert.equal(withoutConsent.status, 400)
      assert.ok(
        withoutConsent.body.error.issues.some((i: { path: string }) => i.path === 'body.hasConsented'),
      )
      assert.equal((await invitationRow(invited.body.id)).acceptedAt, null, 'nothing changed')

      const before = Date.now()
      const accepted = await call(null, 'POST', '/api/invitations/accept', {
        token: mail.token,
        name: 'Trần Thị Mai',
        password: 'mat-khau-an-toan',
        locale: 'vi',
        hasConsented: true,
      })
      assert.equal(accepted.status, 201, JSON.stringify(accepted.body))
      const session = accepted.cookies.map((cookie) => cookie.split(';')[0]).join('; ')
      const own = await call(session, 'GET', '/api/me/candidate')
      assert.equal(own.status, 200)
      assert.equal(own.body.id, record.id, 'the login is linked to the imported record')
      const row = await invitationRow(invited.body.id)
      assert.ok(
        row.consentedAt && row.consentedAt.getTime() >= before - 1000,
        'consent recorded with its time',
      )
      const linked = await t.store.db
        .selectFrom('candidate')
        .select('userId')
        .where('id', '=', record.id)
        .executeTakeFirstOrThrow()
      assert.equal(linked.userId, accepted.body.userId)
      const consent = await t.store.db
        .selectFrom('auditLog')
        .select('detail')
        .where('entityType', '=', 'candidate')
        .where('entityId', '=', record.id)
        .where('action', '=', 'update')
        .executeTakeFirstOrThrow()
      assert.ok((consent.detail as { personalDataConsentAt?: string }).personalDataConsentAt)
      // The record now has a login: inviting it again is refused.
      const twice = await call(operator, 'POST', '/api/invitations', {
        email: 'mai.tran@example.vn',
        role: 'candidate',
      })
      assert.equal(twice.status, 409)
    })

    test('expiry (with an injected clock), revoke, and resend that invalidates the old link', async () => {
      const invited = await call(operator, 'POST', '/api/invitations', {
        email: 'reviewer.two@example.org',
        role: 'reviewer',
      })
      assert.equal(invited.status, 201)
      assert.equal(invited.body.locale, 'ko', "the hub's language by default")
      const first = await latestInvitationMail('reviewer.two@example.org')
      const accept = (token: string) => ({
        token,
        name: 'Reviewer Two',
        password: 'reviewer-two-password',
        locale: 'en' as const,
      })

      // 14 days later (injected clock) the link has expired, in the preview and on accept.
      const later = new Date(Date.now() + (INVITATION_VALIDITY_DAYS * DAY_MS + 60_000))
      assert.equal((await previewInvitation(t.store.db, first.token, { now: later })).status, 'expired')
      await assert.rejects(
        t.store.db.transaction().execute((trx) => acceptInvitation(trx, accept(first.token), { now: later })),
        (error: Error & { code?: string }) => error.code === 'conflict' && /expired/.test(error.message),
      )
      const earlier = new Date(Date.now() + (INVITATION_VALIDITY_DAYS * DAY_MS - 60_000))
      assert.equal((await previewInvitation(t.store.db, first.token, { now: earlier })).status, 'pending')

      // Through the API: an expired invitation is refused and listed as expired.
      await t.store.db
        .updateTable('invitation')
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where('id', '=', invited.body.id)
        .execute()
      const expired = await call(null, 'POST', '/api/invitations/accept', accept(first.token))
      assert.equal(expired.status, 409)
      assert.equal(expired.body.error.issues[0].message, 'expired')
      const people = await call(operator, 'GET', '/api/people')
      assert.equal(
        people.body.invitations.find((i: { id: string }) => i.id === invited.body.id).status,
        'expired',
      )

      // Resending gives a new link; the old one stops working.
      const resent = await call(operator, 'POST', `/api/invitations/${invited.body.id}/resend`, {
        locale: 'en',
      })
      assert.equal(resent.status, 200, JSON.stringify(resent.body))
      assert.equal(resent.body.status, 'pending')
      assert.equal(resent.body.sentCount, 2)
      assert.equal(resent.body.locale, 'en')
      const second = await latestInvitationMail('reviewer.two@example.org')
      assert.notEqual(second.token, first.token)
      assert.equal(second.locale, 'en')
      assert.equal(resent.body.acceptUrl, `http://localhost/invite/${second.token}`)
      assert.equal((await call(null, 'GET', `/api/invitations/by-token/${first.token}`)).status, 404)
      assert.equal((await call(null, 'POST', '/api/invitations/accept', accept(first.token))).status, 404)

      // Revoking closes the new link too; revoked invitations cannot be re-sent.
      const revoked = await call(operator, 'POST', `/api/invitations/${invited.body.id}/revoke`, {})
      assert.equal(revoked.status, 200)
      assert.equal(revoked.body.status, 'revoked')
      const afterRevoke = await call(null, 'POST', '/api/invitations/accept', accept(second.token))
      assert.equal(afterRevoke.status, 409)
      assert.equal(afterRevoke.body.error.issues[0].message, 'revoked')
      assert.equal(
        (await call(null, 'GET', `/api/invitations/by-token/${second.token}`)).body.status,
        'revoked',
      )
      assert.equal(
        (await call(operator, 'POST', `/api/invitations/${invited.body.id}/resend`, {})).status,
        409,
      )
      assert.equal(
        (await call(operator, 'POST', `/api/invitations/${invited.body.id}/revoke`, {})).status,
        200,
      )
      const noLogin = await t.store.db
        .selectFrom('authUser')
        .select('id')
        .where('email', '=', 'reviewer.two@example.org')
        .execute()
      assert.deepEqual(noLogin, [])

      // An unknown or malformed link is a clear "not found" / "invalid", not a crash.
      const unknown = await call(null, 'GET', `/api/invitations/by-token/${'A'.repeat(43)}`)
      assert.equal(unknown.status, 404)
      assert.equal((await call(null, 'GET', '/api/invitations/by-token/not-a-token')).status, 400)
    })

    test('an e-mail with a login: accepting with its password adds the role to that login', async () => {
      const invited = await call(operator, 'POST', '/api/invitations', {
        email: reviewerEmail.toUpperCase(),
        role: 'company',
        companyId: companyB.id,
      })
      assert.equal(invited.status, 201, JSON.stringify(invited.body))
      assert.equal(invited.body.hasAccount, true)
      const duplicate = await call(operator, 'POST', '/api/invitations', {
        email: reviewerEmail,
        role: 'company',
        companyId: companyB.id,
      })
      assert.equal(duplicate.status, 409, 'a pending invitation for the same role exists')
      const sameRole = await call(operator, 'POST', '/api/invitations', {
        email: reviewerEmail,
        role: 'reviewer',
      })
      assert.equal(sameRole.status, 409, 'the login is a reviewer already')

      const mail = await latestInvitationMail(reviewerEmail)
      const preview = await call(null, 'GET', `/api/invitations/by-token/${mail.token}`)
      assert.equal(preview.body.hasAccount, true)
      const wrong = await call(null, 'POST', '/api/invitations/accept', {
        token: mail.token,
        password: 'not-the-password',
        locale: 'en',
      })
      assert.equal(wrong.status, 401)
      assert.ok(wrong.body.error.issues.some((i: { path: string }) => i.path === 'body.password'))
      assert.equal((await invitationRow(invited.body.id)).acceptedAt, null)

      const accepted = await call(null, 'POST', '/api/invitations/accept', {
        token: mail.token,
        password,
        locale: 'en',
      })
      assert.equal(accepted.status, 201, JSON.stringify(accepted.body))
      assert.equal(accepted.body.isNewAccount, false)
      const session = accepted.cookies.map((cookie) => cookie.split(';')[0]).join('; ')
      const me = await call(session, 'GET', '/api/me')
      assert.deepEqual(
        me.body.grants
          .map((g: { role: string; companyId: string | null }) => `${g.role}:${g.companyId}`)
          .sort(),
        [`company:${companyB.id}`, 'reviewer:null'],
      )
      assert.equal(me.body.locale, 'en')
    })

    test('bulk: every applicant of a program without a login is invited once, with counts', async () => {
      const db = t.store.db
      const applicants = await db
        .selectFrom('application')
        .innerJoin('candidate', 'candidate.id', 'application.candidateId')
        .select(['candidate.id', 'candidate.email', 'candidate.userId', 'application.status'])
        .where('application.programId', '=', programId)
        .orderBy('application.submittedAt')
        .orderBy('candidate.id')
        .execute()
      const active = applicants.filter((a) => a.status !== 'withdrawn')
      const withoutLogin = active.filter((a) => !a.userId)
      assert.ok(withoutLogin.length >= 6, 'the demo program has applicants without a login')
      // One applicant without an e-mail, one sharing another's e-mail, one invited already.
      const [noEmail, original, copy, pending] = withoutLogin
      await db.updateTable('candidate').set({ email: '' }).where('id', '=', noEmail!.id).execute()
      await db.updateTable('candidate').set({ email: original!.email }).where('id', '=', copy!.id).execute()
      const single = await call(operator, 'POST', '/api/invitations', {
        email: pending!.email,
        role: 'candidate',
        candidateId: pending!.id,
      })
      assert.equal(single.status, 201, JSON.stringify(single.body))
      const outboxBefore = (await call(operator, 'GET', '/api/outbox')).body.length

      const result = await call(operator, 'POST', `/api/programs/${programId}/invitations`, {})
      assert.equal(result.status, 200, JSON.stringify(result.body))
      const counts = result.body
      const withLogin = active.length - withoutLogin.length
      assert.equal(counts.applicants, active.length)
      assert.equal(counts.alreadyHasLogin, withLogin)
      assert.equal(counts.withoutEmail, 1)
      assert.equal(counts.duplicateEmail, 1)
      assert.equal(counts.alreadyInvited, 1)
      assert.equal(counts.invited, withoutLogin.length - 3)
      assert.equal(
        counts.invited +
          counts.alreadyHasLogin +
          counts.alreadyInvited +
          counts.withoutEmail +
          counts.duplicateEmail,
        counts.applicants,
      )
      const outbox = (await call(operator, 'GET', '/api/outbox')).body as { kind: string; locale: string }[]
      assert.equal(outbox.length - outboxBefore, counts.invited, 'one e-mail per invitation')
      assert.ok(outbox.slice(0, counts.invited).every((m) => m.kind === 'invitation'))
      const locales = new Set(outbox.slice(0, counts.invited).map((m) => m.locale))
      assert.ok(locales.size >= 2, `each applicant in their own language: ${[...locales]}`)

      const again = await call(operator, 'POST', `/api/programs/${programId}/invitations`, { locale: 'en' })
      assert.equal(again.body.invited, 0, 'a second run invites nobody')
      assert.equal(again.body.alreadyInvited, counts.invited + 1)

      const otherHubProgram = await call(
        operator,
        'POST',
        `/api/programs/${crypto.randomUUID()}/invitations`,
        {},
      )
      assert.equal(otherHubProgram.status, 404)
    })

    test("access: only operators invite; company members see only their own company's people", async () => {
      for (const cookie of [companyMember, reviewer, candidate]) {
        const response = await call(cookie, 'POST', '/api/invitations', {
          email: 'x@example.org',
          role: 'reviewer',
        })
        assert.equal(response.status, 403)
        assert.equal((await call(cookie, 'POST', `/api/programs/${programId}/invitations`, {})).status, 403)
      }
      // (The reviewer joined company B above; access.test.ts checks a reviewer-only login gets 403 here.)
      assert.equal((await call(candidate, 'GET', '/api/people')).status, 403)
      assert.equal((await call(null, 'GET', '/api/people')).status, 401)

      const all = await call(operator, 'GET', '/api/people')
      assert.equal(all.status, 200)
      const emails = all.body.members.map((m: { email: string }) => m.email)
      assert.ok(emails.includes('neo.member@example.org'))
      assert.ok(all.body.invitations.length >= 4)
      const statuses = new Set(all.body.invitations.map((i: { status: string }) => i.status))
      for (const status of ['pending', 'accepted', 'revoked']) assert.ok(statuses.has(status), status)
      assert.ok(!JSON.stringify(all.body).includes('tokenSha256'), 'no token hashes in the list')

      const own = await call(companyMember, 'GET', '/api/people')
      assert.equal(own.status, 200)
      assert.deepEqual(own.body.invitations, [])
      assert.ok(own.body.members.length >= 2, 'the demo member and the invited one')
      for (const member of own.body.members) {
        for (const grant of member.grants) assert.equal(grant.companyId, companyA.id, 'only company A roles')
      }
      const other = await call(otherCompanyMember, 'GET', '/api/people')
      const otherEmails = other.body.members.map((m: { email: string }) => m.email)
      assert.ok(!otherEmails.includes('neo.member@example.org'), "company B does not see company A's people")
      assert.ok(otherEmails.includes(reviewerEmail), 'the reviewer joined company B')
    })

    test('remove a role grant; never your own last operator role', async () => {
      const people = await call(operator, 'GET', '/api/people')
      type Member = { email: string; userId: string; grants: { id: string; role: string }[] }
      const member = (people.body.members as Member[]).find((m) => m.email === 'neo.member@example.org')!
      const grant = member.grants[0]!
      const removed = await call(operator, 'DELETE', `/api/role-grants/${grant.id}`, {})
      assert.equal(removed.status, 204)
      const session = await t.signIn('neo.member@example.org', '새로운-비밀번호-2027')
      assert.equal((await call(session, 'GET', '/api/companies')).status, 403, 'the role is gone')
      assert.equal((await call(operator, 'DELETE', `/api/role-grants/${grant.id}`, {})).status, 404)

      const self = (people.body.members as Member[]).find((m) => m.grants.some((g) => g.role === 'operator'))!
      const ownOperator = self.grants.find((g) => g.role === 'operator')!
      const refused = await call(operator, 'DELETE', `/api/role-grants/${ownOperator.id}`, {})
      assert.equal(refused.status, 409)
      assert.match(refused.body.error.message, /last operator/)
      assert.equal((await call(operator, 'GET', '/api/people')).status, 200, 'still an operator')
      assert.equal((await call(companyMember, 'DELETE', `/api/role-grants/${grant.id}`, {})).status, 403)
    })

    test('the public invitation routes are throttled per client address, like sign-in', async () => {
      const unknown = `/api/invitations/by-token/${'B'.repeat(43)}`
      let limited: Awaited<ReturnType<typeof call>> | null = null
      for (let attempt = 0; attempt < 40 && !limited; attempt++) {
        const response = await call(null, 'GET', unknown)
        if (response.status === 429) limited = response
        else assert.equal(response.status, 404)
      }
      assert.ok(limited, 'at most 30 lookups a minute')
      assert.equal(limited.body.error.code, 'rate_limited')
    })
  })
}
