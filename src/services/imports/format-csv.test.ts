import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { formatCsv, formatCsvCell } from './format-csv.ts'

test('cells are quoted as RFC 4180 asks, and only then', () => {
  assert.equal(formatCsvCell('plain'), 'plain')
  assert.equal(formatCsvCell('Nguyễn Thị Hương'), 'Nguyễn Thị Hương')
  assert.equal(formatCsvCell('a,b'), '"a,b"')
  assert.equal(formatCsvCell('say "hi"'), '"say ""hi"""')
  assert.equal(formatCsvCell('line 1\r\nline 2'), '"line 1\r\nline 2"')
  assert.equal(formatCsvCell(''), '')
})

test('cells a spreadsheet would run as formulas get a leading quote', () => {
  assert.equal(formatCsvCell('=cmd|"/c calc"!A1'), `"'=cmd|""/c calc""!A1"`)
  assert.equal(formatCsvCell('=1+2'), "'=1+2")
  assert.equal(formatCsvCell('+82 10'), "'+82 10")
  assert.equal(formatCsvCell('-5'), "'-5")
  assert.equal(formatCsvCell('@SUM(A1)'), "'@SUM(A1)")
  assert.equal(formatCsvCell('\tx'), "'\tx")
  assert.equal(formatCsvCell('\rx'), `"'\rx"`)
  assert.equal(formatCsvCell('a=b'), 'a=b', 'only a leading character counts')
})

test('a file has a BOM, CRLF line ends and a final CRLF', () => {
  assert.equal(
    formatCsv(
      ['a', 'b'],
      [
        ['1', '김'],
        ['=x', ''],
      ],
    ),
    "\ufeffa,b\r\n1,김\r\n'=x,\r\n",
  )
})

test('property: parsing a formatted file gives back every cell (neutralised cells with their quote)', () => {
  const cell = fc.string({
    unit: fc.constantFrom('a', 'ệ', '한', ',', '"', '\r', '\n', '\r\n', ' ', '=', '-', '@', '+', '\t', "'"),
  })
  fc.assert(
    fc.property(
      fc
        .integer({ min: 1, max: 4 })
        .chain((width) =>
          fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }),
        ),
      (rows) => {
        const header = rows[0]!.map((_, index) => `c${index}`)
        const parsed: string[][] = parse(formatCsv(header, rows), { bom: true, relax_column_count: true })
        const expected = rows.map((row) =>
          row.map((value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)),
        )
        assert.deepEqual(parsed, [header, ...expected])
      },
    ),
  )
})
