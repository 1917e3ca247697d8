import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Role, UiLocale } from '../domain/index.ts'
import en from './locales/en.json'
import ko from './locales/ko.json'
import vi from './locales/vi.json'

/** The interface languages, in the order the switch shows them. */
export const WEB_LOCALES: readonly UiLocale[] = ['ko', 'en', 'vi']

/** Each language named in itself, for the language switch. */
export const LOCALE_NATIVE_NAMES: Readonly<Record<UiLocale, string>> = {
  ko: '한국어',
  en: 'English',
  vi: 'Tiếng Việt',
}

/** Where a language chosen before signing in is remembered (it is not personal data). */
const STORAGE_KEY = 'ieum.locale'

/** Narrows a string to a UI locale. */
export function isUiLocale(value: unknown): value is UiLocale {
  return value === 'ko' || value === 'en' || value === 'vi'
}

/** The first of the browser's preferred languages that Ieum speaks, if any. */
export function readBrowserLocale(languages: readonly string[]): UiLocale | null {
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0]
    if (isUiLocale(base)) return base
  }
  return null
}

/** The language chosen on this device before signing in, if any. */
export function readStoredLocale(): UiLocale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)
    return isUiLocale(value) ? value : null
  } catch {
    return null
  }
}

/** Remembers the language chosen on this device (private mode may refuse; that only loses the memory). */
export function writeStoredLocale(locale: UiLocale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // storage unavailable: the choice lasts for this page only
  }
}

/**
 * The language to show: the user's saved choice; else Korean for hub operators (a Korean public hub);
 * else the browser's language when it is Korean, English or Vietnamese; else English.
 */
export function resolveLocale(input: {
  readonly savedLocale: UiLocale | null
  readonly role: Role | null
  readonly browserLanguages: readonly string[]
}): UiLocale {
  if (input.savedLocale) return input.savedLocale
  if (input.role === 'operator') return 'ko'
  return readBrowserLocale(input.browserLanguages) ?? 'en'
}

/** Starts i18next with the three bundled languages (synchronously: the resources are in the bundle). */
export function createI18n(locale: UiLocale): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    resources: { ko: { translation: ko }, en: { translation: en }, vi: { translation: vi } },
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: [...WEB_LOCALES],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return instance
}
