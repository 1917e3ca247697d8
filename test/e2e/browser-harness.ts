import assert from 'node:assert/strict'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { type Browser, chromium, type Page } from 'playwright-core'

/** Debian's Chromium (override with E2E_CHROMIUM_PATH). */
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Launch flags verified on this machine kind (STACK.md): no sandbox as root, no background networking. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
/** Where browser tests write their screenshots (gitignored). */
export const SCREENSHOT_DIR = join(new URL('../..', import.meta.url).pathname, 'test-output', 'screenshots')
/** Why browser tests cannot run here, or null when Chromium is installed. */
export const MISSING_BROWSER = existsSync(CHROMIUM_PATH)
  ? null
  : `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium fonts-nanum); browser tests skipped`

/**
 * Without Chromium, registers one test for `suite`: a failure when E2E_REQUIRED=1 (CI), else a counted
 * skip with the reason. Returns whether the browser suite itself should be skipped.
 */
export function gateBrowserSuite(suite: string): boolean {
  if (MISSING_BROWSER === null) return false
  if (process.env.E2E_REQUIRED === '1') {
    test(`${suite}: Chromium is installed (E2E_REQUIRED=1)`, () => {
      assert.fail(MISSING_BROWSER ?? '')
    })
  } else {
    test(suite, { skip: MISSING_BROWSER }, () => {})
  }
  return true
}

/** Launches headless Chromium with the verified flags and makes sure the screenshot folder exists. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
}

/**
 * Client addresses handed to browser contexts, from the documentation ranges (RFC 5737). Sign-in is
 * throttled per client address (better-auth allows 3 sign-ins per 10 s, reading the address from
 * X-Forwarded-For), and every test file starts its own server, so a counter in this process keeps each
 * context a client of its own.
 */
const CLIENT_ADDRESS_PREFIXES = ['203.0.113', '192.0.2'] as const
let clientCount = 0

/** The next unused client address of this process, for a browser context or an API request. */
export function nextClientAddress(): string {
  const index = clientCount
  clientCount += 1
  const prefix = CLIENT_ADDRESS_PREFIXES[Math.floor(index / 254)]
  if (prefix === undefined)
    throw new Error(`more than ${254 * CLIENT_ADDRESS_PREFIXES.length} browser clients in one test file`)
  return `${prefix}.${(index % 254) + 1}`
}

/** How a test's browser context looks and what on its page counts as a problem. */
export interface PageOptions {
  /**
   * Where the page's problems are written: uncaught page errors (`page error: …`) and answers with an HTTP
   * status of 500 or more (`HTTP 500 <url>`). Without it nothing is recorded (a test about failures).
   */
  readonly problems?: string[]
  /** Put before each problem (`operator: page error: …`) when several pages share one list. */
  readonly label?: string
  /**
   * Console errors count as problems too (`console: …`), which catches CSP violations and failed requests.
   * Chromium's "status of 401" line is not one: signed-out pages ask /api/me, and a wrong password answers 401.
   */
  readonly isConsoleErrorAProblem?: boolean
  /** Accept every confirm() dialog, for screens that ask before publishing, declining or replacing. */
  readonly isAcceptingDialogs?: boolean
  /** The browser's language (Accept-Language, navigator.languages); 'en-US' unless given. */
  readonly locale?: string
  /** The browser's time zone; the machine's unless given. */
  readonly timezoneId?: string
  /** 1280 × 900 unless given; screenshots are taken at this size. */
  readonly viewport?: { readonly width: number; readonly height: number }
  /** How long actions and waits may take; 15 s unless given. */
  readonly timeoutMs?: number
}

/** Who signs in through the sign-in form. */
export interface SignInCredentials {
  readonly email: string
  readonly password: string
}

/** `PageOptions`, and whom to sign in as once the page is open. */
export interface OpenPageOptions extends PageOptions {
  /** Signs in through the form after opening the URL, and waits until the header names the user. */
  readonly signInAs?: SignInCredentials
}

const DEFAULT_VIEWPORT = { width: 1280, height: 900 }
const DEFAULT_TIMEOUT_MS = 15_000
const EXPECTED_CONSOLE_ERROR = /status of 401/

/**
 * A page in a new browser context of its own (own cookies, own client address), not yet navigated, so that
 * routes, listeners or init scripts can be set first. `page.context()` is its context, to close it.
 */
export async function openBlankPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    ...(options.timezoneId !== undefined && { timezoneId: options.timezoneId }),
    viewport: { ...(options.viewport ?? DEFAULT_VIEWPORT) },
    extraHTTPHeaders: { 'x-forwarded-for': nextClientAddress() },
  })
  const page = await context.newPage()
  page.setDefaultTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
  const { problems } = options
  if (problems) {
    const prefix = options.label === undefined ? '' : `${options.label}: `
    page.on('pageerror', (error) => problems.push(`${prefix}page error: ${error.message}`))
    page.on('response', (response) => {
      if (response.status() >= 500) problems.push(`${prefix}HTTP ${response.status()} ${response.url()}`)
    })
    if (options.isConsoleErrorAProblem) {
      page.on('console', (message) => {
        if (message.type() === 'error' && !EXPECTED_CONSOLE_ERROR.test(message.text()))
          problems.push(`${prefix}console: ${message.text()}`)
      })
    }
  }
  if (options.isAcceptingDialogs) page.on('dialog', (dialog) => void dialog.accept())
  return page
}

/** `openBlankPage`, then opens `url`, and signs in when `signInAs` is given. */
export async function openPage(browser: Browser, url: string, options: OpenPageOptions = {}): Promise<Page> {
  const page = await openBlankPage(browser, options)
  await page.goto(url)
  if (options.signInAs) await signIn(page, options.signInAs)
  return page
}

/** Fills the sign-in form on the page and submits it, without waiting for the answer. */
export async function submitSignIn(page: Page, credentials: SignInCredentials): Promise<void> {
  await page.locator('input[name="email"]').fill(credentials.email)
  await page.locator('input[name="password"]').fill(credentials.password)
  await page.locator('form button[type="submit"]').click()
}

/** Signs in through the form on the page and waits until the header shows who is signed in. */
export async function signIn(page: Page, credentials: SignInCredentials): Promise<void> {
  await submitSignIn(page, credentials)
  await page.getByTestId('user-name').waitFor()
}

/**
 * For a describe block: starts a test server (with `start`) and Chromium before its tests and closes both
 * after them; the tests reach them through the returned object.
 */
export function useServerAndBrowser<S extends { close(): Promise<void> }>(
  start: () => Promise<S>,
): { readonly server: S; readonly browser: Browser } {
  let server: S | undefined
  let browser: Browser | undefined
  before(async () => {
    ;[server, browser] = await Promise.all([start(), launchBrowser()])
  })
  after(async () => {
    await browser?.close()
    await server?.close()
  })
  return {
    get server() {
      if (server === undefined) throw new Error('the test server starts before the tests')
      return server
    },
    get browser() {
      if (browser === undefined) throw new Error('Chromium starts before the tests')
      return browser
    },
  }
}
