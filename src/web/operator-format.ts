/** Formatting the operator's screens need beyond `format.ts`: times, percentages and signed changes. */

/** A timestamp with date and time in the reader's locale ("21 Nov 2026, 23:40"). */
export function formatDateTime(value: string | null | undefined, locale: string): string {
  if (!value) return '–'
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

/** A share (0–1) as a percentage with at most one decimal. */
export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value)
}

/** A change with its sign (+3, −2, 0); percentages for shares (+2.3 pt is shown as +2.3%). */
export function formatDelta(value: number, locale: string, isShare = false): string {
  const options: Intl.NumberFormatOptions = isShare
    ? { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }
    : { maximumFractionDigits: 1, signDisplay: 'exceptZero' }
  return new Intl.NumberFormat(locale, options).format(value)
}
