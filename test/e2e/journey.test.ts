import assert from 'node:assert/strict'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { gateBrowserSuite, openPage, SCREENSHOT_DIR, useServerAndBrowser } from './browser-harness.ts'
import { startTestServer } from './start-test-server.ts'

// The program journey in headless Chromium: a Vietnamese candidate ranks, the operator freezes, runs and
// publishes the demo program's match, and the candidate sees the outcome.
const IS_SKIPPED = gateBrowserSuite('program journey in headless Chromium')
/** The screenshots' size. */
const VIEWPORT = { width: 1280, height: 860 }

describe('program journey in headless Chromium', { skip: IS_SKIPPED }, () => {
  const suite = useServerAndBrowser(startTestServer)

  test('candidate ranks; operator freezes, runs and publishes; the Vietnamese candidate sees the outcome', async () => {
    const problems: string[] = []
    const program = await suite.server.store.db
      .selectFrom('program')
      .select(['id', 'title'])
      .executeTakeFirstOrThrow()
    // A Vietnamese candidate of the demo hub who applied to the program and has a demo login.
    const candidateLogins = suite.server.logins.filter((login) => login.role === 'candidate')
    const vietnamese = await suite.server.store.db
      .selectFrom('authUser')
      .select(['email'])
      .where('locale', '=', 'vi')
      .where(
        'email',
        'in',
        candidateLogins.map((login) => login.email),
      )
      .executeTakeFirst()
    const candidateLogin = candidateLogins.find((login) => login.email === vietnamese?.email)
    assert.ok(candidateLogin, 'the demo hub has a Vietnamese candidate login')
    const operatorLogin = suite.server.logins.find((login) => login.role === 'operator')
    assert.ok(operatorLogin)

    const candidate = await openPage(suite.browser, suite.server.url, {
      problems,
      viewport: VIEWPORT,
      signInAs: candidateLogin,
    })
    await candidate.getByRole('link', { name: program.title }).click()
    await candidate.getByRole('heading', { level: 2, name: 'Xếp hạng các vị trí' }).waitFor()
    await candidate.getByText('xếp hạng trung thực là lựa chọn an toàn nhất', { exact: false }).waitFor()
    const addButtons = candidate
      .getByTestId('ranking')
      .getByRole('button', { name: /^Thêm .* vào xếp hạng$/ })
    await addButtons.first().waitFor()
    await addButtons.first().click()
    await addButtons.first().click()
    await candidate
      .getByRole('button', { name: /^Chuyển .* xuống$/ })
      .first()
      .click()
    const saved = candidate.waitForResponse(
      (response) => response.url().endsWith('/ranking') && response.request().method() === 'PUT',
    )
    await candidate.getByTestId('ranking-save').click()
    assert.equal((await saved).status(), 200, 'the rank list is saved')
    await candidate.getByText('Đã lưu xếp hạng của bạn.').waitFor()
    await candidate.getByTestId('recommendations').locator('.card').first().waitFor()
    await candidate.screenshot({ path: join(SCREENSHOT_DIR, 'journey-ranking-vi.png'), fullPage: true })

    const operator = await openPage(suite.browser, suite.server.url, {
      problems,
      viewport: VIEWPORT,
      signInAs: operatorLogin,
    })
    await operator.goto(`${suite.server.url}/programs/${program.id}`)
    await operator.getByTestId('match-runs').waitFor()
    await operator.getByTestId('phase-select').selectOption('ranking_freeze')
    await operator.getByRole('button', { name: '단계 변경' }).click()
    await operator
      .getByText('프로그램이 “순위 확정” 단계로', { exact: false })
      .waitFor()
      .catch(() => {})
    await operator.getByRole('button', { name: '매칭 초안 실행' }).click()
    await operator.getByTestId('match-run').first().waitFor()
    await operator.getByTestId('match-run').first().locator('svg').first().waitFor()
    await operator.getByRole('button', { name: '발표' }).first().click()
    await operator.getByText('결과를 발표했습니다.', { exact: false }).waitFor()
    await operator.getByRole('button', { name: '재실행 검증' }).first().click()
    await operator.getByText('재실행 검증 통과', { exact: false }).waitFor()
    await operator.screenshot({ path: join(SCREENSHOT_DIR, 'journey-match-runs-ko.png'), fullPage: true })

    await candidate.reload()
    await candidate.getByRole('heading', { level: 2, name: 'Kết quả ghép cặp' }).waitFor()
    const outcome = candidate
      .getByTestId('results')
      .locator('[data-testid="placement"], [data-testid="not-matched"]')
    await outcome.first().waitFor()
    const text = (await outcome.first().textContent()) ?? ''
    assert.ok(/Bạn đã được ghép|Bạn chưa được ghép/.test(text), `a Vietnamese outcome: ${text}`)
    await candidate.getByTestId('ranking-frozen').waitFor()
    await candidate.screenshot({ path: join(SCREENSHOT_DIR, 'journey-results-vi.png'), fullPage: true })
    assert.deepEqual(problems, [], 'no page errors or server errors')
  })
})
