import { AppError, type AppErrorIssue } from '../../domain/index.ts'

/** Values a problem's text is built from (the UI puts them into its own language's sentence). */
export type ImportIssueParams = Readonly<Record<string, string | number>>

/**
 * English text of every import problem, by code. The UI translates the code with the same params
 * (`importIssue.<code>` in the locale files); the API's `message` is this text.
 */
const ENGLISH: Readonly<Record<string, (params: ImportIssueParams) => string>> = {
  file_empty: () => 'the file is empty',
  no_data_rows: () => 'the file has no data rows',
  too_many_rows: (p) => `the file has ${p.rows} rows; split it into files of at most ${p.max}`,
  file_too_large: (p) => `the file is ${p.megabytes} MB; the limit is ${p.max} MB`,
  not_utf8: () => 'the file is not UTF-8; save it as "CSV UTF-8" and import again',
  utf16: () => 'the file is UTF-16; save it as "CSV UTF-8" and import again',
  csv_syntax: (p) => `the file is not valid CSV near line ${p.line}: ${p.detail}`,
  xls_legacy: () => 'this is an old Excel .xls file; save it as an Excel workbook (.xlsx) or CSV UTF-8',
  xlsx_invalid: (p) => `the .xlsx file cannot be read (${p.detail}); save it again from the spreadsheet`,
  xlsx_too_large: (p) =>
    `the .xlsx file unpacks to ${p.megabytes} MB; the limit is ${p.max} MB (split it into smaller files)`,
  not_xlsx: () => 'the file name ends in .xlsx but the file is not an Excel workbook',
  header_empty: () => 'the header cell is empty',
  unknown_column: (p) => `unknown column; the ${p.kind} columns are ${p.columns}`,
  duplicate_column: () => 'the column appears twice',
  missing_column: () => 'required column is missing',
  extra_cells: (p) => `the row has ${p.count} more cells than the header has columns`,
  required: () => 'a value is required',
  whole_number: (p) => `must be a whole number, not "${p.value}"`,
  date_format: (p) => `must be a date written YYYY-MM-DD, not "${p.value}"`,
  pair_format: (p) => `"${p.part}" is not name:level; write e.g. ${p.example}`,
  skill_level: (p) => `level of "${p.skill}" must be a whole number from 1 to 5`,
  duplicate_key: (p) => `"${p.key}" is also the key of row ${p.firstRow}; keys must be unique in a file`,
  unknown_company: (p) => `no company with external_key "${p.key}" in this hub; import companies first`,
  ambiguous_key: (p) => `${p.count} positions in this hub already have the key "${p.key}"`,
  text_too_short: (p) => `must have at least ${p.min} characters`,
  text_too_long: (p) => `must have at most ${p.max} characters`,
  number_too_small: (p) => `must be at least ${p.min}`,
  number_too_big: (p) => `must be at most ${p.max}`,
  too_few_items: (p) => `must list at least ${p.min}`,
  too_many_items: (p) => `must list at most ${p.max}`,
  invalid_email: () => 'must be an e-mail address such as name@example.org',
  invalid_url: () => 'must be a web address such as https://example.org',
  invalid_date: () => 'must be a real calendar date written YYYY-MM-DD',
  country_code: () => 'must be a two-letter country code such as VN or KR',
  language_code: () => 'must be a two-letter language code such as ko, en or vi',
  time_zone: () => 'must be an IANA time zone such as Asia/Seoul',
  one_of: (p) => `must be one of ${p.values}`,
  invalid: (p) => String(p.detail),
}

/** The codes of import problems. */
export type ImportIssueCode = keyof typeof ENGLISH

/** The English text of a problem. */
export function describeImportIssue(code: string, params: ImportIssueParams = {}): string {
  const describe = ENGLISH[code]
  return describe ? describe(params) : String(params.detail ?? code)
}

/**
 * A problem as the API reports it: `row 12: email` as the path, plus the row, line and column on their own
 * and the code with its values (for a message in the reader's language).
 */
export interface ImportErrorIssue extends AppErrorIssue {
  /** Row as a spreadsheet shows it (header = 1); 0 for a problem with the whole file. */
  readonly row: number
  readonly line: number
  /** Column name, `(row)` for the row as a whole, `(file)` for the file. */
  readonly field: string
  readonly code: string
  readonly params: ImportIssueParams
}

/**
 * A problem with the file as a whole (encoding, format, size): the import stops before reading rows.
 * Its one issue has `row` 0 and `field` `(file)`.
 */
export function fileError(code: ImportIssueCode, params: ImportIssueParams = {}, path = 'file'): AppError {
  const message = describeImportIssue(code, params)
  const issue: ImportErrorIssue = { path, message, row: 0, line: 0, field: '(file)', code, params }
  return new AppError('validation_failed', message, [issue])
}
