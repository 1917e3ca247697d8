import { InvalidInputError, readSheet } from 'read-excel-file/node'
import { fileError } from './import-issue.ts'
import type { FileRecord } from './read-csv-records.ts'

/** Most bytes the parts of an .xlsx file may unpack to (a small zip can hold a huge sheet: a "zip bomb"). */
export const MAX_XLSX_UNPACKED_BYTES = 160 * 1024 * 1024

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const ZIP64_MARKER = 0xffffffff
const MEGABYTE = 1024 * 1024

/**
 * The sum of the unpacked sizes the zip's central directory declares (APPNOTE 4.3.12, 4.3.16), or null if
 * the directory cannot be found. A ZIP64 entry counts as over any limit.
 */
export function sumUnpackedSizes(bytes: Buffer): number | null {
  // The end-of-central-directory record is 22 bytes plus a comment of at most 65,535.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff)
  let end = -1
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === EOCD_SIGNATURE) {
      end = at
      break
    }
  }
  if (end < 0) return null
  const entries = bytes.readUInt16LE(end + 10)
  let at = bytes.readUInt32LE(end + 16)
  let total = 0
  for (let entry = 0; entry < entries; entry++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) return null
    const size = bytes.readUInt32LE(at + 24)
    if (size === ZIP64_MARKER) return Number.POSITIVE_INFINITY
    total += size
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
  }
  return total
}

/** A cell of the sheet as the text a CSV file would hold, so both formats share one validation path. */
function toCellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (value instanceof Date) {
    // Date cells come back as UTC midnight of the calendar date shown; a time of day is kept, so that
    // a date column reports it instead of silently dropping it.
    const iso = value.toISOString()
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ')
  }
  return String(value)
}

/**
 * The first sheet of an .xlsx workbook as records numbered like the sheet's rows (header = row 1; `line`
 * equals `row`). Legacy .xls, broken files and workbooks that unpack to more than
 * {@link MAX_XLSX_UNPACKED_BYTES} are refused with a file problem.
 */
export async function readXlsxRecords(bytes: Buffer): Promise<FileRecord[]> {
  const unpacked = sumUnpackedSizes(bytes)
  if (unpacked === null) throw fileError('xlsx_invalid', { detail: 'not a complete zip archive' })
  if (unpacked > MAX_XLSX_UNPACKED_BYTES) {
    const megabytes = Number.isFinite(unpacked) ? Math.ceil(unpacked / MEGABYTE) : '> 4096'
    throw fileError('xlsx_too_large', { megabytes, max: MAX_XLSX_UNPACKED_BYTES / MEGABYTE })
  }
  let rows: unknown[][]
  try {
    rows = await readSheet(bytes)
  } catch (error) {
    if (error instanceof InvalidInputError && error.code === 'XLS_FILE_NOT_SUPPORTED') {
      throw fileError('xls_legacy')
    }
    // Anything else the reader throws is about the file's contents (broken zip, XML or sheet).
    throw fileError('xlsx_invalid', { detail: error instanceof Error ? error.message : String(error) })
  }
  return rows.map((cells, index) => ({ row: index + 1, line: index + 1, cells: cells.map(toCellText) }))
}
