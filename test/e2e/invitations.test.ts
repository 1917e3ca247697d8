import assert from 'node:assert/strict'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { gateBrowserSuite, openPage, SCREENSHOT_DIR, useServerAndBrowser } from './browser-harness.ts'
import { startTestServer } from './start-test-server.ts'

// The operator invites a company member on the People page; the invitee opens the e-mailed link in a
// fresh browser (signed out), sets a password in Korean and lands signed in on their company's home.
const IS_SKIPPED = gateBrowserSuite('invitations in headless Chromium')
const TOKEN_LINK = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/

describe('invitations in headless Chromium', { skip: IS_SKIPPED }, () => {
  const suite = useServerAndBrowser(startTestServer)

  test('operator invites a company member; the invitee sets a password in Korean and lands signed in', async () => {
    const problems: string[] = []
    const operatorLogin = suite.server.logins.find((login) => login.role === 'operator')
    assert.ok(operatorLogin)
    const company = await suite.server.store.db
      .selectFrom('company')
      .select(['id', 'name'])
      .orderBy('name')
      .executeTakeFirstOrThrow()
    const email = 'park.jimin@example.org'

    // The operator (Korean interface) opens the People page from the header.
    const operator = await openPage(suite.browser, suite.server.url, { problems, signInAs: operatorLogin })
    await operator.getByRole('navigation', { name: '사용자' }).getByRole('link', { name: '사용자' }).click()
    await operator.getByRole('heading', { level: 1, name: '사용자와 초대' }).waitFor()

    const form = operator.getByTestId('invite-form')
    await form.getByLabel('이메일 주소', { exact: true }).fill(email)
    await form.getByLabel('역할', { exact: true }).selectOption('company')
    await form.getByLabel('기업', { exact: true }).selectOption({ label: company.name })
    await form.getByLabel('이름 (선택)', { exact: true }).fill('박지민')
    await form.getByLabel('이메일 언어', { exact: true }).selectOption('ko')
    await form.getByRole('button', { name: '초대장 보내기' }).click()
    const sent = operator.getByTestId('invite-sent')
    await sent.getByText(`${email}에게 초대장을 보냈습니다.`).waitFor()
    const shownLink = await sent.getByTestId('invite-link').inputValue()
    const row = operator.locator(`[data-testid="invitation-row"][data-email="${email}"]`)
    await row.waitFor()
    assert.equal(await row.getAttribute('data-status'), 'pending')
    await row.getByText('대기 중').waitFor()
    await operator.screenshot({ path: join(SCREENSHOT_DIR, 'invitations-people-ko.png'), fullPage: true })

    // The e-mail is in the outbox (read through the API as the operator), in Korean, with the link.
    const outbox = (await (await operator.request.get(`${suite.server.url}/api/outbox`)).json()) as {
      email: string
      kind: string
      locale: string
      subject: string
      body: string
    }[]
    const mail = outbox.find((message) => message.email === email && message.kind === 'invitation')
    assert.ok(mail, 'the invitation e-mail is in the outbox')
    assert.equal(mail.locale, 'ko')
    assert.ok(mail.subject.includes(company.name), mail.subject)
    const link = TOKEN_LINK.exec(mail.body)?.[0]
    assert.ok(link, `the e-mail carries the link: ${mail.body}`)
    assert.equal(link, shownLink, 'the link shown once to the operator is the e-mailed one')
    assert.ok(link.startsWith(suite.server.url), 'the link uses the base URL')

    // The invitee opens the link in a fresh browser (English browser, signed out): the page is in Korean.
    const invitee = await openPage(suite.browser, link, { problems })
    await invitee.getByRole('heading', { level: 1, name: /에 참여하세요$/ }).waitFor()
    const facts = invitee.getByTestId('invitation-facts')
    await facts.getByText(company.name).waitFor()
    await facts.getByText('기업 담당자').waitFor()
    await facts.getByText(email).waitFor()
    const accept = invitee.getByTestId('invitation-accept')
    assert.equal(
      await accept.getByLabel('이름', { exact: true }).inputValue(),
      '박지민',
      'the name is pre-filled',
    )
    assert.ok(await accept.getByRole('radio', { name: '한국어' }).isChecked())
    await accept.getByLabel('비밀번호 정하기', { exact: true }).fill('짧음')
    await accept.getByRole('button', { name: '로그인 만들기' }).click()
    await accept.getByText('10자 이상 입력하세요.').waitFor()
    await accept.getByLabel('비밀번호 정하기', { exact: true }).fill('새-비밀번호-2027!')
    await accept.getByLabel('비밀번호 다시 입력', { exact: true }).fill('새-비밀번호-2027!')
    await invitee.screenshot({ path: join(SCREENSHOT_DIR, 'invitations-accept-ko.png'), fullPage: true })
    const answered = invitee.waitForResponse((response) => response.url().endsWith('/api/invitations/accept'))
    await accept.getByRole('button', { name: '로그인 만들기' }).click()
    assert.equal((await answered).status(), 201)

    // Signed in, on the company home, in Korean.
    await invitee.getByTestId('user-name').getByText('박지민').waitFor()
    await invitee.getByTestId('user-role').getByText('기업 담당자').waitFor()
    await invitee.getByRole('heading', { level: 1, name: company.name }).waitFor()
    await invitee.getByTestId('company-positions').waitFor()
    assert.equal(new URL(invitee.url()).pathname, '/')
    assert.equal(await invitee.locator('html').getAttribute('lang'), 'ko')
    await invitee.screenshot({
      path: join(SCREENSHOT_DIR, 'invitations-company-home-ko.png'),
      fullPage: true,
    })

    // The link works once: opened again, it says so instead of showing the form.
    const stranger = await openPage(suite.browser, link, { problems })
    const closed = stranger.getByTestId('invitation-closed')
    await closed.waitFor()
    assert.equal(await closed.getAttribute('data-state'), 'accepted')
    await stranger.screenshot({ path: join(SCREENSHOT_DIR, 'invitations-used-link.png'), fullPage: true })
    await invitee.context().close()

    // The operator sees the invitation accepted and the new member with their company role.
    await operator.reload()
    await row.waitFor()
    await row.getByText('수락됨').waitFor()
    const member = operator.locator(`[data-testid="member-row"][data-email="${email}"]`)
    await member.getByText(`기업 담당자 · ${company.name}`).waitFor()
    await member.getByRole('button', { name: `박지민의 기업 담당자 · ${company.name} 역할 삭제` }).waitFor()
    assert.deepEqual(problems, [], 'no page errors or server errors')
  })
})
