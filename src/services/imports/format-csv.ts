/** Byte-order mark: without it Excel reads UTF-8 as the local code page and garbles Korean and Vietnamese. */
export const UTF8_BOM = '\ufeff'

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/
// RFC 4180: a field holding a quote, comma or line break is quoted, and its quotes doubled.
const NEEDS_QUOTES = /[",\r\n]/

/** One cell as RFC 4180 text, with a leading `'` so that a spreadsheet shows a formula-like value as text. */
export function formatCsvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** A whole CSV file: BOM, header, one CRLF-terminated line per row, every cell neutralised and quoted. */
export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(formatCsvCell).join(','))
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`
}
