import { useTranslation } from 'react-i18next'
import type { UiLocale } from '../domain/index.ts'
import { LOCALE_NATIVE_NAMES, WEB_LOCALES } from './i18n.ts'

/** Korean / English / Vietnamese, each named in itself; the current one is pressed. */
export function LanguageSwitch(props: { readonly onChange: (locale: UiLocale) => void }) {
  const { t, i18n } = useTranslation()
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('header.language')}</legend>
      {WEB_LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="language-option"
          aria-pressed={i18n.language === locale}
          onClick={() => props.onChange(locale)}
        >
          {LOCALE_NATIVE_NAMES[locale]}
        </button>
      ))}
    </fieldset>
  )
}
