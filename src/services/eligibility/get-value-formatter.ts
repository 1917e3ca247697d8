import type { UiLocale } from '../../domain/index.ts'

/** The visa statuses in words, per locale (the code stays visible: officials and candidates know it). */
const VISA_NAMES: Readonly<Record<UiLocale, Readonly<Record<string, string>>>> = {
  ko: {
    none_needed: '비자 불필요',
    'D-2': 'D-2(유학)',
    'D-4': 'D-4(일반연수)',
    'D-10': 'D-10(구직)',
    'E-7': 'E-7(특정활동)',
    'F-2': 'F-2(거주)',
    'F-4': 'F-4(재외동포)',
    'F-5': 'F-5(영주)',
    'H-1': 'H-1(관광취업)',
    other: '기타 체류자격',
    abroad: '해외 거주',
  },
  en: {
    none_needed: 'no visa needed',
    'D-2': 'D-2 (student)',
    'D-4': 'D-4 (language trainee)',
    'D-10': 'D-10 (job seeker)',
    'E-7': 'E-7 (professional)',
    'F-2': 'F-2 (resident)',
    'F-4': 'F-4 (overseas Korean)',
    'F-5': 'F-5 (permanent resident)',
    'H-1': 'H-1 (working holiday)',
    other: 'another status',
    abroad: 'living abroad',
  },
  vi: {
    none_needed: 'không cần thị thực',
    'D-2': 'D-2 (du học)',
    'D-4': 'D-4 (học tiếng)',
    'D-10': 'D-10 (tìm việc)',
    'E-7': 'E-7 (lao động chuyên môn)',
    'F-2': 'F-2 (cư trú)',
    'F-4': 'F-4 (kiều bào)',
    'F-5': 'F-5 (thường trú)',
    'H-1': 'H-1 (lao động kỳ nghỉ)',
    other: 'loại thị thực khác',
    abroad: 'đang ở nước ngoài',
  },
}

const NATIVE: Readonly<Record<UiLocale, string>> = { ko: '모국어', en: 'native', vi: 'bản ngữ' }

/** Names of countries, languages, levels and visas in one locale, and lists joined the way it joins them. */
export interface ValueFormatter {
  country(code: unknown): string
  countries(codes: unknown, joiner?: 'or' | 'and'): string
  language(code: unknown): string
  level(level: unknown): string
  visa(status: unknown): string
  visas(statuses: unknown): string
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : String(value ?? ''))
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(asText) : [asText(value)])

/** Builds a formatter on Intl (CLDR names; the code itself when Intl does not know it). */
function createValueFormatter(locale: UiLocale): ValueFormatter {
  const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })
  const languages = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' })
  const lists = {
    or: new Intl.ListFormat(locale, { type: 'disjunction' }),
    and: new Intl.ListFormat(locale, { type: 'conjunction' }),
  }
  const name = (names: Intl.DisplayNames, code: string) => {
    try {
      return names.of(code) ?? code
    } catch {
      return code // a malformed code is shown as written
    }
  }
  const country = (code: unknown) => name(regions, asText(code))
  const visa = (status: unknown) => VISA_NAMES[locale][asText(status)] ?? asText(status)
  return {
    country,
    countries: (codes, joiner = 'or') => lists[joiner].format(asList(codes).map(country)),
    language(code) {
      const text = name(languages, asText(code))
      // Vietnamese writes "tiếng Anh" in running text.
      return locale === 'vi' ? text.charAt(0).toLowerCase() + text.slice(1) : text
    },
    level: (level) => (level === 'native' ? NATIVE[locale] : asText(level)),
    visa,
    visas: (statuses) => lists.or.format(asList(statuses).map(visa)),
  }
}

const formatters = new Map<UiLocale, ValueFormatter>()

/** The value formatter for a locale, built once per process (Intl objects are costly to create). */
export function getValueFormatter(locale: UiLocale): ValueFormatter {
  let formatter = formatters.get(locale)
  if (!formatter) {
    formatter = createValueFormatter(locale)
    formatters.set(locale, formatter)
  }
  return formatter
}

/** Upper-cases the first letter (a sentence may open with a Vietnamese language name such as "tiếng Anh"). */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)
