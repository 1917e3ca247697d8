/** Locale-aware formatting through Intl: country and language names, dates, numbers, money. */

const displayNameCache = new Map<string, Intl.DisplayNames>()

function displayNames(locale: string, type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${locale}:${type}`
  let names = displayNameCache.get(key)
  if (!names) {
    names = new Intl.DisplayNames([locale], { type, fallback: 'code' })
    displayNameCache.set(key, names)
  }
  return names
}

/** A country's name from its ISO 3166 code (`VN` -> "Vietnam" / "베트남" / "Việt Nam"). */
export function formatCountry(code: string, locale: string): string {
  try {
    return displayNames(locale, 'region').of(code) ?? code
  } catch {
    return code
  }
}

/** A language's name from its ISO 639-1 code. */
export function formatLanguage(code: string, locale: string): string {
  try {
    return displayNames(locale, 'language').of(code) ?? code
  } catch {
    return code
  }
}

/**
 * A calendar date (`YYYY-MM-DD`) or a timestamp. Plain dates are read and shown in UTC so that
 * 2027-03-01 never turns into 28 February west of Greenwich.
 */
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) return '–'
  const isPlainDate = /^\d{4}-\d{2}-\d{2}$/.test(value)
  const date = new Date(isPlainDate ? `${value}T00:00:00Z` : value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    ...(isPlainDate ? { timeZone: 'UTC' } : {}),
  }).format(date)
}

/** A whole number with the locale's grouping. */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value)
}

/** An amount in Korean won. */
export function formatKrw(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'KRW',
    maximumFractionDigits: 0,
  }).format(value)
}

/** A score or weight with at most one decimal (`87.5`, `92`). */
export function formatScore(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)
}
