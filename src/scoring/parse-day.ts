/** Turns ISO dates into whole UTC day numbers for flat arrays; pure (no clock involved). */

const MILLISECONDS_PER_DAY = 86_400_000

/** `YYYY-MM-DD` (also `YYYY-MM` → 1st, `YYYY` → 1 January) → days since 1970-01-01; NaN when absent/invalid. */
export function parseDay(date: string | undefined): number {
  if (date === undefined) return Number.NaN
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date)
  if (match === null) return Number.NaN
  const year = Number(match[1])
  const month = match[2] === undefined ? 1 : Number(match[2])
  const day = match[3] === undefined ? 1 : Number(match[3])
  if (month < 1 || month > 12 || day < 1 || day > 31) return Number.NaN
  return Date.UTC(year, month - 1, day) / MILLISECONDS_PER_DAY
}
