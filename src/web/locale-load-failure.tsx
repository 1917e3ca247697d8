import type { UiLocale } from '../domain/index.ts'
import { WEB_LOCALES } from './i18n.ts'

/**
 * The one text kept outside the locale files: it is shown when the user's language file could not be
 * fetched, so no translation is at hand. Every language says it, the user's own first.
 */
const FAILURE_TEXT: Readonly<
  Record<UiLocale, { readonly title: string; readonly text: string; readonly reload: string }>
> = {
  ko: {
    title: '화면 문구를 불러오지 못했습니다',
    text: '인터넷 연결을 확인한 뒤 페이지를 새로 고치세요. 이음이 방금 업데이트되었다면 새로 고침하면 해결됩니다.',
    reload: '새로 고침',
  },
  en: {
    title: 'Ieum could not load its text',
    text: 'Check your connection, then reload the page. If Ieum was just updated, reloading fixes this.',
    reload: 'Reload',
  },
  vi: {
    title: 'Không tải được nội dung của Ieum',
    text: 'Hãy kiểm tra kết nối mạng rồi tải lại trang. Nếu Ieum vừa được cập nhật, tải lại trang sẽ khắc phục lỗi này.',
    reload: 'Tải lại',
  },
}

/** The page shown instead of the app when the strings of the user's language could not be fetched. */
export function LocaleLoadFailure(props: { readonly locale: UiLocale }) {
  const order = [props.locale, ...WEB_LOCALES.filter((locale) => locale !== props.locale)]
  return (
    <main className="page">
      <section className="card locale-load-failure" role="alert" data-testid="locale-load-failure">
        {order.map((locale) => (
          <div key={locale} lang={locale} className="locale-load-failure-language">
            <h1 className="section-title">{FAILURE_TEXT[locale].title}</h1>
            <p className="lead">{FAILURE_TEXT[locale].text}</p>
          </div>
        ))}
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {order.map((locale) => FAILURE_TEXT[locale].reload).join(' · ')}
        </button>
      </section>
    </main>
  )
}
