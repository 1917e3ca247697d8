import type { z } from 'zod'
import {
  type CandidateInput,
  CandidateInputSchema,
  type CompanyInput,
  CompanyInputSchema,
  type PositionInput,
  PositionInputSchema,
} from '../../domain/index.ts'
import { IMPORT_COLUMNS, type ImportColumn, type ImportKind } from './import-columns.ts'
import { describeImportIssue, type ImportIssueCode, type ImportIssueParams } from './import-issue.ts'
import { type FileRecord, readCsvRecords } from './read-csv-records.ts'

/** The most data rows one file may hold. */
export const MAX_IMPORT_ROWS = 50_000

/** What each kind of import produces per row. */
export interface ImportInputs {
  readonly candidates: CandidateInput
  readonly companies: CompanyInput
  readonly positions: PositionInput
}

/** A problem in one cell (or the header, row 1) of an import file. */
export interface ImportIssue {
  /** Row as a spreadsheet shows it, the header being row 1. */
  readonly row: number
  /** Line in the text where the row starts (differs from `row` only after cells with line breaks). */
  readonly line: number
  /** Column name, e.g. `email`; `(row)` for the row as a whole, `(file)` for the file. */
  readonly field: string
  /** What is wrong, for a message in the reader's language (`importIssue.<code>`). */
  readonly code: string
  readonly params: ImportIssueParams
  /** The same in English. */
  readonly message: string
}

/** A valid data row. */
export interface ImportRow<K extends ImportKind> {
  readonly row: number
  readonly line: number
  readonly externalKey: string
  /** For positions: the company's external key. */
  readonly companyKey: string | null
  readonly input: ImportInputs[K]
}

/** The outcome of checking a whole file; rows are only meaningful when `issues` is empty. */
export interface ImportValidation<K extends ImportKind> {
  readonly kind: K
  readonly rows: readonly ImportRow<K>[]
  /** Input fields the file's header sets (an update leaves the others alone); never `externalKey`. */
  readonly writtenFields: readonly string[]
  readonly issues: readonly ImportIssue[]
}

const SCHEMAS: { readonly [K in ImportKind]: z.ZodType<ImportInputs[K]> } = {
  candidates: CandidateInputSchema,
  companies: CompanyInputSchema,
  positions: PositionInputSchema,
}

// A cell the export neutralised ('=x) reads back as it was stored (=x).
const NEUTRALISED = /^'[=+\-@\t\r]/

/** A cell's text as the parsers see it: export neutralisation undone, line breaks as \n, trimmed. */
function cleanCell(cell: string): string {
  const raw = NEUTRALISED.test(cell) ? cell.slice(1) : cell
  return raw.replace(/\r\n?/g, '\n').trim()
}

const normaliseHeader = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')

/** An issue at a record, its English text built from the code. */
function issueAt(
  record: Pick<FileRecord, 'row' | 'line'>,
  field: string,
  code: ImportIssueCode,
  params: ImportIssueParams = {},
): ImportIssue {
  return {
    row: record.row,
    line: record.line,
    field,
    code,
    params,
    message: describeImportIssue(code, params),
  }
}

interface HeaderCheck {
  readonly columns: readonly (ImportColumn | null)[]
  readonly issues: ImportIssue[]
}

function checkHeader(kind: ImportKind, header: FileRecord): HeaderCheck {
  const known = new Map(IMPORT_COLUMNS[kind].map((entry) => [entry.name, entry]))
  const issues: ImportIssue[] = []
  const seen = new Set<string>()
  const columns = header.cells.map((cell, index) => {
    const name = normaliseHeader(cell)
    if (name === '') {
      issues.push(issueAt(header, `column ${index + 1}`, 'header_empty', { column: index + 1 }))
      return null
    }
    const entry = known.get(name)
    if (!entry) {
      issues.push(issueAt(header, name, 'unknown_column', { kind, columns: [...known.keys()].join(', ') }))
      return null
    }
    if (seen.has(name)) issues.push(issueAt(header, name, 'duplicate_column'))
    seen.add(name)
    return entry
  })
  for (const entry of IMPORT_COLUMNS[kind]) {
    if (entry.isRequired && !seen.has(entry.name)) issues.push(issueAt(header, entry.name, 'missing_column'))
  }
  return { columns, issues }
}

