import assert from 'node:assert/strict'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import {
  gateBrowserSuite,
  openBlankPage,
  SCREENSHOT_DIR,
  signIn,
  useServerAndBrowser,
} from './browser-harness.ts'
import { startTestServer } from './start-test-server.ts'

// A candidate who forgot their password asks for a link, sets a new one (a common password is refused),
// signs in, downloads their data and asks for a human review; an operator answers it on the privacy page.
const IS_SKIPPED = gateBrowserSuite('password reset and privacy in headless Chromium')

describe('password reset and privacy in headless Chromium', { skip: IS_SKIPPED }, () => {
  const suite = useServerAndBrowser(startTestServer)

  test('reset by e-mailed link, then the privacy panel and the operators’ request queue', async () => {
    const problems: string[] = []
    const candidate = suite.server.logins.find((login) => login.role === 'candidate')!
    const operator = suite.server.logins.find((login) => login.role === 'operator')!
    // Both read English here (the demo gives them Vietnamese and Korean).
    await suite.server.store.db
      .updateTable('authUser')
      .set({ locale: 'en' })
      .where('email', 'in', [candidate.email, operator.email])
      .execute()
    const page = await openBlankPage(suite.browser, { problems, isAcceptingDialogs: true })
    try {
      await page.goto(suite.server.url)
      await page.getByRole('link', { name: 'Forgot your password?' }).click()
      await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
      await page.getByLabel('Email').fill(candidate.email)
      await page.getByRole('button', { name: 'Send the link' }).click()
      await page.getByTestId('reset-sent').waitFor()

      const mail = await suite.server.store.db
        .selectFrom('notification')
        .select('body')
        .where('kind', '=', 'password_reset')
        .executeTakeFirstOrThrow()
      const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{43}/.exec(mail.body)?.[0]
      assert.ok(link, mail.body)
      await page.goto(link)
      await page.getByText(`Choose a new password for ${candidate.email}`).waitFor()
      await page.getByLabel('New password').fill('password123')
      await page.getByRole('button', { name: 'Save the new password' }).click()
      assert.match(await page.getByTestId('reset-password-error').innerText(), /most common passwords/)
      await page.getByLabel('New password').fill('a-fresh-start-for-2027')
      await page.getByRole('button', { name: 'Save the new password' }).click()
      await page.getByTestId('reset-done').waitFor()
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'password-reset-done.png') })

      await page.goto(suite.server.url)
      await signIn(page, { email: candidate.email, password: 'a-fresh-start-for-2027' })
      const panel = page.getByTestId('privacy-panel')
      await panel.waitFor()
      const download = await page.request.get(
        `${suite.server.url}${await page.getByTestId('data-export').getAttribute('href')}`,
      )
      assert.equal(download.status(), 200)
      assert.equal(download.headers()['content-type'], 'application/zip')
      await panel.getByLabel('Which decision?').fill('eligibility verdict of the 2027 internship')
      await panel.getByLabel('Message to the hub (optional)').fill('My TOPIK level was read wrong')
      await panel.getByRole('button', { name: 'Send the request' }).click()
      await page
        .getByTestId('own-privacy-requests')
        .getByText('Human review of an automated decision')
        .waitFor()
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'privacy-panel.png'), fullPage: true })

      const operatorPage = await openBlankPage(suite.browser, { problems, isAcceptingDialogs: true })
      await operatorPage.goto(suite.server.url)
      await signIn(operatorPage, operator)
      await operatorPage.getByRole('link', { name: 'Privacy requests' }).click()
      const request = operatorPage.getByTestId('privacy-request').filter({ hasText: 'TOPIK' })
      await request.waitFor()
      await request.getByLabel('Answer to the candidate').fill('A reviewer checked it: you are eligible.')
      await request.getByRole('button', { name: 'Done' }).click()
      await operatorPage.getByText('No requests.').waitFor()
      await operatorPage.context().close()

      await page.reload()
      await page.getByText('A reviewer checked it: you are eligible.').waitFor()
      assert.deepEqual(problems, [])
    } finally {
      await page.context().close()
    }
  })
})
