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
import { type CsvRecord, readCsvRecords } from './read-csv-records.ts'

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
  /** Column name, e.g. `email`. */
  readonly field: string
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

interface HeaderCheck {
  readonly columns: readonly (ImportColumn | null)[]
  readonly issues: ImportIssue[]
}

function checkHeader(kind: ImportKind, header: CsvRecord): HeaderCheck {
  const known = new Map(IMPORT_COLUMNS[kind].map((entry) => [entry.name, entry]))
  const issues: ImportIssue[] = []
  const at = (field: string, message: string) =>
    issues.push({ row: header.row, line: header.line, field, message })
  const seen = new Set<string>()
  const columns = header.cells.map((cell, index) => {
    const name = normaliseHeader(cell)
    if (name === '') {
      at(`column ${index + 1}`, 'the header cell is empty')
      return null
    }
    const entry = known.get(name)
    if (!entry) {
      at(name, `unknown column; the ${kind} columns are ${[...known.keys()].join(', ')}`)
      return null
    }
    if (seen.has(name)) at(name, 'the column appears twice')
    seen.add(name)
    return entry
  })
  for (const entry of IMPORT_COLUMNS[kind]) {
    if (entry.isRequired && !seen.has(entry.name)) at(entry.name, 'required column is missing')
  }
  return { columns, issues }
}

/** The column a zod issue path points at, and the message with the list item it concerns. */
function locateIssue(
  path: readonly PropertyKey[],
  message: string,
  byField: ReadonlyMap<string, ImportColumn>,
  educationColumns: readonly ImportColumn[],
): { column: string; message: string } {
  const [field, index, ...rest] = path.map(String)
  if (field === 'education' && rest[0] !== undefined) {
    const entry = educationColumns.find((candidate) => candidate.subField === rest[0])
    if (entry) return { column: entry.name, message }
  }
  const column = byField.get(field ?? '')?.name ?? field ?? '(row)'
  if (index === undefined) return { column, message }
  const item = Number.isInteger(Number(index)) ? `item ${Number(index) + 1}` : index
  return { column, message: `${[item, ...rest].join(' ')}: ${message}` }
}

/**
 * Checks a whole CSV file against the columns and zod schema of `kind`, without touching the database:
 * every bad cell is reported with its row and column, duplicate external keys included. Pure.
 */
export function validateImport<K extends ImportKind>(kind: K, content: Buffer | string): ImportValidation<K> {
  const records = readCsvRecords(content)
  const empty = { kind, rows: [], writtenFields: [] }
  const [header, ...body] = records
  if (!header || header.cells.every((cell) => cell.trim() === '')) {
    return { ...empty, issues: [{ row: 1, line: 1, field: '(file)', message: 'the file is empty' }] }
  }
  const { columns, issues } = checkHeader(kind, header)
  if (issues.length > 0) return { ...empty, issues }

  const dataRecords = body.filter((record) => record.cells.some((cell) => cell.trim() !== ''))
  if (dataRecords.length === 0) {
    return { ...empty, issues: [{ row: 2, line: 2, field: '(file)', message: 'the file has no data rows' }] }
  }
  if (dataRecords.length > MAX_IMPORT_ROWS) {
    const message = `the file has ${dataRecords.length} rows; split it into files of at most ${MAX_IMPORT_ROWS}`
    return { ...empty, issues: [{ row: header.row, line: header.line, field: '(file)', message }] }
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
    const at = (field: string, message: string) =>
      issues.push({ row: record.row, line: record.line, field, message })
    const extra = record.cells.slice(columns.length).filter((cell) => cell.trim() !== '')
    if (extra.length > 0) at('(row)', `the row has ${extra.length} more cells than the header has columns`)

    const input: Record<string, unknown> = {}
    const education: Record<string, unknown> = {}
    const badColumns = new Set<string>()
    columns.forEach((entry, index) => {
      if (!entry || entry.isReadOnly) return
      const cell = cleanCell(record.cells[index] ?? '')
      if (entry.isRequired && cell === '') {
        at(entry.name, 'a value is required')
        badColumns.add(entry.name)
        return
      }
      const parsed = entry.parse(cell)
      if ('error' in parsed) {
        at(entry.name, parsed.error)
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
        const located = locateIssue(issue.path, issue.message, byField, educationColumns)
        if (!badColumns.has(located.column)) at(located.column, located.message)
      }
    }
    const externalKey = typeof input.externalKey === 'string' ? input.externalKey : ''
    const firstRow = firstRowOfKey.get(externalKey)
    if (externalKey !== '' && firstRow !== undefined) {
      at('external_key', `"${externalKey}" is also the key of row ${firstRow}; keys must be unique in a file`)
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
