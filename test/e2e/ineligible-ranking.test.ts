import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { gateBrowserSuite, openPage, SCREENSHOT_DIR, useServerAndBrowser } from './browser-harness.ts'
import { startTestServer } from './start-test-server.ts'

// A demo candidate whose application the eligibility check finds not eligible opens the program page in
// Chromium: instead of a rank editor that could not save, the ranking section says why, with the unmet
// conditions in their language; once an operator overrides the verdict, the editor is back.
const IS_SKIPPED = gateBrowserSuite('ranking of an applicant found not eligible in headless Chromium')

type Strings = {
  ineligibleRanking: Record<string, string>
  companyRanking: Record<string, string>
}
const readStrings = (locale: string): Strings =>
  JSON.parse(readFileSync(new URL(`../../src/web/locales/${locale}.json`, import.meta.url), 'utf8'))

describe('ranking of an applicant found not eligible in headless Chromium', { skip: IS_SKIPPED }, () => {
  const suite = useServerAndBrowser(startTestServer)

  test('the candidate sees why they cannot rank, in their language, and can rank again after an override', async () => {
    const problems: string[] = []
    const db = suite.server.store.db
    const program = await db.selectFrom('program').select(['id', 'title']).executeTakeFirstOrThrow()
    const operatorLogin = suite.server.logins.find((login) => login.role === 'operator')
    assert.ok(operatorLogin)
    const operator = await openPage(suite.browser, suite.server.url, { problems, signInAs: operatorLogin })
    const api = async (page: Page, method: 'PATCH' | 'POST' | 'PUT', path: string, data: object) => {
      const response = await page.request.fetch(`${suite.server.url}${path}`, { method, data })
      assert.ok(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`)
      return response.json()
    }

    // Every demo candidate saves a list while the call is open; then the check runs and ranking opens.
    const positions = (await (
      await operator.request.get(`${suite.server.url}/api/programs/${program.id}/positions`)
    ).json()) as { id: string }[]
    const candidateLogins = suite.server.logins.filter((login) => login.role === 'candidate')
    const pages = new Map<string, Page>()
    for (const login of candidateLogins) {
      const page = await openPage(suite.browser, suite.server.url, { problems, signInAs: login })
      pages.set(login.email, page)
      await api(page, 'PUT', `/api/me/programs/${program.id}/ranking`, {
        entries: positions.slice(0, 3).map((position) => position.id),
      })
    }
    // A company ranks the three demo candidates too, before the check.
    const companyLogin = suite.server.logins.find((login) => login.role === 'company')
    assert.ok(companyLogin)
    const grants = await db
      .selectFrom('roleGrant')
      .innerJoin('authUser', 'authUser.id', 'roleGrant.userId')
      .select(['authUser.email', 'authUser.locale', 'roleGrant.companyId', 'roleGrant.candidateId'])
      .execute()
    const companyGrant = grants.find((grant) => grant.email === companyLogin.email)!
    const demoCandidateIds = candidateLogins.map(
      (login) => grants.find((grant) => grant.email === login.email)!.candidateId!,
    )
    const company = await openPage(suite.browser, suite.server.url, { problems, signInAs: companyLogin })
    await api(company, 'PUT', `/api/programs/${program.id}/companies/${companyGrant.companyId}/ranking`, {
      entries: demoCandidateIds,
    })
    await api(operator, 'PATCH', `/api/programs/${program.id}`, { phase: 'eligibility_check' })
    await api(operator, 'POST', `/api/programs/${program.id}/eligibility-check`, {})
    await api(operator, 'PATCH', `/api/programs/${program.id}`, { phase: 'ranking' })

    const found = await db
      .selectFrom('application')
      .innerJoin('candidate', 'candidate.id', 'application.candidateId')
      .innerJoin('roleGrant', 'roleGrant.candidateId', 'candidate.id')
      .innerJoin('authUser', 'authUser.id', 'roleGrant.userId')
      .select(['application.id', 'authUser.email', 'authUser.locale', 'application.eligibility'])
      .where('application.programId', '=', program.id)
      .where('application.status', '=', 'ineligible')
      .executeTakeFirst()
    assert.ok(found, 'the demo rules find a demo candidate with a login not eligible')
    const unmet = (found.eligibility as { reasons: { isMet: boolean }[] }).reasons.filter((r) => !r.isMet)
    assert.ok(unmet.length > 0)
    const locale = found.locale ?? 'en'
    const strings = readStrings(locale).ineligibleRanking
    const candidate = pages.get(found.email)!

    await candidate.goto(`${suite.server.url}/programs/${program.id}`)
    const notice = candidate.getByTestId('ranking-ineligible')
    await notice.getByRole('heading', { level: 3, name: strings.title! }).waitFor()
    await notice.getByText(strings.checked!).waitFor()
    const reasons = notice.getByTestId('ranking-ineligible-reasons').locator('li')
    await reasons.first().waitFor()
    assert.equal(await reasons.count(), unmet.length, 'every unmet condition is listed')
    for (const text of await reasons.allTextContents()) assert.ok(text.trim().length > 3, text)
    await notice.getByTestId('ranking-ineligible-saved').waitFor()
    // No rank editor that cannot save, no recommendations panel answering with an error.
    const section = candidate.locator('[data-section="ranking"]')
    assert.equal(await section.getByTestId('ranking').count(), 0)
    assert.equal(await candidate.getByTestId('ranking-save').count(), 0)
    assert.equal(await candidate.getByTestId('recommendations').count(), 0)
    assert.equal(await section.locator('.notice-error').count(), 0)
    await section.screenshot({ path: join(SCREENSHOT_DIR, `ineligible-ranking-section-${locale}.png`) })
    await candidate.screenshot({
      path: join(SCREENSHOT_DIR, `ineligible-ranking-${locale}.png`),
      fullPage: true,
    })

    // In another language the notice and its reasons follow.
    const other = locale === 'en' ? 'ko' : 'en'
    const switchName = other === 'en' ? 'English' : '한국어'
    await candidate.getByRole('button', { name: switchName, exact: true }).click()
    await notice
      .getByRole('heading', { level: 3, name: readStrings(other).ineligibleRanking.title! })
      .waitFor()
    await reasons.first().waitFor()
    assert.equal(await reasons.count(), unmet.length)

    // The company's list names the applicant found not eligible: the row says so, saving is refused with a
    // clear message, and removing them lets the list save.
    const companyStrings = readStrings(companyGrant.locale ?? 'en')
    await company.goto(`${suite.server.url}/programs/${program.id}/company-ranking`)
    const ineligibleId = grants.find((grant) => grant.email === found.email)!.candidateId!
    const flagged = company.locator(`[data-testid="company-rank-row"][data-id="${ineligibleId}"]`)
    await flagged
      .getByTestId('company-rank-unrankable')
      .getByText(companyStrings.ineligibleRanking.companyBadge!, { exact: true })
      .waitFor()
    await company.locator('[id^="company-rank-down-"]').first().click()
    const refused = company.waitForResponse(
      (response) => response.url().includes('/ranking') && response.request().method() === 'PUT',
    )
    await company.getByTestId('company-ranking-save').click()
    assert.equal((await refused).status(), 409)
    const refusal = (await company.getByTestId('company-ranking-save-error').textContent()) ?? ''
    assert.ok(
      refusal === companyStrings.ineligibleRanking.companySaveRefused_one?.replace('{{count}}', '1') ||
        refusal === companyStrings.ineligibleRanking.companySaveRefused_other?.replace('{{count}}', '1'),
      `a clear refusal: ${refusal}`,
    )
    await company.getByRole('button', { name: companyStrings.companyRanking.removeNotApplicants! }).click()
    assert.equal(await flagged.count(), 0)
    const accepted = company.waitForResponse(
      (response) => response.url().includes('/ranking') && response.request().method() === 'PUT',
    )
    await company.getByTestId('company-ranking-save').click()
    assert.equal((await accepted).status(), 200)
    await company.screenshot({ path: join(SCREENSHOT_DIR, 'ineligible-company-ranking.png'), fullPage: true })

    // An operator's override to eligible: after a reload the rank editor is back and saves.
    await api(operator, 'POST', `/api/applications/${found.id}/eligibility-override`, {
      isEligible: true,
      reason: 'Documents checked by hand',
    })
    await candidate.reload()
    await candidate.getByTestId('ranking').waitFor()
    assert.equal(await candidate.getByTestId('ranking-ineligible').count(), 0)
    await candidate.getByTestId('rank-list').waitFor()
    const saved = candidate.waitForResponse(
      (response) => response.url().endsWith('/ranking') && response.request().method() === 'PUT',
    )
    await candidate.locator('[id^="rank-down-"]').first().click()
    await candidate.getByTestId('ranking-save').click()
    assert.equal((await saved).status(), 200)
    await candidate.getByTestId('recommendations').locator('.card').first().waitFor()
    assert.deepEqual(problems, [], 'no page errors or server errors')
  })
})
