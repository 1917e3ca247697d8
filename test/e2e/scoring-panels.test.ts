import assert from 'node:assert/strict'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import type { DemoLogin } from '../../src/services/index.ts'
import { gateBrowserSuite, openPage, SCREENSHOT_DIR, signIn, useServerAndBrowser } from './browser-harness.ts'
import { startTestServer } from './start-test-server.ts'

// The scoring panels in real headless Chromium: a company's recommended shortlist with its Korean
// explanations, and the operator's skill supply/demand table.
const HANGUL = /[\uac00-\ud7a3]/
const IS_SKIPPED = gateBrowserSuite('scoring panels in headless Chromium')
/** The screenshots' size, Seoul's time zone, a shorter wait than the harness's; console errors count. */
const PAGE_OPTIONS = {
  viewport: { width: 1280, height: 860 },
  timezoneId: 'Asia/Seoul',
  timeoutMs: 10_000,
  isConsoleErrorAProblem: true,
} as const

interface OpenedPage {
  readonly context: BrowserContext
  readonly page: Page
  readonly problems: string[]
}

describe('scoring panels in headless Chromium', { skip: IS_SKIPPED }, () => {
  const suite = useServerAndBrowser(startTestServer)

  function loginOf(role: string): DemoLogin {
    const login = suite.server.logins.find((entry) => entry.role === role)
    assert.ok(login, `the demo hub has a ${role} login`)
    return login
  }

  /** A page at the sign-in form, in a browser set to `locale`, with its own list of problems. */
  async function openSignInPage(locale: string): Promise<OpenedPage> {
    const problems: string[] = []
    const page = await openPage(suite.browser, suite.server.url, { ...PAGE_OPTIONS, locale, problems })
    return { context: page.context(), page, problems }
  }

  async function switchLanguage(page: Page, nativeName: '한국어' | 'English' | 'Tiếng Việt') {
    const saved = page.waitForResponse(
      (response) => response.url().endsWith('/api/me/locale') && response.request().method() === 'PUT',
    )
    await page.getByRole('button', { name: nativeName, exact: true }).click()
    assert.equal((await saved).status(), 200, 'the language choice is saved')
  }

  /** The section under the level-2 heading `title` (the program page is long; the panel is what matters). */
  async function screenshotSection(page: Page, title: string, name: string): Promise<void> {
    const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: title }) })
    await section.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) })
  }

  async function firstProgram() {
    return suite.server.store.db.selectFrom('program').select(['id', 'title']).executeTakeFirstOrThrow()
  }

  test('company member sees a recommended shortlist per own position, explained in Korean, then English', async () => {
    const opened = await openSignInPage('ko-KR')
    const { page } = opened
    try {
      const login = loginOf('company')
      await signIn(page, login)
      const program = await firstProgram()
      const ownPositions = await suite.server.store.db
        .selectFrom('programPosition')
        .innerJoin('position', 'position.id', 'programPosition.positionId')
        .innerJoin('roleGrant', 'roleGrant.companyId', 'position.companyId')
        .innerJoin('authUser', 'authUser.id', 'roleGrant.userId')
        .select(['position.title'])
        .where('programPosition.programId', '=', program.id)
        .where('authUser.email', '=', login.email)
        .execute()
      assert.ok(ownPositions.length > 0, 'the company has positions in the demo program')

      await switchLanguage(page, '한국어')
      await page.getByRole('link', { name: program.title }).first().click()
      await page.getByRole('heading', { level: 1, name: program.title }).waitFor()
      await page.getByRole('heading', { level: 2, name: '추천 후보자' }).waitFor()
      const panels = page.getByTestId('shortlist')
      await panels.first().getByTestId('shortlist-item').first().waitFor()
      assert.equal(await panels.count(), ownPositions.length, 'one shortlist per own position')
      for (const position of ownPositions) {
        await page.getByRole('heading', { level: 3, name: position.title }).first().waitFor()
      }

      const first = panels.first().getByTestId('shortlist-item').first()
      assert.equal((await first.locator('.shortlist-rank').textContent())?.trim(), '1')
      const headline = (await first.locator('.shortlist-headline').textContent()) ?? ''
      assert.match(headline, /적합도 \d+(\.\d+)?\/100|제외됨/, 'the headline is in Korean')
      await first.locator('summary', { hasText: '추천 이유' }).click()
      const why = first.locator('.shortlist-why')
      await why.locator('li').first().waitFor()
      const whyText = (await why.textContent()) ?? ''
      assert.ok(HANGUL.test(whyText), `the explanation lines are Korean: ${whyText.slice(0, 120)}`)
      await screenshotSection(page, '추천 후보자', 'scoring-company-shortlist-ko')

      // The explanation is written by the server: a language change loads it again, in English.
      await switchLanguage(page, 'English')
      await page.getByRole('heading', { level: 2, name: 'Recommended candidates' }).waitFor()
      await page
        .locator('.shortlist-headline', { hasText: /Fit \d+|Excluded/ })
        .first()
        .waitFor()
      assert.deepEqual(opened.problems, [], 'no console errors, failed requests or CSP violations')
    } finally {
      await opened.context.close()
    }
  })

  test('operator sees the skill supply/demand table with Python and every position’s shortlist', async () => {
    const opened = await openSignInPage('en-US')
    const { page } = opened
    try {
      await signIn(page, loginOf('operator'))
      const program = await firstProgram()
      await page.getByRole('link', { name: program.title }).first().click()
      await page.getByRole('heading', { level: 1, name: program.title }).waitFor()
      await page.getByRole('heading', { level: 2, name: '기술 수요와 공급' }).waitFor()
      const table = page.getByTestId('skill-supply-demand')
      await table.locator('tbody tr').first().waitFor()
      const rows = table.locator('tbody tr')
      const shown = await rows.count()
      assert.ok(shown > 0 && shown <= 20, `at most 20 rows before "show all" (${shown})`)
      const showAll = page.getByRole('button', { name: '모두 보기' })
      if (await showAll.isVisible()) {
        await showAll.click()
        await page.getByRole('button', { name: '상위 20개만 보기' }).waitFor()
        assert.ok((await rows.count()) > 20, 'show all lists every skill')
      }
      await table.getByRole('rowheader', { name: '파이썬', exact: true }).waitFor()

      // The gap column is sorted largest first.
      const gaps = (await rows.locator('td:last-child').allTextContents()).map((text) =>
        Number(text.replace(/[^\d-]/g, '')),
      )
      assert.deepEqual(
        gaps,
        [...gaps].sort((a, b) => b - a),
        'largest gap first',
      )

      // Operators pick a position to see its shortlist.
      await page.getByRole('heading', { level: 2, name: '추천 후보자' }).waitFor()
      await page.getByTestId('shortlist').getByTestId('shortlist-item').first().waitFor()
      await screenshotSection(page, '기술 수요와 공급', 'scoring-operator-supply-demand-ko')
      await screenshotSection(page, '추천 후보자', 'scoring-operator-shortlist-ko')

      await switchLanguage(page, 'English')
      await page.getByRole('heading', { level: 2, name: 'Skill supply and demand' }).waitFor()
      await table.getByRole('rowheader', { name: 'Python', exact: true }).waitFor()
      assert.deepEqual(opened.problems, [], 'no console errors, failed requests or CSP violations')
    } finally {
      await opened.context.close()
    }
  })
})
