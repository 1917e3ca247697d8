import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import {
  gateBrowserSuite,
  openBlankPage,
  openPage,
  SCREENSHOT_DIR,
  useServerAndBrowser,
} from './browser-harness.ts'
import { startTestServer } from './start-test-server.ts'

// Each language's strings are a chunk of their own, fetched when needed: the first paint waits for the
// visitor's language (never showing keys), a switch fetches the other language, and a chunk that cannot be
// fetched is said in words, on first load and on a switch.
const IS_SKIPPED = gateBrowserSuite('language chunks in headless Chromium')

/**
 * The screenshots' size and a shorter wait than the harness's. The failure tests record no problems: a chunk
 * that cannot be fetched is what they are about.
 */
const PAGE_OPTIONS = { viewport: { width: 1280, height: 860 }, timeoutMs: 10_000 } as const

/** A built locale chunk: `assets/ko-<hash>.js`. */
const LOCALE_CHUNK = /\/assets\/(ko|en|vi)-[\w-]+\.js$/

function readLocale(locale: string): Record<string, Record<string, unknown>> {
  const url = new URL(`../../src/web/locales/${locale}.json`, import.meta.url)
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, Record<string, unknown>>
}
const ENGLISH = readLocale('en')
const VIETNAMESE = readLocale('vi')
/** Text that looks like a translation key (`signIn.title`): what a paint before the strings would show. */
const KEY_PATTERN = new RegExp(`\\b(${Object.keys(ENGLISH).join('|')})\\.[A-Za-z]`)

/**
 * Run in the page before its own scripts (a string: the test's tsconfig has no DOM types): records the
 * text of #root each time it changes, from the very first paint, in `window.rootTexts`.
 */
const RECORD_ROOT_TEXTS = `
  const texts = []
  window.rootTexts = texts
  new MutationObserver(() => {
    const text = document.getElementById('root')?.textContent ?? ''
    if (text && texts.at(-1) !== text) texts.push(text)
  }).observe(document, { childList: true, subtree: true, characterData: true })
`

describe('language chunks in headless Chromium', { skip: IS_SKIPPED }, () => {
  const suite = useServerAndBrowser(startTestServer)

  /** The languages whose chunks the page requested, in order. */
  function watchLocaleChunks(page: Page): string[] {
    const fetched: string[] = []
    page.on('request', (request) => {
      const match = LOCALE_CHUNK.exec(request.url())
      if (match?.[1]) fetched.push(match[1])
    })
    return fetched
  }

  test('the first paint is in the browser language, and only that language is fetched until a switch', async () => {
    const problems: string[] = []
    const page = await openBlankPage(suite.browser, {
      ...PAGE_OPTIONS,
      locale: 'vi-VN',
      problems,
      isConsoleErrorAProblem: true,
    })
    try {
      await page.addInitScript({ content: RECORD_ROOT_TEXTS })
      const fetched = watchLocaleChunks(page)
      await page.goto(suite.server.url)
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()

      const texts = (await page.evaluate('window.rootTexts')) as string[]
      assert.ok(texts.length > 0, 'the root was painted')
      for (const text of texts) assert.doesNotMatch(text, KEY_PATTERN, 'no translation key is ever painted')
      assert.ok(
        texts[0]?.includes(String(VIETNAMESE.common?.skipToContent)),
        `the first paint is already Vietnamese: ${texts[0]}`,
      )
      assert.deepEqual(fetched, ['vi'], 'only the Vietnamese strings were fetched')

      await page.getByRole('button', { name: 'English', exact: true }).click()
      await page.getByRole('heading', { name: 'Sign in' }).waitFor()
      assert.equal(await page.locator('html').getAttribute('lang'), 'en')
      assert.deepEqual(fetched, ['vi', 'en'], 'the switch fetched the English strings')

      // Back to Vietnamese: its strings are at hand already.
      await page.getByRole('button', { name: 'Tiếng Việt', exact: true }).click()
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()
      assert.deepEqual(fetched, ['vi', 'en'], 'nothing fetched twice')
      assert.deepEqual(problems, [], 'no console errors, page errors or server errors')
    } finally {
      await page.context().close()
    }
  })

  test('a language that cannot be fetched on a switch is said, the page keeps its language, and a retry works', async () => {
    const page = await openPage(suite.browser, suite.server.url, { ...PAGE_OPTIONS, locale: 'en-US' })
    try {
      await page.getByRole('heading', { name: 'Sign in' }).waitFor()
      const korean = /\/assets\/ko-[\w-]+\.js$/
      await page.route(korean, (route) => route.abort('internetdisconnected'))
      const koreanButton = page.getByRole('button', { name: '한국어', exact: true })
      await koreanButton.click()
      const alert = page.getByRole('alert')
      await alert.waitFor()
      assert.equal(
        await alert.textContent(),
        'The 한국어 text could not be loaded. Check your connection and try again.',
      )
      assert.equal(await page.getByRole('heading', { name: 'Sign in' }).count(), 1, 'still in English')
      assert.equal(await page.locator('html').getAttribute('lang'), 'en')
      assert.equal(await koreanButton.getAttribute('aria-pressed'), 'false')
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'locale-switch-failed-en.png') })

      await page.unroute(korean)
      await koreanButton.click()
      await page.getByRole('heading', { name: '로그인' }).waitFor()
      assert.equal(await koreanButton.getAttribute('aria-pressed'), 'true')
      assert.equal(await page.getByRole('alert').count(), 0, 'the message is gone')
    } finally {
      await page.context().close()
    }
  })

  test('when the first language cannot be fetched, the page says so in every language and reloads', async () => {
    const page = await openBlankPage(suite.browser, { ...PAGE_OPTIONS, locale: 'vi-VN' })
    try {
      const vietnamese = /\/assets\/vi-[\w-]+\.js$/
      await page.route(vietnamese, (route) => route.abort('internetdisconnected'))
      await page.goto(suite.server.url)
      const failure = page.getByTestId('locale-load-failure')
      await failure.waitFor()
      const titles = await failure.getByRole('heading').allTextContents()
      assert.deepEqual(
        titles,
        [
          'Không tải được nội dung của Ieum',
          '화면 문구를 불러오지 못했습니다',
          'Ieum could not load its text',
        ],
        'the visitor’s language first',
      )
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'locale-load-failure-vi.png'), fullPage: true })
      await page.unroute(vietnamese)
      await failure.getByRole('button', { name: 'Tải lại · 새로 고침 · Reload' }).click()
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()
      assert.equal(await page.getByTestId('locale-load-failure').count(), 0)
    } finally {
      await page.context().close()
    }
  })
})
