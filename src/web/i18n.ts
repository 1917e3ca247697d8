import i18next, { type i18n, type ResourceLanguage } from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Role, UiLocale } from '../domain/index.ts'

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

/** The one namespace every string lives in. */
const NAMESPACE = 'translation'

/**
 * Each language's strings, fetched on first use: a dynamic import per file makes Vite put every language
 * in a chunk of its own, so a visitor downloads only the language they read.
 */
const LOCALE_MODULES: Readonly<Record<UiLocale, () => Promise<{ readonly default: ResourceLanguage }>>> = {
  ko: () => import('./locales/ko.json'),
  en: () => import('./locales/en.json'),
  vi: () => import('./locales/vi.json'),
}

/** A language's strings could not be fetched (offline, or a new release replaced the file). */
export class LocaleLoadError extends Error {
  readonly locale: UiLocale

  constructor(locale: UiLocale, cause: unknown) {
    super(`could not load the ${locale} strings`, { cause })
    this.name = 'LocaleLoadError'
    this.locale = locale
  }
}

/** Fetches a language's strings; throws LocaleLoadError. */
async function fetchLocale(locale: UiLocale): Promise<ResourceLanguage> {
  try {
    return (await LOCALE_MODULES[locale]()).default
  } catch (error) {
    throw new LocaleLoadError(locale, error)
  }
}

/** The language each instance was last asked to switch to (a slower, earlier request must not win). */
const requestedLocales = new WeakMap<i18n, UiLocale>()

/**
 * Switches the interface language, fetching its strings first so that no key ever shows. Resolves to
 * false when a later call asked for another language meanwhile (that one applies instead). Throws
 * LocaleLoadError, leaving the current language in place, when the strings cannot be fetched. Change the
 * language only through this function: i18next itself has no loader here.
 */
export async function switchLocale(instance: i18n, locale: UiLocale): Promise<boolean> {
  requestedLocales.set(instance, locale)
  const isSuperseded = () => requestedLocales.get(instance) !== locale
  if (!instance.hasResourceBundle(locale, NAMESPACE)) {
    try {
      instance.addResourceBundle(locale, NAMESPACE, await fetchLocale(locale))
    } catch (error) {
      if (isSuperseded()) return false
      throw error
    }
  }
  if (isSuperseded()) return false
  if (instance.language !== locale) await instance.changeLanguage(locale)
  return true
}

/**
 * Starts i18next in `locale`, after fetching that language's strings (and only those); the first paint
 * waits for this, so it is already in the user's language. Throws LocaleLoadError.
 */
export async function createI18n(locale: UiLocale): Promise<i18n> {
  const messages = await fetchLocale(locale)
  const instance = i18next.createInstance()
  await instance.use(initReactI18next).init({
    lng: locale,
    resources: { [locale]: { [NAMESPACE]: messages } },
    // Every language has every key (test/e2e/locale-keys.test.ts), so nothing falls back to another
    // language, and no second language is fetched just in case.
    fallbackLng: false,
    supportedLngs: [...WEB_LOCALES],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return instance
}
