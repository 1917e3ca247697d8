import type { Candidate, LanguageLevel, WorkMode } from '../domain/index.ts'
import { formatCountry, formatLanguage } from './format.ts'

/** Every ISO 3166-1 alpha-2 country code (the web bundle does not load the domain's zod schemas). */
const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW ' +
  'BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI ' +
  'FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN ' +
  'IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME ' +
  'MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF ' +
  'PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
  'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE ' +
  'YT ZA ZM ZW'
).split(' ')

/** Countries most of the hub's candidates come from, listed first. */
const COMMON_COUNTRIES = [
  'KR',
  'VN',
  'IN',
  'ID',
  'PH',
  'UZ',
  'MN',
  'NP',
  'CN',
  'JP',
  'TH',
  'MY',
  'BD',
  'PK',
  'US',
]

/** Country options in the interface language: the common ones, then all by name. */
export function countryOptions(locale: string): {
  readonly common: readonly { code: string; name: string }[]
  readonly all: readonly { code: string; name: string }[]
} {
  const named = (code: string) => ({ code, name: formatCountry(code, locale) })
  const collator = new Intl.Collator(locale)
  return {
    common: COMMON_COUNTRIES.map(named),
    all: COUNTRY_CODES.map(named).sort((a, b) => collator.compare(a.name, b.name)),
  }
}

/** Languages offered in the language picker (ISO 639-1), with their names in the interface language. */
const LANGUAGE_CODES = [
  'ko',
  'en',
  'vi',
  'ja',
  'zh',
  'id',
  'th',
  'hi',
  'bn',
  'ur',
  'ne',
  'mn',
  'uz',
  'kk',
  'ru',
  'tl',
  'ms',
  'km',
  'lo',
  'my',
  'si',
  'ta',
  'ar',
  'fa',
  'tr',
  'fr',
  'de',
  'es',
  'pt',
  'it',
  'nl',
  'pl',
  'uk',
]

/** Language options by name in the interface language. */
export function languageOptions(locale: string): readonly { code: string; name: string }[] {
  const collator = new Intl.Collator(locale)
  return LANGUAGE_CODES.map((code) => ({ code, name: formatLanguage(code, locale) })).sort((a, b) =>
    collator.compare(a.name, b.name),
  )
}

/** IANA time zones the browser knows, for the time-zone suggestions. */
export function timeZoneOptions(): readonly string[] {
  try {
    return Intl.supportedValuesOf('timeZone')
  } catch {
    return ['Asia/Seoul', 'Asia/Ho_Chi_Minh', 'Asia/Jakarta', 'Asia/Kolkata', 'Asia/Manila', 'UTC']
  }
}

/** Visa statuses, in the order the picker shows them. */
export const VISA_OPTIONS = [
  'abroad',
  'D-2',
  'D-4',
  'D-10',
  'E-7',
  'H-1',
  'F-2',
  'F-4',
  'F-5',
  'none_needed',
  'other',
] as const satisfies readonly Candidate['visaStatus'][]

/** Language levels, lowest first. */
export const LANGUAGE_LEVEL_OPTIONS = [
  'A1',
  'A2',
  'B1',
  'B2',
  'C1',
  'C2',
  'native',
] as const satisfies readonly LanguageLevel[]

/** Degrees, in the order the picker shows them. */
export const DEGREE_OPTIONS = [
  'bachelor',
  'master',
  'doctorate',
  'associate',
  'bootcamp',
  'high_school',
] as const satisfies readonly Candidate['education'][number]['degree'][]

/** Where someone is in their studies. */
export const EDUCATION_STATUS_OPTIONS = [
  'enrolled',
  'graduated',
  'on_leave',
  'withdrawn',
] as const satisfies readonly Candidate['education'][number]['status'][]

/** Ways of working. */
export const WORK_MODE_OPTIONS = ['remote', 'onsite', 'hybrid'] as const satisfies readonly WorkMode[]

/** The placeholder country of a profile that has not been filled in yet. */
export const UNKNOWN_COUNTRY = 'ZZ'
