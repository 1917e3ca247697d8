import { IMPORT_FORMATS, type ImportFormat } from '../../domain/index.ts'
import { fileError } from './import-issue.ts'
import { type FileRecord, readCsvRecords } from './read-csv-records.ts'
import { readXlsxRecords } from './read-xlsx-records.ts'

export { IMPORT_FORMATS, type ImportFormat }

/** Largest import file (bytes of a .csv or .xlsx file). */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
// OLE2 compound file: the legacy binary .xls (and .doc) format.
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]
const startsWith = (bytes: Buffer, magic: readonly number[]) => magic.every((byte, at) => bytes[at] === byte)

/** What the bytes of a file are, whatever its name says (the name only sharpens the message). */
export function detectImportFormat(fileName: string, content: Buffer | string): ImportFormat {
  if (typeof content === 'string') return 'csv'
  if (startsWith(content, ZIP_MAGIC)) return 'xlsx'
  if (startsWith(content, OLE2_MAGIC)) throw fileError('xls_legacy')
  if (/\.xlsx$/i.test(fileName)) throw fileError('not_xlsx')
  return 'csv'
}

/**
 * The records of an import file, CSV text or the bytes of a CSV or .xlsx file (told apart by content),
 * numbered as a spreadsheet numbers rows. File-level problems (encoding, format, size) throw
 * `validation_failed` with one `(file)` issue.
 */
export async function readImportFile(
  fileName: string,
  content: Buffer | string,
): Promise<{ format: ImportFormat; records: FileRecord[] }> {
  const size = typeof content === 'string' ? Buffer.byteLength(content) : content.length
  if (size > MAX_IMPORT_BYTES) {
    const megabytes = (size / 1024 / 1024).toFixed(1)
    throw fileError('file_too_large', { megabytes, max: MAX_IMPORT_BYTES / 1024 / 1024 })
  }
  const format = detectImportFormat(fileName, content)
  const records = format === 'xlsx' ? await readXlsxRecords(content as Buffer) : readCsvRecords(content)
  return { format, records }
}
