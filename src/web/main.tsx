import type { i18n } from 'i18next'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { App } from './app.tsx'
import { createI18n, LocaleLoadError, readBrowserLocale, readStoredLocale } from './i18n.ts'
import { LocaleLoadFailure } from './locale-load-failure.tsx'

/** Fetches the strings of the visitor's language, then renders the app in it (no untranslated keys first). */
async function start(container: HTMLElement): Promise<void> {
  // Before we know who is signing in: the language chosen on this device, else the browser's, else English.
  const initialLocale = readStoredLocale() ?? readBrowserLocale(navigator.languages) ?? 'en'
  let instance: i18n
  try {
    instance = await createI18n(initialLocale)
  } catch (error) {
    if (!(error instanceof LocaleLoadError)) throw error
    console.error(error)
    createRoot(container).render(<LocaleLoadFailure locale={initialLocale} />)
    return
  }
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={instance}>
        <App i18n={instance} />
      </I18nextProvider>
    </StrictMode>,
  )
}

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')
void start(container)
