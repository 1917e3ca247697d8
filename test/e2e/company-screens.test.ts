import assert from 'node:assert/strict'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { gateBrowserSuite, openPage, SCREENSHOT_DIR, useServerAndBrowser } from './browser-harness.ts'
import { startTestServer } from './start-test-server.ts'

// The company screens in headless Chromium, in Korean: a company member builds its rank list from the
// shortlist, reorders it by drag and drop, keyboard and buttons, ties two applicants, saves and finds it kept
// after a reload; a stale page cannot save after the operator freezes the lists (the page says why); after the
// operator publishes a match the member sees its interns with each position's cut-off.
const IS_SKIPPED = gateBrowserSuite('company screens in headless Chromium')

type Entry = string | string[]

describe('company screens in headless Chromium', { skip: IS_SKIPPED }, () => {
  const suite = useServerAndBrowser(startTestServer)
  let context: BrowserContext | undefined

  after(async () => {
    await context?.close().catch(() => {})
  })

  /** Signs in through the API (no browser) and returns the cookie header, for operator steps. */
  async function apiSignIn(email: string, password: string): Promise<string> {
    const response = await suite.server.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: suite.server.url, 'x-forwarded-for': '198.51.100.7' },
      payload: { email, password },
    })
    assert.equal(response.statusCode, 200, response.body)
    return [response.headers['set-cookie']]
      .flat()
      .filter((cookie): cookie is string => typeof cookie === 'string')
      .map((cookie) => cookie.split(';')[0])
      .join('; ')
  }

  async function api(cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
    const response = await suite.server.app.inject({
      method,
      url,
      headers: { cookie, origin: suite.server.url },
      ...(payload && { payload }),
    })
    assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`)
    return response.json()
  }

  /** Names of the rank list's rows, top to bottom. */
  async function rowNames(page: Page): Promise<string[]> {
    return page
      .getByTestId('company-rank-row')
      .locator('.company-rank-text > .cell-strong')
      .evaluateAll((nodes) =>
        nodes.map((node) => (node.lastChild?.textContent ?? '').trim()).filter((name) => name.length > 0),
      )
  }

  /** Waits (up to 5 s) until the rows read `expected`; the order changes after the drop animation. */
  async function waitForRows(page: Page, expected: readonly string[]): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
      if ((await rowNames(page)).join('|') === expected.join('|')) return
      await page.waitForTimeout(100)
    }
  }

  /** Drags a row's handle onto another row with small mouse steps, as a person would. */
  async function dragRow(page: Page, from: Locator, to: Locator): Promise<void> {
    const handle = from.getByTestId('company-rank-handle')
    await to.scrollIntoViewIfNeeded()
    await handle.scrollIntoViewIfNeeded()
    const start = await handle.boundingBox()
    const target = await to.boundingBox()
    assert.ok(start && target)
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2)
    await page.mouse.down()
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2 - 8, { steps: 4 })
    await page.mouse.move(start.x + start.width / 2, target.y + target.height / 3, { steps: 20 })
    // dnd-kit settles the drop target on the next animation frames; a person also pauses before letting go.
    await page.waitForTimeout(200)
    await page.mouse.up()
  }

  test('a Korean company member ranks, saves, is stopped by the freeze, then sees its interns', async () => {
    const problems: string[] = []
    const db = suite.server.store.db
    const program = await db.selectFrom('program').select(['id', 'title']).executeTakeFirstOrThrow()
    const companyLogin = suite.server.logins.find((login) => login.role === 'company')
    const operatorLogin = suite.server.logins.find((login) => login.role === 'operator')
    assert.ok(companyLogin && operatorLogin)
    const grant = await db
      .selectFrom('roleGrant')
      .innerJoin('authUser', 'authUser.id', 'roleGrant.userId')
      .select('roleGrant.companyId')
      .where('authUser.email', '=', companyLogin.email)
      .executeTakeFirstOrThrow()
    const companyId = grant.companyId!
    const operator = await apiSignIn(operatorLogin.email, operatorLogin.password)
    await api(operator, 'PATCH', `/api/programs/${program.id}`, { phase: 'ranking' })

    const page = await openPage(suite.browser, suite.server.url, {
      problems,
      locale: 'ko-KR',
      timezoneId: 'Asia/Seoul',
      viewport: { width: 1360, height: 900 },
      // Confirmation dialogs (replace the list, leave with changes) are accepted.
      isAcceptingDialogs: true,
      signInAs: companyLogin,
    })
    context = page.context()

    // From the program page to the rank list.
    await page.getByRole('link', { name: program.title }).first().click()
    await page.getByRole('heading', { level: 2, name: '이 프로그램에서 할 일' }).waitFor()
    await page.getByRole('link', { name: '순위 목록 열기' }).click()
    await page.getByRole('heading', { level: 1, name: '지원자 순위 정하기' }).waitFor()
    await page.getByText('솔직하게 순위를 매기는 것이 가장 안전합니다', { exact: false }).waitFor()
    await page.getByTestId('company-ranking-deadline').getByText('2027. 5. 7.', { exact: false }).waitFor()
    await page.getByText('아직 이 목록에 지원자가 없습니다', { exact: false }).waitFor()

    // Add four applicants from the shortlist beside the list; each shows its fit and why.
    const shortlist = page.getByTestId('shortlist')
    const items = shortlist.getByTestId('shortlist-item')
    await items.first().waitFor()
    const headline = (await items.first().locator('.shortlist-headline').textContent()) ?? ''
    assert.match(headline, /적합도 \d+(\.\d+)?\/100|제외됨/, 'the fit explanation is in Korean')
    await items.first().locator('.fit-skills').waitFor()
    const added: string[] = []
    for (let index = 0; index < 4; index++) {
      const item = items.nth(index)
      const name = ((await item.locator('.shortlist-head .cell-strong').textContent()) ?? '').trim()
      await item.getByRole('button', { name: `${name}을(를) 순위 목록에 추가` }).click()
      await item.getByText(`목록에 있음 · ${index + 1}위`).waitFor()
      added.push(name)
    }
    assert.deepEqual(await rowNames(page), added, 'applicants are added in order')
    await page.getByText('저장하지 않은 변경 사항이 있습니다', { exact: false }).waitFor()

    // Drag the fourth applicant to the top with the mouse.
    const rows = page.getByTestId('company-rank-row')
    await dragRow(page, rows.nth(3), rows.nth(0))
    const [a, b, c, d] = added as [string, string, string, string]
    await waitForRows(page, [d, a, b, c])
    assert.deepEqual(await rowNames(page), [d, a, b, c], 'drag and drop moved the fourth to the top')

    // Keyboard sorting: pick up the top applicant, move it one down, drop it.
    await rows.nth(0).getByTestId('company-rank-handle').focus()
    await page.keyboard.press('Space')
    await page.waitForTimeout(150)
    await page.keyboard.press('ArrowDown')
    await page.waitForTimeout(250)
    await page.keyboard.press('Space')
    await waitForRows(page, [a, d, b, c])
    assert.deepEqual(await rowNames(page), [a, d, b, c], 'keyboard sorting moved it one down')

    // Buttons: move the last applicant up, then tie the second and third.
    await page.getByRole('button', { name: `${c} 위로 이동` }).click()
    assert.deepEqual(await rowNames(page), [a, d, c, b])
    const tie = page.getByRole('button', { name: `바로 위 지원자와 동순위: ${c}` })
    await tie.click()
    assert.equal(await tie.getAttribute('aria-pressed'), 'true')
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'company-ranking-edit-ko.png'), fullPage: true })
    await page.evaluate('window.scrollTo(0, 0)')
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'company-ranking-edit-top-ko.png') })

    const ids = await rows.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id') ?? ''))
    const expected: Entry[] = [ids[0]!, [ids[1]!, ids[2]!], ids[3]!]
    const saved = page.waitForResponse(
      (response) => response.url().includes('/ranking') && response.request().method() === 'PUT',
    )
    await page.getByRole('button', { name: '순위 목록 저장' }).click()
    assert.equal((await saved).status(), 200, 'the rank list is saved')
    await page.getByTestId('company-ranking-status').getByText('저장했습니다', { exact: false }).waitFor()
    const stored = await api(operator, 'GET', `/api/programs/${program.id}/companies/${companyId}/ranking`)
    assert.deepEqual(stored.entries, expected, 'the saved list has the order and the tie')

    // A reload shows the saved list, tie included.
    await page.reload()
    await page.getByTestId('company-rank-row').first().waitFor()
    assert.deepEqual(await rowNames(page), [a, d, c, b], 'the order is kept after a reload')
    assert.equal(
      await page.getByRole('button', { name: `바로 위 지원자와 동순위: ${c}` }).getAttribute('aria-pressed'),
      'true',
      'the tie is kept after a reload',
    )

    // A stale page: the member edits, the operator freezes the lists meanwhile, saving is refused and says why.
    await page.getByRole('button', { name: `${b} 위로 이동` }).click()
    await page.getByText('저장하지 않은 변경 사항이 있습니다', { exact: false }).waitFor()
    await api(operator, 'PATCH', `/api/programs/${program.id}`, { phase: 'ranking_freeze' })
    const refused = page.waitForResponse(
      (response) => response.url().includes('/ranking') && response.request().method() === 'PUT',
    )
    await page.getByRole('button', { name: '순위 목록 저장' }).click()
    assert.equal((await refused).status(), 409, 'the API refuses a change after the freeze')
    const alert = page.getByTestId('company-ranking-save-error')
    await alert.waitFor()
    const alertText = (await alert.textContent()) ?? ''
    assert.match(alertText, /변경 사항이 저장되지 않았습니다/)
    assert.match(alertText, /2027\. 5\. 7\./, 'the refusal names the freeze date')
    assert.match(alertText, /순위 확정/, 'the refusal names the phase')
    await page.getByTestId('company-ranking-frozen').waitFor()
    assert.deepEqual(await rowNames(page), [a, d, c, b], 'the page shows the list the match will use')
    assert.equal(await page.getByTestId('company-rank-handle').count(), 0, 'no drag handles once frozen')
    assert.equal(await page.getByRole('button', { name: '순위 목록 저장' }).count(), 0, 'no save once frozen')
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'company-ranking-frozen-ko.png'), fullPage: true })

    await page.reload()
    const frozen = page.getByTestId('company-ranking-frozen')
    await frozen.waitFor()
    assert.match((await frozen.textContent()) ?? '', /2027\. 5\. 7\.에 확정되어\(순위 확정 단계\) 읽기 전용/)
    assert.equal(await page.getByRole('button', { name: `${a} 아래로 이동` }).count(), 0)

    // Every applicant puts this company's positions first, so its seats are contested; then run and publish.
    const positions = await db
      .selectFrom('programPosition')
      .innerJoin('position', 'position.id', 'programPosition.positionId')
      .select('position.id')
      .where('programPosition.programId', '=', program.id)
      .where('position.companyId', '=', companyId)
      .execute()
    const applicants = await db
      .selectFrom('application')
      .select('candidateId')
      .where('programId', '=', program.id)
      .execute()
    for (const applicant of applicants) {
      await db
        .insertInto('ranking')
        .values({
          programId: program.id,
          side: 'candidate',
          candidateId: applicant.candidateId,
          entries: JSON.stringify(positions.map((position) => position.id)),
        })
        .execute()
    }
    const run = await api(operator, 'POST', `/api/programs/${program.id}/match-runs`, {})
    await api(operator, 'POST', `/api/match-runs/${run.id}/publish`, {})

    // The member finds the results from the program page, in Korean, with the cut-offs.
    await page.getByRole('link', { name: '프로그램으로 돌아가기', exact: false }).click()
    await page.getByRole('link', { name: '우리 회사 결과 보기' }).click()
    await page.getByRole('heading', { level: 1, name: '우리 회사 매칭 결과' }).waitFor()
    const placementsShown = page.getByTestId('company-results-placement')
    await placementsShown.first().waitFor()
    const shownNames = await placementsShown.locator('th .cell-strong').allTextContents()
    assert.ok(shownNames.length >= 1, 'the company has interns')
    for (const name of shownNames) assert.ok([a, b, c, d].includes(name), `${name} is on the company's list`)
    const placementText = (await placementsShown.first().textContent()) ?? ''
    assert.match(placementText, /\d+위/, 'the rank on the list is shown')
    assert.match(placementText, /답변 대기/, 'the offer status is shown in Korean')
    const cutoffs = await page.getByTestId('company-results-cutoff').allTextContents()
    assert.ok(cutoffs.length >= 1)
    for (const text of cutoffs) assert.match(text, /합격선/, `a Korean cut-off line: ${text}`)
    await page.getByTestId('company-results-next').getByText('2027. 5. 19.', { exact: false }).waitFor()
    await page.getByTestId('company-results-next').getByText('추가 모집(2차)', { exact: false }).waitFor()
    const csvHref = await page.getByTestId('company-results-csv').getAttribute('href')
    assert.match(csvHref ?? '', /placements\.csv\?locale=ko$/)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'company-results-ko.png'), fullPage: true })

    assert.deepEqual(problems, [], 'no page errors or server errors')
  })
})
