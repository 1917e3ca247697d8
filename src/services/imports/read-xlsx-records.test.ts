import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'
import { parse } from 'csv-parse/sync'
import writeExcelFile from 'write-excel-file/node'
import { AppError } from '../../domain/index.ts'
import type { ImportErrorIssue } from './import-issue.ts'
import { readImportFile } from './read-import-file.ts'
import { MAX_XLSX_UNPACKED_BYTES, readXlsxRecords, sumUnpackedSizes } from './read-xlsx-records.ts'
import { validateImport, validateImportRecords } from './validate-import.ts'

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url))

/** The code of the one file problem an import refused with. */
async function fileProblem(work: Promise<unknown>): Promise<string> {
  try {
    await work
  } catch (error) {
    assert.ok(error instanceof AppError, String(error))
    assert.equal(error.code, 'validation_failed')
    return (error.issues[0] as ImportErrorIssue).code
  }
  assert.fail('the file was accepted')
}

describe('readXlsxRecords', () => {
  test('a workbook of the sample CSV validates to the same rows as the CSV (one validation path)', async () => {
    for (const kind of ['candidates', 'companies', 'positions'] as const) {
      const text = fixture(`${kind}.csv`)
      const rows: string[][] = parse(text, { bom: true })
      const workbook = await writeExcelFile(rows).toBuffer()
      const fromXlsx = validateImportRecords(kind, await readXlsxRecords(workbook))
      const fromCsv = validateImport(kind, text)
      assert.deepEqual(fromXlsx.issues, [], kind)
      assert.deepEqual(
        fromXlsx.rows.map((row) => [row.row, row.externalKey, row.companyKey, row.input]),
        fromCsv.rows.map((row) => [row.row, row.externalKey, row.companyKey, row.input]),
        kind,
      )
    }
  })

  test('typed cells read as a CSV would hold them: whole numbers, dates, booleans; empty rows keep their numbers', async () => {
    const workbook = await writeExcelFile([
      ['a', 'b', 'c', 'd'],
      [],
      [40, { type: Date, value: new Date('2027-07-01T00:00:00Z'), format: 'yyyy-mm-dd' }, true, 2.5],
    ]).toBuffer()
    const records = await readXlsxRecords(workbook)
    assert.deepEqual(
      records.map((record) => [record.row, record.line, record.cells]),
      [
        [1, 1, ['a', 'b', 'c', 'd']],
        [2, 2, ['', '', '', '']],
        [3, 3, ['40', '2027-07-01', 'true', '2.5']],
      ],
    )
  })

  test('the zip directory is checked before unpacking: a workbook declaring too many unpacked bytes is refused', async () => {
    const workbook = await writeExcelFile([['a'], ['b']]).toBuffer()
    const declared = sumUnpackedSizes(workbook)
    assert.ok(declared !== null && declared > 0 && declared < 100_000)
    // Inflate the declared size of the first central-directory entry (a "zip bomb" declares its real size).
    const bomb = Buffer.from(workbook)
    const central = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    bomb.writeUInt32LE(MAX_XLSX_UNPACKED_BYTES, central + 24)
    assert.equal(await fileProblem(readXlsxRecords(bomb)), 'xlsx_too_large')
  })

  test('legacy .xls, a broken zip and a misnamed text file are file problems with their own codes', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    assert.equal(await fileProblem(readImportFile('old.xls', xls)), 'xls_legacy')
    const truncated = (await writeExcelFile([['a']]).toBuffer()).subarray(0, 200)
    assert.equal(await fileProblem(readImportFile('cut.xlsx', truncated)), 'xlsx_invalid')
    assert.equal(await fileProblem(readImportFile('fake.xlsx', Buffer.from('a,b\n1,2\n'))), 'not_xlsx')
    const cp949 = Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0d, 0x0a, 0xb1, 0xe8])
    assert.equal(await fileProblem(readImportFile('korean.csv', cp949)), 'not_utf8')
    const big = Buffer.alloc(8 * 1024 * 1024 + 1, 0x61)
    assert.equal(await fileProblem(readImportFile('big.csv', big)), 'file_too_large')
  })
})

describe('problem codes', () => {
  test('every problem carries a code and values for the UI, and English text for the API', () => {
    const result = validateImport('candidates', fixture('candidates-bad.csv'))
    for (const issue of result.issues) {
      assert.ok(issue.code.length > 0 && issue.message.length > 0, JSON.stringify(issue))
    }
    const email = result.issues.find((issue) => issue.row === 3 && issue.field === 'email')
    assert.equal(email?.code, 'invalid_email')
    const duplicate = result.issues.find((issue) => issue.code === 'duplicate_key')
    assert.deepEqual(duplicate?.params, { key: 'bad-001', firstRow: 2 })
    const hours = result.issues.find((issue) => issue.field === 'hours_per_week')
    assert.ok(hours && ['whole_number', 'number_too_big', 'number_too_small'].includes(hours.code))
  })

  test('zod problems map to codes a spreadsheet user understands; list items are numbered from 1', () => {
    const header =
      'external_key,full_name,email,nationality,residence_country,city,time_zone,visa_status,languages'
    const result = validateImport(
      'candidates',
      `${header}\nk,An,an@example.vn,VNM,VN,Huế,Asia/Ho_Chi_Minh,student,vi:native;english:B2\n`,
    )
    const byField = new Map(result.issues.map((issue) => [issue.field, issue]))
    assert.equal(byField.get('nationality')?.code, 'country_code')
    assert.equal(byField.get('visa_status')?.code, 'one_of')
    assert.match(String(byField.get('visa_status')?.params.values), /D-10/)
    assert.equal(byField.get('languages')?.code, 'language_code')
    assert.equal(byField.get('languages')?.params.item, '2 language')
  })
})
