import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { App } from './app.tsx'
import { createI18n, readBrowserLocale, readStoredLocale } from './i18n.ts'

// Before we know who is signing in: the language chosen on this device, else the browser's, else English.
const initialLocale = readStoredLocale() ?? readBrowserLocale(navigator.languages) ?? 'en'
const i18n = createI18n(initialLocale)
const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')
createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App i18n={i18n} />
    </I18nextProvider>
  </StrictMode>,
)