/** The columns whose schema checks are regular expressions, and what the expression stands for. */
const PATTERN_CODES: Readonly<Record<string, ImportIssueCode>> = {
  nationality: 'country_code',
  residence_country: 'country_code',
  education_country: 'country_code',
  languages: 'language_code',
  time_zone: 'time_zone',
}

type ZodIssue = z.core.$ZodIssue

/** The problem code and values of a zod issue, in terms a spreadsheet user understands. */
function codeOfZodIssue(
  issue: ZodIssue,
  column: string,
  value: unknown,
): { code: ImportIssueCode; params: ImportIssueParams } {
  if (value === undefined) return { code: 'required', params: {} }
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum)
      if (issue.origin === 'string') return { code: 'text_too_short', params: { min } }
      if (issue.origin === 'array') return { code: 'too_few_items', params: { min } }
      return { code: 'number_too_small', params: { min } }
    }
    case 'too_big': {
      const max = Number(issue.maximum)
      if (issue.origin === 'string') return { code: 'text_too_long', params: { max } }
      if (issue.origin === 'array') return { code: 'too_many_items', params: { max } }
      return { code: 'number_too_big', params: { max } }
    }
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'invalid_email', params: {} }
      if (issue.format === 'url') return { code: 'invalid_url', params: {} }
      if (issue.format === 'date') return { code: 'invalid_date', params: {} }
      return { code: PATTERN_CODES[column] ?? 'invalid', params: { detail: issue.message } }
    case 'invalid_value':
      return { code: 'one_of', params: { values: issue.values.map(String).join(', ') } }
    case 'invalid_type':
      if (issue.expected === 'int') return { code: 'whole_number', params: { value: String(value) } }
      return { code: 'invalid', params: { detail: issue.message } }
    default:
      return { code: 'invalid', params: { detail: issue.message } }
  }
}

/** The value at a zod issue path in the row's input (undefined = the cell was empty). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<PropertyKey, unknown>)[key]
  }
  return node
}

/** The column a zod issue path points at, and the list item (1-based) it concerns, if any. */
function locateIssue(
  path: readonly PropertyKey[],
  byField: ReadonlyMap<string, ImportColumn>,
  educationColumns: readonly ImportColumn[],
): { column: string; item?: string } {
  const [field, index, ...rest] = path.map(String)
  if (field === 'education' && rest[0] !== undefined) {
    const entry = educationColumns.find((candidate) => candidate.subField === rest[0])
    if (entry) return { column: entry.name }
  }
  const column = byField.get(field ?? '')?.name ?? field ?? '(row)'
  if (index === undefined) return { column }
  const item = Number.isInteger(Number(index)) ? String(Number(index) + 1) : index
  return { column, item: [item, ...rest].join(' ') }
}

/**
 * Checks a whole CSV file against the columns and zod schema of `kind`, without touching the database:
 * every bad cell is reported with its row and column, duplicate external keys included. Pure.
 */
export function validateImport<K extends ImportKind>(kind: K, content: Buffer | string): ImportValidation<K> {
  return validateImportRecords(kind, readCsvRecords(content))
}

/**
 * Checks the records of a whole file (CSV or XLSX: one validation path) against the columns and zod schema
 * of `kind`: every bad cell is reported with its row and column, duplicate external keys included. Pure.
 */
