import assert from 'node:assert/strict'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { gateBrowserSuite, openBlankPage, SCREENSHOT_DIR, useServerAndBrowser } from './browser-harness.ts'
import { startTestServer } from './start-test-server.ts'

// A new Vietnamese candidate in real Chromium: signs up in Vietnamese, pastes a CV and sees skills
// pre-filled, saves the profile, applies to the demo program, sees their eligibility with reasons, ranks
// positions by dragging (mouse and keyboard), and reads their notifications.
const IS_SKIPPED = gateBrowserSuite('candidate sign-up in headless Chromium')
/** The browser window; the notifications shot is clipped to it. */
const VIEWPORT = { width: 1280, height: 900 }

const CV_TEXT = `Trần Thị Mai
Sinh viên năm cuối ngành Khoa học máy tính, Đại học Bách khoa Hà Nội (dự kiến tốt nghiệp 06/2027).
Kỹ năng: Python, PyTorch, xử lý ngôn ngữ tự nhiên, SQL, Docker.
Tiếng Anh IELTS 7.0.
2 năm kinh nghiệm làm thực tập sinh học máy tại FPT Software.`

/** The ids of the ranked positions, top first, as the page shows them. */
async function rankedIds(page: Page): Promise<string[]> {
  return page
    .getByTestId('rank-list')
    .locator(':scope > li')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-item-id') ?? ''))
}

/** Drags `handle` with the mouse onto the middle of `target`, in small steps as a hand would. */
async function dragWithMouse(page: Page, handle: Locator, target: Locator): Promise<void> {
  const from = await handle.boundingBox()
  const to = await target.boundingBox()
  assert.ok(from && to, 'both are on screen')
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 8, { steps: 4 })
  await page.mouse.move(to.x + from.width / 2, to.y + to.height / 2 - 4, { steps: 16 })
  await page.mouse.up()
}

