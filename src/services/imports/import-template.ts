import { type ExportFile, type ExportFormat, formatExportFile } from './export-records.ts'
import type { ExportTable } from './format-xlsx.ts'
import { exportColumnsOf, type ImportKind } from './import-columns.ts'

/**
 * An empty import file for `kind`: the header row of every documented column. The .xlsx template adds a
 * second sheet that documents each column (required, value type, allowed values, an example); the import
 * reads only the first sheet.
 */
export async function createImportTemplate(kind: ImportKind, format: ExportFormat): Promise<ExportFile> {
  const columns = exportColumnsOf(kind)
  const template: ExportTable = {
    sheet: kind,
    columns: columns.map(({ name, valueType }) => ({ name, valueType })),
    rows: [],
  }
  const guide: ExportTable = {
    sheet: 'columns',
    columns: [
      { name: 'column', valueType: 'text' },
      { name: 'required', valueType: 'text' },
      { name: 'value_type', valueType: 'text' },
      { name: 'allowed_values', valueType: 'text' },
      { name: 'example', valueType: 'text' },
    ],
    rows: columns.map((entry) => [
      entry.name,
      entry.isRequired ? 'yes' : 'no',
      entry.min !== undefined || entry.max !== undefined
        ? `${entry.valueType} (${entry.min ?? ''}–${entry.max ?? ''})`
        : entry.valueType,
      (entry.values ?? []).join(', '),
      entry.example,
    ]),
  }
  const tables = format === 'xlsx' ? [template, guide] : [template]
  return formatExportFile(tables, format, `ieum-${kind}-template`)
}
