// Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so that no time zone or clock is involved.

const MS_PER_DAY = 86_400_000

function splitDay(day: string): [number, number, number] {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number)
  return [year, month, date]
}

const pad = (value: number, width: number) => String(value).padStart(width, '0')

/**
 * The day `months` calendar months after `day`; a day past the end of the target month is clamped to its
 * last day (2025-08-31 + 6 months = 2026-02-28), as "within N months" is usually read.
 */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = splitDay(day)
  const index = year * 12 + (month - 1) + months
  const targetYear = Math.floor(index / 12)
  const targetMonth = index - targetYear * 12 + 1
  const lastDate = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate()
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(Math.min(date, lastDate), 2)}`
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function countDaysBetween(from: string, to: string): number {
  const [y1, m1, d1] = splitDay(from)
  const [y2, m2, d2] = splitDay(to)
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / MS_PER_DAY)
}
