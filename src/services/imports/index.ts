/** CSV/XLSX import (validate the whole file, then upsert by external key) and CSV/XLSX export of hub records. */
export {
  EXPORT_FORMATS,
  EXPORT_KINDS,
  type ExportFile,
  type ExportFormat,
  type ExportKind,
  type ExportRequest,
  exportRecords,
  XLSX_CONTENT_TYPE,
} from './export-records.ts'
export { RESULT_COLUMNS } from './export-results.ts'
export { formatCsv, formatCsvCell, UTF8_BOM } from './format-csv.ts'
export { type ExportTable, formatXlsx, type TableColumn } from './format-xlsx.ts'
export {
  describeImportColumns,
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  type ImportColumn,
  type ImportColumnDoc,
  type ImportKind,
  type ImportValueType,
} from './import-columns.ts'
export {
  describeImportIssue,
  type ImportErrorIssue,
  type ImportIssueCode,
  type ImportIssueParams,
} from './import-issue.ts'
export {
  IMPORT_BATCH_SIZE,
  type ImportRequest,
  importRecords,
  MAX_LISTED_ISSUES,
} from './import-records.ts'
export { createImportTemplate } from './import-template.ts'
export { readCsvRecords } from './read-csv-records.ts'
export {
  detectImportFormat,
  IMPORT_FORMATS,
  type ImportFormat,
  MAX_IMPORT_BYTES,
  readImportFile,
} from './read-import-file.ts'
export { MAX_XLSX_UNPACKED_BYTES, readXlsxRecords } from './read-xlsx-records.ts'
export {
  type ImportIssue,
  type ImportValidation,
  MAX_IMPORT_ROWS,
  validateImport,
  validateImportRecords,
} from './validate-import.ts'
