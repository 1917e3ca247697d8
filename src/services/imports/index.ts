/** CSV import (validate the whole file, then upsert by external key) and CSV export of hub records. */
export { EXPORT_KINDS, type ExportKind, type ExportRequest, exportRecords } from './export-records.ts'
export { formatCsv, formatCsvCell, UTF8_BOM } from './format-csv.ts'
export { IMPORT_COLUMNS, IMPORT_KINDS, type ImportColumn, type ImportKind } from './import-columns.ts'
export {
  IMPORT_BATCH_SIZE,
  type ImportErrorIssue,
  type ImportRequest,
  type ImportSummary,
  importRecords,
  MAX_LISTED_ISSUES,
} from './import-records.ts'
export { readCsvRecords } from './read-csv-records.ts'
export {
  type ImportIssue,
  type ImportValidation,
  MAX_IMPORT_ROWS,
  validateImport,
} from './validate-import.ts'
