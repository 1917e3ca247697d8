import assert from 'node:assert/strict'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { type Browser, chromium } from 'playwright-core'

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
