import { parse } from 'csv-parse/sync'
import { fileError } from './import-issue.ts'

/** One record of an import file with where it is: `row` as a spreadsheet numbers it (header = 1), `line` in the text. */
export interface FileRecord {
  readonly row: number
  readonly line: number
  readonly cells: readonly string[]
}

const NEWLINE = /\r\n|\n|\r/g

/** Text from the bytes of a CSV file: UTF-8 only, with or without a byte-order mark. */
function decodeText(content: Buffer | string): string {
  if (typeof content !== 'string') {
    if ((content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff)) {
      throw fileError('utf16')
    }
    try {
      content = new TextDecoder('utf-8', { fatal: true }).decode(content)
    } catch {
      // Most often a Korean Excel "CSV" saved in CP949 (EUC-KR).
      throw fileError('not_utf8')
    }
  }
  return content.startsWith('\ufeff') ? content.slice(1) : content
}

/**
 * Splits a CSV file (RFC 4180, comma-separated, UTF-8, optional BOM, CRLF or LF) into records, keeping
 * blank lines as empty records so that `row` matches the row number a spreadsheet shows.
 */
export function readCsvRecords(content: Buffer | string): FileRecord[] {
  const text = decodeText(content)
  let cellsList: string[][]
  try {
    cellsList = parse(text, { relax_column_count: true, skip_empty_lines: false })
  } catch (error) {
    const csvError = error as Error & { code?: unknown; lines?: number }
    if (typeof csvError.code !== 'string' || !csvError.code.startsWith('CSV_')) throw error
    const line = csvError.lines ?? 0
    throw fileError('csv_syntax', { line, detail: csvError.message }, `line ${line}`)
  }
  const records: FileRecord[] = []
  let line = 1
  cellsList.forEach((cells, index) => {
    records.push({ row: index + 1, line, cells })
    // Quoted cells may hold line breaks: the next record starts after them.
    line += 1 + cells.reduce((sum, cell) => sum + (cell.match(NEWLINE)?.length ?? 0), 0)
  })
  return records
}