describe('candidate sign-up in headless Chromium', { skip: IS_SKIPPED }, () => {
  const suite = useServerAndBrowser(startTestServer)

  test('a Vietnamese candidate signs up, completes the profile from a CV, applies, ranks by dragging and reads notifications', async () => {
    const problems: string[] = []
    const program = await suite.server.store.db
      .selectFrom('program')
      .select(['id', 'title'])
      .executeTakeFirstOrThrow()
    const page = await openBlankPage(suite.browser, {
      problems,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: VIEWPORT,
      isAcceptingDialogs: true,
    })
    const shot = (name: string, isWholePage = true) =>
      page.screenshot({
        path: join(SCREENSHOT_DIR, `${name}.png`),
        ...(isWholePage ? { fullPage: true } : { clip: { x: 0, y: 0, ...VIEWPORT } }),
      })

    try {
      // Sign-in page in Vietnamese (the browser's language), with the way to register.
      await page.goto(suite.server.url)
      await page.getByRole('heading', { name: 'Đăng nhập', exact: true }).waitFor()
      await page.getByRole('link', { name: 'Tạo tài khoản ứng viên' }).click()
      await page.getByRole('heading', { name: 'Tạo tài khoản ứng viên', exact: true }).waitFor()
      assert.equal(new URL(page.url()).pathname, '/sign-up')
      assert.equal(await page.getByRole('radio', { name: 'Tiếng Việt' }).isChecked(), true)

      const email = 'tran.thi.mai@example.vn'
      await page.getByLabel('Họ và tên').fill('Trần Thị Mai')
      await page.getByLabel('Địa chỉ email').fill(email)
      await page.getByLabel('Mật khẩu', { exact: true }).fill('mật khẩu dài an toàn')
      // Without consent the form refuses, in Vietnamese, beside the checkbox.
      await page.getByRole('button', { name: 'Tạo tài khoản', exact: true }).click()
      await page.getByText('Vui lòng đồng ý cho xử lý dữ liệu cá nhân để đăng ký.').waitFor()
      await page.getByText('Ieum sử dụng dữ liệu cá nhân của bạn như thế nào').click()
      await page.getByText('Mọi lượt truy cập đều được ghi lại.', { exact: false }).waitFor()
      await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check()
      await shot('candidate-signup-form-vi')
      await page.getByRole('button', { name: 'Tạo tài khoản', exact: true }).click()

      // Signed in at once, on the candidate home, asked to complete the profile.
      await page.getByTestId('user-name').waitFor()
      assert.equal(await page.getByTestId('user-name').textContent(), 'Trần Thị Mai')
      assert.equal(await page.locator('html').getAttribute('lang'), 'vi')
      await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor()
      const checklist = page.getByTestId('profile-checklist')
      await checklist.getByText('Quốc tịch').waitFor()
      await checklist.getByText('Tình trạng thị thực').waitFor()
      await page.getByTestId('profile-incomplete').first().waitFor()
      await shot('candidate-signup-home-vi')
      const stored = await suite.server.store.db
        .selectFrom('authUser')
        .innerJoin('consent', 'consent.userId', 'authUser.id')
        .select(['authUser.locale', 'consent.grantedAt'])
        .where('authUser.email', '=', email)
        .executeTakeFirstOrThrow()
      assert.equal(stored.locale, 'vi')

      // Paste the CV: skills, language and education are pre-filled and marked.
      await checklist.getByRole('button', { name: 'Hoàn thiện hồ sơ' }).click()
      const form = page.getByTestId('profile-form')
      await form.getByLabel('Nội dung CV').fill(CV_TEXT)
      await form.getByRole('button', { name: 'Đọc CV của tôi' }).click()
      const found = page.getByTestId('cv-result')
      await found.getByText('Những gì chúng tôi tìm thấy trong CV').waitFor()
      await page.getByTestId('cv-skills').getByText('PyTorch').waitFor()
      const skillValues = await form
        .locator('.skill-row input')
        .evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value))
      for (const skill of ['python', 'pytorch', 'sql', 'docker'])
        assert.ok(skillValues.includes(skill), `${skill} pre-filled: ${skillValues.join(', ')}`)
      assert.ok((await form.locator('.skill-row.is-from-cv').count()) >= 4)
      assert.equal(await form.getByLabel('Trình độ ngôn ngữ 1').inputValue(), 'C1')
      await shot('candidate-cv-prefilled-vi')

      // Correct and complete the rest, then save.
      await form.getByLabel('Quốc tịch', { exact: true }).selectOption('VN')
      await form.getByLabel('Quốc gia cư trú', { exact: true }).selectOption('VN')
      await form.getByLabel('Thành phố', { exact: true }).fill('Hà Nội')
      await form.getByLabel('Tình trạng thị thực', { exact: true }).selectOption('abroad')
      await form.getByLabel('Trường đại học hoặc trường học').fill('Đại học Bách khoa Hà Nội')
      await form.getByLabel('Ngành học').fill('Khoa học máy tính')
      assert.equal(
        await form.getByLabel('Quốc gia của trường').inputValue(),
        'VN',
        'defaults to the residence',
      )
      await form.getByRole('button', { name: 'Lưu hồ sơ' }).click()
      await page.getByText('Đã lưu hồ sơ của bạn.', { exact: false }).waitFor()
      const profile = page.getByTestId('candidate-profile')
      await profile.getByTestId('profile-skill-chips').getByText('PyTorch').waitFor()
      await profile.getByText('Hà Nội', { exact: false }).first().waitFor()
      assert.equal(await page.getByTestId('profile-checklist').count(), 0, 'nothing is missing any more')

      // The demo program's call is open: eligibility with reasons in Vietnamese, then apply.
      const call = page.getByTestId('open-call').filter({ hasText: program.title })
      const preview = call.getByTestId('eligibility-preview')
      await preview.getByText('Bạn đáp ứng mọi điều kiện của chương trình này.').waitFor()
      assert.ok((await preview.locator('li.is-met').count()) >= 3, 'each rule with its reason')
      await call.getByLabel('Vì sao bạn chọn chương trình này? (không bắt buộc)').fill('Tôi muốn làm NLP.')
      await call.getByTestId('apply-button').click()
      await call.getByText('Hồ sơ của bạn đã được gửi.', { exact: false }).waitFor()
      await call.getByTestId('application-status').getByText('Đã nộp', { exact: false }).waitFor()
      await page.getByTestId('own-applications').getByText(program.title).waitFor()
      await shot('candidate-applied-vi')

      // The program page: application and eligibility, then the rank list.
      await call.getByRole('link', { name: 'Xem chi tiết chương trình' }).click()
      await page.getByRole('heading', { level: 1, name: program.title }).waitFor()
      await page.getByTestId('apply-panel').getByTestId('withdraw-button').waitFor()
      await page.getByRole('heading', { level: 2, name: 'Xếp hạng các vị trí' }).waitFor()
      await page.getByText('xếp hạng trung thực là lựa chọn an toàn nhất', { exact: false }).waitFor()
      const addButtons = page.getByTestId('ranking').getByRole('button', { name: /^Thêm .* vào xếp hạng$/ })
      for (let i = 0; i < 3; i++) await addButtons.first().click()
      const initial = await rankedIds(page)
      assert.equal(initial.length, 3)

      // Mouse: drag the third position to the top.
      const items = page.getByTestId('rank-list').locator(':scope > li')
      await dragWithMouse(page, items.nth(2).locator('.drag-handle'), items.nth(0))
      await page
        .getByTestId('rank-list')
        .locator(`:scope > li:first-child[data-item-id="${initial[2]}"]`)
        .waitFor()
      const dragged = await rankedIds(page)
      assert.deepEqual(dragged, [initial[2], initial[0], initial[1]], 'dragged to the top')

      // Keyboard: pick the top one up with Space, move it down one, drop it.
      // Each step is announced to screen readers, in Vietnamese; waiting for it paces the keys like a person.
      await items.nth(0).locator('.drag-handle').focus()
      await page.keyboard.press('Space')
      await page.getByText(/^Đã nhấc .* Mục này ở vị trí 1 trên 3\.$/).waitFor({ state: 'attached' })
      await page.keyboard.press('ArrowDown')
      await page.getByText(/đã chuyển đến vị trí 2 trên 3\.$/).waitFor({ state: 'attached' })
      await page.keyboard.press('Space')
      await page.getByText(/^Đã thả .* ở vị trí 2 trên 3\.$/).waitFor({ state: 'attached' })
      await page
        .getByTestId('rank-list')
        .locator(`:scope > li:first-child[data-item-id="${initial[0]}"]`)
        .waitFor()
      const keyed = await rankedIds(page)
      assert.deepEqual(keyed, [initial[0], initial[2], initial[1]], 'moved down with the keyboard')
      const saved = page.waitForResponse(
        (response) => response.url().endsWith('/ranking') && response.request().method() === 'PUT',
      )
      await page.getByTestId('ranking-save').click()
      assert.equal((await saved).status(), 200)
      await page.getByText('Đã lưu xếp hạng của bạn.').waitFor()
      const ranking = await suite.server.store.db
        .selectFrom('ranking')
        .innerJoin('candidate', 'candidate.id', 'ranking.candidateId')
        .select('ranking.entries')
        .where('candidate.email', '=', email)
        .executeTakeFirstOrThrow()
      assert.deepEqual(ranking.entries, keyed, 'the saved ranking is the order on screen')
      await shot('candidate-ranking-drag-vi')

      // Notifications: the bell counts the unread ones; opening one goes to its page and marks it read.
      const bell = page.getByTestId('notifications-button')
      await page.getByTestId('notifications-unread').getByText('2').waitFor()
      assert.equal(await bell.getAttribute('aria-label'), 'Thông báo, 2 chưa đọc')
      await bell.click()
      const panel = page.getByTestId('notifications-panel')
      await panel.getByText('Chào mừng bạn đến với Ieum').waitFor()
      await shot('candidate-notifications-vi', false)
      await panel.getByRole('link', { name: `[${program.title}] Đã nhận hồ sơ` }).click()
      await page.getByRole('heading', { level: 1, name: program.title }).waitFor()
      await page.getByTestId('notifications-unread').getByText('1').waitFor()
      await page.getByTestId('notifications-button').click()
      await page.getByRole('link', { name: 'Xem tất cả thông báo' }).click()
      await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor()
      await page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click()
      await page.getByText('0 thông báo chưa đọc').waitFor()
      assert.equal(await page.getByTestId('notifications-unread').count(), 0)
      await shot('candidate-notifications-page-vi')

      const outbox = await suite.server.store.db
        .selectFrom('notification')
        .select(['subject', 'deliveryStatus', 'locale'])
        .where('email', '=', email)
        .execute()
      assert.equal(outbox.length, 2, 'welcome and application received, also queued as e-mail')
      assert.ok(outbox.every((row) => row.locale === 'vi' && row.deliveryStatus === 'queued'))
      assert.deepEqual(problems, [], 'no page errors or server errors')
    } catch (error) {
      await shot('candidate-signup-failure').catch(() => {})
      throw error
    } finally {
      await page.context().close()
    }
  })
})
