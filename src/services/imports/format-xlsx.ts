import writeExcelFile, { type Cell, type SheetData } from 'write-excel-file/node'
import type { ImportValueType } from './import-columns.ts'

/** A column of an exported table: its header and what its cells hold. */
export interface TableColumn {
  readonly name: string
  readonly valueType: ImportValueType
}

/** A sheet of an export or template: columns and rows of cell text (as a CSV file would hold them). */
export interface ExportTable {
  readonly sheet: string
  readonly columns: readonly TableColumn[]
  readonly rows: readonly (readonly string[])[]
}

const WHOLE_NUMBER = /^-?\d{1,15}$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const MAX_WIDTH = 60

/**
 * One cell: whole numbers and dates typed (so that a spreadsheet sums and sorts them), everything else a
 * text cell. A text cell is never a formula whatever it starts with (= + - @): XLSX keeps text and
 * formulas apart, so no neutralising quote is needed, and the value reads back exactly.
 */
function toCell(text: string, valueType: ImportValueType): Cell {
  if (text === '') return null
  if (valueType === 'whole_number' && WHOLE_NUMBER.test(text)) return { type: Number, value: Number(text) }
  if (valueType === 'date' && ISO_DATE.test(text)) {
    return { type: Date, value: new Date(`${text}T00:00:00Z`), format: 'yyyy-mm-dd' }
  }
  return { type: String, value: text }
}

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function toSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1'
}

/**
 * A table as an .xlsx workbook: a bold, frozen header row, typed number and date cells, text cells for
 * everything else, and columns as wide as their content (up to 60 characters).
 */
export async function formatXlsx(tables: readonly ExportTable[]): Promise<Buffer> {
  const sheets = tables.map((table) => {
    const header: Cell[] = table.columns.map((entry) => ({
      type: String,
      value: entry.name,
      fontWeight: 'bold',
      backgroundColor: '#E8EEF7',
    }))
    const data: SheetData = [
      header,
      ...table.rows.map((row) =>
        table.columns.map((entry, index) => toCell(row[index] ?? '', entry.valueType)),
      ),
    ]
    const widths = table.columns.map((entry, index) => {
      let width = entry.name.length
      for (const row of table.rows) {
        const text = row[index] ?? ''
        if (text.length > width) width = text.length
        if (width >= MAX_WIDTH) break
      }
      return { width: Math.min(MAX_WIDTH, width + 2) }
    })
    return { data, sheet: toSheetName(table.sheet), columns: widths, stickyRowsCount: 1 }
  })
  return writeExcelFile(sheets).toBuffer()
}