export function validateImportRecords<K extends ImportKind>(
  kind: K,
  records: readonly FileRecord[],
): ImportValidation<K> {
  const empty = { kind, rows: [], writtenFields: [] }
  const [header, ...body] = records
  if (!header || header.cells.every((cell) => cell.trim() === '')) {
    return { ...empty, issues: [issueAt({ row: 1, line: 1 }, '(file)', 'file_empty')] }
  }
  // Spreadsheets often save empty cells after the last column: they are not columns.
  let width = header.cells.length
  while (width > 0 && header.cells[width - 1]!.trim() === '') width--
  const trimmedHeader = { ...header, cells: header.cells.slice(0, width) }
  const { columns, issues } = checkHeader(kind, trimmedHeader)
  if (issues.length > 0) return { ...empty, issues }

  const dataRecords = body.filter((record) => record.cells.some((cell) => cell.trim() !== ''))
  if (dataRecords.length === 0) {
    return { ...empty, issues: [issueAt({ row: 2, line: 2 }, '(file)', 'no_data_rows')] }
  }
  if (dataRecords.length > MAX_IMPORT_ROWS) {
    const params = { rows: dataRecords.length, max: MAX_IMPORT_ROWS }
    return { ...empty, issues: [issueAt(header, '(file)', 'too_many_rows', params)] }
  }

  const present = columns.filter((entry): entry is ImportColumn => entry !== null && !entry.isReadOnly)
  const byField = new Map<string, ImportColumn>()
  for (const entry of present) if (!byField.has(entry.field)) byField.set(entry.field, entry)
  // All of them: a partial record may lack a column the header does not have.
  const educationColumns = IMPORT_COLUMNS[kind].filter((entry) => entry.subField !== undefined)
  const writtenFields = [...new Set(present.map((entry) => entry.field))].filter(
    (field) => field !== 'externalKey',
  )
  const schema = SCHEMAS[kind]
  const firstRowOfKey = new Map<string, number>()
  const rows: ImportRow<K>[] = []

  for (const record of dataRecords) {
    const issuesBefore = issues.length
    const at = (field: string, code: ImportIssueCode, params: ImportIssueParams = {}) =>
      issues.push(issueAt(record, field, code, params))
    const extra = record.cells.slice(columns.length).filter((cell) => cell.trim() !== '')
    if (extra.length > 0) at('(row)', 'extra_cells', { count: extra.length })

    const input: Record<string, unknown> = {}
    const education: Record<string, unknown> = {}
    const badColumns = new Set<string>()
    columns.forEach((entry, index) => {
      if (!entry || entry.isReadOnly) return
      const cell = cleanCell(record.cells[index] ?? '')
      if (entry.isRequired && cell === '') {
        at(entry.name, 'required')
        badColumns.add(entry.name)
        return
      }
      const parsed = entry.parse(cell)
      if ('code' in parsed) {
        at(entry.name, parsed.code, parsed.params)
        badColumns.add(entry.name)
      } else if (parsed.value !== undefined) {
        if (entry.subField) education[entry.subField] = parsed.value
        else input[entry.field] = parsed.value
      }
    })
    // The education_* columns describe one education record; all empty means none.
    if (Object.keys(education).length > 0) input.education = [education]
    const { companyKey, ...schemaInput } = input

    const result = schema.safeParse(schemaInput)
    if (!result.success) {
      for (const issue of result.error.issues) {
        const located = locateIssue(issue.path, byField, educationColumns)
        if (badColumns.has(located.column)) continue
        const { code, params } = codeOfZodIssue(issue, located.column, valueAt(schemaInput, issue.path))
        const withItem = located.item === undefined ? params : { ...params, item: located.item }
        const english = describeImportIssue(code, params)
        issues.push({
          row: record.row,
          line: record.line,
          field: located.column,
          code,
          params: withItem,
          message: located.item === undefined ? english : `item ${located.item}: ${english}`,
        })
      }
    }
    const externalKey = typeof input.externalKey === 'string' ? input.externalKey : ''
    const firstRow = firstRowOfKey.get(externalKey)
    if (externalKey !== '' && firstRow !== undefined) {
      at('external_key', 'duplicate_key', { key: externalKey, firstRow })
    } else if (externalKey !== '') {
      firstRowOfKey.set(externalKey, record.row)
    }
    if (result.success && issues.length === issuesBefore) {
      rows.push({
        row: record.row,
        line: record.line,
        externalKey,
        companyKey: typeof companyKey === 'string' ? companyKey : null,
        input: result.data,
      })
    }
  }
  return { kind, rows, writtenFields, issues }
}
