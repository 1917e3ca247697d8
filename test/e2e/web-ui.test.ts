import assert from 'node:assert/strict'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import type { DemoLogin } from '../../src/services/index.ts'
import {
  gateBrowserSuite,
  openPage,
  SCREENSHOT_DIR,
  signIn,
  submitSignIn,
  useServerAndBrowser,
} from './browser-harness.ts'
import { startTestServer } from './start-test-server.ts'

// The whole browser suite in real headless Chromium (Debian's), with the flags STACK.md verified.
const IS_SKIPPED = gateBrowserSuite('web UI in headless Chromium')
/** The screenshots' size, Seoul's time zone, a shorter wait than the harness's; console errors count. */
const PAGE_OPTIONS = {
  viewport: { width: 1280, height: 860 },
  timezoneId: 'Asia/Seoul',
  timeoutMs: 10_000,
  isConsoleErrorAProblem: true,
} as const

/** A page plus the console errors, failed requests and CSP violations it produced. */
interface OpenedPage {
  readonly context: BrowserContext
  readonly page: Page
  readonly problems: string[]
}

describe('web UI in headless Chromium', { skip: IS_SKIPPED }, () => {
  const suite = useServerAndBrowser(startTestServer)

  function loginOf(role: string, index = 0): DemoLogin {
    const login = suite.server.logins.filter((entry) => entry.role === role)[index]
    assert.ok(login, `the demo hub has a ${role} login`)
    return login
  }

  /** A page at the sign-in form, in a browser set to `locale`, with its own list of problems. */
  async function openSignInPage(locale: string): Promise<OpenedPage> {
    const problems: string[] = []
    const page = await openPage(suite.browser, suite.server.url, { ...PAGE_OPTIONS, locale, problems })
    return { context: page.context(), page, problems }
  }

  /** Signs in and checks that the header names the user. */
  async function signInAndCheckName(page: Page, login: DemoLogin): Promise<void> {
    await signIn(page, login)
    assert.equal(await page.getByTestId('user-name').textContent(), login.name)
  }

  async function switchLanguage(page: Page, nativeName: '한국어' | 'English' | 'Tiếng Việt') {
    const button = page.getByRole('button', { name: nativeName, exact: true })
    const saved = page.waitForResponse(
      (response) => response.url().endsWith('/api/me/locale') && response.request().method() === 'PUT',
    )
    await button.click()
    assert.equal((await saved).status(), 200, 'the language choice is saved')
    assert.equal(await button.getAttribute('aria-pressed'), 'true')
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
  }

  test('sign-in page follows the browser language; a wrong password shows an error', async () => {
    const opened = await openSignInPage('ko-KR')
    const { page } = opened
    try {
      await page.getByRole('heading', { name: '로그인' }).waitFor()
      assert.equal(await page.locator('html').getAttribute('lang'), 'ko')
      await screenshot(page, 'sign-in-ko')
      await submitSignIn(page, { email: loginOf('operator').email, password: 'not-the-password' })
      const error = page.getByTestId('sign-in-error')
      await error.waitFor()
      assert.equal(await error.textContent(), '이메일 또는 비밀번호가 올바르지 않습니다.')
      await page.getByRole('button', { name: 'English', exact: true }).click()
      await page.getByRole('heading', { name: 'Sign in' }).waitFor()
      assert.equal(
        await error.textContent(),
        'The email or password is incorrect.',
        'the error follows the switch',
      )
      await screenshot(page, 'sign-in-error-en')
      assert.equal(await page.getByTestId('user-name').count(), 0, 'still signed out')
      assert.deepEqual(opened.problems, [], 'no console errors, CSP violations or server errors')
    } finally {
      await opened.context.close()
    }
  })

  test('operator: Korean by default, sees the demo program with its companies, positions and applicants, then English', async () => {
    const opened = await openSignInPage('en-US')
    const { page } = opened
    try {
      await page.getByRole('heading', { name: 'Sign in' }).waitFor()
      await signInAndCheckName(page, loginOf('operator'))
      await page.getByRole('heading', { level: 1, name: '프로그램 관리' }).waitFor()
      assert.equal(await page.getByTestId('user-role').textContent(), '허브 운영자')
      assert.equal(await page.locator('html').getAttribute('lang'), 'ko')

      const program = await suite.server.store.db
        .selectFrom('program')
        .select(['id', 'title'])
        .executeTakeFirstOrThrow()
      const positions = await suite.server.store.db
        .selectFrom('programPosition')
        .innerJoin('position', 'position.id', 'programPosition.positionId')
        .innerJoin('company', 'company.id', 'position.companyId')
        .select(['position.title', 'company.name as companyName'])
        .where('programPosition.programId', '=', program.id)
        .execute()
      const applicants = await suite.server.store.db
        .selectFrom('application')
        .innerJoin('candidate', 'candidate.id', 'application.candidateId')
        .select(['candidate.fullName'])
        .where('application.programId', '=', program.id)
        .execute()
      const companyNames = [...new Set(positions.map((row) => row.companyName))]
      assert.ok(
        positions.length > 0 && applicants.length > 0,
        'the demo program has positions and applicants',
      )

      const card = page.getByTestId('program-list').locator('li', { hasText: program.title })
      await card.waitFor()
      const stats = await card.locator('.stat dd').allTextContents()
      assert.deepEqual(
        stats.slice(0, 2).map((value) => Number(value.replace(/\D/g, ''))),
        [companyNames.length, positions.length],
        'the program card counts its companies and positions',
      )
      assert.equal(Number((stats[3] ?? '').replace(/\D/g, '')), applicants.length, 'and its applicants')
      await screenshot(page, 'operator-home-ko')

      await card.getByRole('link', { name: program.title }).click()
      await page.getByRole('heading', { level: 1, name: program.title }).waitFor()
      await page.getByRole('heading', { level: 2, name: '포지션' }).waitFor()
      const positionRows = page.getByTestId('program-positions').locator('tbody tr')
      await positionRows.first().waitFor()
      assert.equal(await positionRows.count(), positions.length)
      const positionsText = (await page.getByTestId('program-positions').textContent()) ?? ''
      for (const name of companyNames) assert.ok(positionsText.includes(name), `positions list ${name}`)
      const applicantRows = page.getByTestId('program-applicants').locator('tbody tr')
      await applicantRows.first().waitFor()
      assert.equal(await applicantRows.count(), applicants.length)
      const firstApplicant = [...applicants].sort((a, b) => a.fullName.localeCompare(b.fullName))[0]
      assert.ok(firstApplicant)
      await page.getByTestId('program-applicants').getByText(firstApplicant.fullName).first().waitFor()
      await screenshot(page, 'operator-program-ko')

      await switchLanguage(page, 'English')
      await page.getByRole('heading', { level: 2, name: 'Applicants' }).waitFor()
      await page.getByRole('columnheader', { name: 'Nationality' }).waitFor()
      await page.getByLabel('Filter applicants').fill(firstApplicant.fullName)
      assert.ok((await applicantRows.count()) >= 1 && (await applicantRows.count()) < applicants.length)
      await screenshot(page, 'operator-program-en')
      await page.getByRole('link', { name: 'All programs' }).click()
      await page.getByRole('heading', { level: 1, name: 'Programs' }).waitFor()
      assert.equal(await page.getByTestId('user-role').textContent(), 'Hub operator')

      // The choice was saved to the account: a reload keeps English.
      await page.reload()
      await page.getByRole('heading', { level: 1, name: 'Programs' }).waitFor()
      assert.deepEqual(opened.problems, [], 'no console errors, CSP violations or server errors')
    } finally {
      await opened.context.close()
    }
  })

  test('company member sees its own company and positions, not other companies’ positions', async () => {
    const opened = await openSignInPage('en-US')
    const { page } = opened
    try {
      const login = loginOf('company')
      await signInAndCheckName(page, login)
      const companies = await suite.server.store.db
        .selectFrom('company')
        .innerJoin('roleGrant', 'roleGrant.companyId', 'company.id')
        .innerJoin('authUser', 'authUser.id', 'roleGrant.userId')
        .select(['company.id', 'company.name'])
        .where('authUser.email', '=', login.email)
        .execute()
      const own = companies[0]
      assert.ok(own, 'the company login is linked to a company')
      const allPositions = await suite.server.store.db
        .selectFrom('position')
        .innerJoin('company', 'company.id', 'position.companyId')
        .select(['position.title', 'position.companyId', 'company.name as companyName'])
        .execute()
      const ownTitles = allPositions.filter((row) => row.companyId === own.id).map((row) => row.title)
      const otherTitles = allPositions
        .filter((row) => row.companyId !== own.id && !ownTitles.includes(row.title))
        .map((row) => row.title)
      const otherCompanies = [...new Set(allPositions.map((row) => row.companyName))].filter(
        (name) => name !== own.name,
      )
      assert.ok(ownTitles.length > 0 && otherTitles.length > 0)

      await switchLanguage(page, '한국어')
      await page.getByRole('heading', { level: 1, name: own.name }).waitFor()
      await page.getByRole('heading', { level: 2, name: '모집 포지션' }).waitFor()
      const list = page.getByTestId('company-positions')
      await list.waitFor()
      assert.equal(await list.locator(':scope > li').count(), ownTitles.length)
      const pageText = (await page.locator('main').textContent()) ?? ''
      for (const title of ownTitles) assert.ok(pageText.includes(title), `own position ${title} is shown`)
      for (const title of otherTitles)
        assert.ok(!pageText.includes(title), `other position ${title} is hidden`)
      for (const name of otherCompanies)
        assert.ok(!pageText.includes(name), `other company ${name} is hidden`)
      await page.getByRole('heading', { level: 2, name: '참여 중인 프로그램' }).waitFor()
      await screenshot(page, 'company-home-ko')

      await switchLanguage(page, 'English')
      await page.getByRole('heading', { level: 2, name: 'Our positions' }).waitFor()
      await page.getByRole('heading', { level: 2, name: 'Programs we take part in' }).waitFor()
      assert.equal(await page.getByTestId('user-role').textContent(), 'Company member')
      assert.deepEqual(opened.problems, [], 'no console errors, CSP violations or server errors')
    } finally {
      await opened.context.close()
    }
  })

  test('candidate sees own profile and applications in Korean, English and Vietnamese, and edits the profile', async () => {
    const opened = await openSignInPage('en-US')
    const { page } = opened
    try {
      const login = loginOf('candidate')
      await signInAndCheckName(page, login)
      await page.getByTestId('candidate-profile').waitFor()
      await switchLanguage(page, '한국어')
      await page.getByRole('heading', { level: 1, name: '내 프로필' }).waitFor()
      await page.getByRole('heading', { level: 2, name: '내 지원 현황' }).waitFor()
      await page.getByRole('heading', { level: 2, name: login.name }).waitFor()
      const program = await suite.server.store.db
        .selectFrom('program')
        .select('title')
        .executeTakeFirstOrThrow()
      await page.getByTestId('own-applications').getByText(program.title).waitFor()
      await screenshot(page, 'candidate-home-ko')

      await switchLanguage(page, 'Tiếng Việt')
      await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor()
      await screenshot(page, 'candidate-home-vi')

      await switchLanguage(page, 'English')
      await page.getByRole('heading', { level: 1, name: 'My profile' }).waitFor()
      await page.getByRole('heading', { level: 2, name: 'My applications' }).waitFor()
      await page.getByRole('button', { name: 'Edit profile' }).click()
      await page.getByLabel('City').fill('Da Nang')
      await page.getByLabel('Hours per week').fill('99')
      await page.getByRole('button', { name: 'Save profile' }).click()
      await page.getByText('Enter a whole number from 1 to 60.').waitFor()
      await page.getByLabel('Hours per week').fill('30')
      await page.getByRole('button', { name: 'Add a skill' }).click()
      await page.locator('.skill-row').last().locator('input').fill('rag-pipelines')
      await screenshot(page, 'candidate-edit-en')
      await page.getByRole('button', { name: 'Save profile' }).click()
      await page.getByText('Your profile has been saved.').waitFor()
      const profileText = (await page.getByTestId('candidate-profile').textContent()) ?? ''
      assert.ok(profileText.includes('Da Nang'), 'the new city is shown')
      assert.ok(profileText.includes('30 hours a week'), 'the new hours are shown')
      assert.ok(profileText.includes('rag-pipelines'), 'the new skill is shown')
      const stored = await suite.server.store.db
        .selectFrom('candidate')
        .innerJoin('roleGrant', 'roleGrant.candidateId', 'candidate.id')
        .innerJoin('authUser', 'authUser.id', 'roleGrant.userId')
        .select(['candidate.city', 'candidate.hoursPerWeek'])
        .where('authUser.email', '=', login.email)
        .executeTakeFirstOrThrow()
      assert.deepEqual(
        { city: stored.city, hoursPerWeek: stored.hoursPerWeek },
        { city: 'Da Nang', hoursPerWeek: 30 },
      )
      assert.deepEqual(opened.problems, [], 'no console errors, CSP violations or server errors')
    } finally {
      await opened.context.close()
    }
  })

  test('reviewer sees the programs list in Korean and English, and signs out', async () => {
    const opened = await openSignInPage('vi-VN')
    const { page } = opened
    try {
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()
      await signInAndCheckName(page, loginOf('reviewer'))
      await page.getByTestId('program-list').waitFor()
      await switchLanguage(page, '한국어')
      await page.getByRole('heading', { level: 1, name: '심사 대상 프로그램' }).waitFor()
      assert.equal(await page.getByTestId('user-role').textContent(), '심사위원')
      await screenshot(page, 'reviewer-home-ko')
      await page.setViewportSize({ width: 390, height: 844 })
      await screenshot(page, 'reviewer-home-mobile-ko')
      await switchLanguage(page, 'English')
      await page.getByRole('heading', { level: 1, name: 'Programs to review' }).waitFor()
      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.getByRole('heading', { name: 'Sign in' }).waitFor()
      await page.reload()
      await page.getByRole('heading', { name: 'Sign in' }).waitFor()
      assert.equal(await page.getByTestId('user-name').count(), 0)
      assert.deepEqual(opened.problems, [], 'no console errors, CSP violations or server errors')
    } finally {
      await opened.context.close()
    }
  })
})
