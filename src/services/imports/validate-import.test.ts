import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, test } from 'node:test'
import { AppError } from '../../domain/index.ts'
import { formatCsv } from './format-csv.ts'
import { exportColumnsOf, type ImportKind } from './import-columns.ts'
import { readCsvRecords } from './read-csv-records.ts'
import { validateImport } from './validate-import.ts'

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url))
const issuePaths = (kind: ImportKind, text: string) =>
  validateImport(kind, text).issues.map((issue) => `row ${issue.row}: ${issue.field}`)

const COMPANY_HEADER = 'external_key,name,domain,size,location'

describe('readCsvRecords', () => {
  test('BOM, CRLF and a quoted cell with a line break: rows as a spreadsheet counts them, lines as a text editor', () => {
    const records = readCsvRecords(fixture('candidates.csv'))
    assert.deepEqual(
      records.map((record) => [record.row, record.line]),
      [
        [1, 1],
        [2, 2],
        [3, 4],
        [4, 5],
      ],
    )
    assert.equal(records[0]!.cells[0], 'external_key', 'the BOM is not part of the first header')
  })

  test('blank lines keep their row numbers', () => {
    const records = readCsvRecords('a,b\n\n1,2\n')
    assert.deepEqual(
      records.map((record) => [record.row, record.cells]),
      [
        [1, ['a', 'b']],
        [2, ['']],
        [3, ['1', '2']],
      ],
    )
  })

  test('a Buffer and a string give the same records; UTF-8 text survives', () => {
    const text = '\ufeffname\r\nNguyễn Thị Hương\r\n김민준\r\n'
    assert.deepEqual(readCsvRecords(Buffer.from(text, 'utf8')), readCsvRecords(text))
    assert.equal(readCsvRecords(text)[2]!.cells[0], '김민준')
  })

  test('a file that is not UTF-8 (Korean Excel CP949) or is UTF-16 is refused with a hint', () => {
    const cp949 = Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0d, 0x0a, 0xb1, 0xe8, 0xb9, 0xce, 0xc1, 0xd8])
    assert.throws(
      () => readCsvRecords(cp949),
      (error: unknown) =>
        error instanceof AppError && error.code === 'validation_failed' && /UTF-8/.test(error.message),
    )
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name\r\n', 'utf16le')])
    assert.throws(() => readCsvRecords(utf16), /UTF-16/)
  })

  test('broken quoting is a validation error naming the line', () => {
    assert.throws(
      () => readCsvRecords('a,b\n1,"open\n2,3\n'),
      (error: unknown) =>
        error instanceof AppError && error.code === 'validation_failed' && /line/.test(error.message),
    )
  })
})

describe('validateImport', () => {
  test('the sample files are valid', () => {
    for (const kind of ['candidates', 'companies', 'positions'] as const) {
      const result = validateImport(kind, fixture(`${kind}.csv`))
      assert.deepEqual(result.issues, [], kind)
      assert.equal(result.rows.length, 3, kind)
    }
    const positions = validateImport('positions', fixture('positions.csv'))
    assert.equal(positions.rows[0]!.companyKey, 'co-robo')
    assert.equal(positions.rows[0]!.input.stipendKrw, 2_000_000, '"2,000,000" is read as a number')
    assert.equal(positions.rows[1]!.input.timeZone, 'Asia/Seoul', 'an empty cell takes the default')
    assert.ok(!positions.writtenFields.includes('externalKey'))
  })

  test('the same content with LF line ends and no BOM gives the same rows', () => {
    const crlf = fixture('companies.csv').toString('utf8')
    const lf = crlf.replace(/^\ufeff/, '').replaceAll('\r\n', '\n')
    assert.deepEqual(validateImport('companies', lf).rows, validateImport('companies', crlf).rows)
  })

  test('every bad cell is reported with its row and column', () => {
    const result = validateImport('candidates', fixture('candidates-bad.csv'))
    const paths = result.issues.map((issue) => `row ${issue.row}: ${issue.field}`)
    assert.deepEqual(paths, [
      'row 3: email',
      'row 4: hours_per_week',
      'row 4: nationality',
      'row 4: skills',
      'row 5: external_key',
      'row 6: skills',
      'row 6: languages',
      'row 6: work_modes',
      'row 6: external_key',
    ])
    assert.deepEqual(
      result.rows.map((row) => row.row),
      [2],
      'only fully valid rows are kept',
    )
  })

  test('header: unknown, missing and repeated columns; names are matched loosely', () => {
    assert.deepEqual(
      issuePaths('companies', 'external_key,name,domain,size,location,colour\nk,n,d,1-9,l\n'),
      ['row 1: colour'],
    )
    assert.deepEqual(issuePaths('companies', 'external_key,name,size,location\nk,n,1-9,l\n'), [
      'row 1: domain',
    ])
    assert.deepEqual(issuePaths('companies', `${COMPANY_HEADER},name\nk,n,d,1-9,l,m\n`), ['row 1: name'])
    assert.deepEqual(issuePaths('companies', 'External Key,Name,DOMAIN,size,Location\nk,n,d,1-9,l\n'), [])
  })

  test('an empty file and a header without rows are refused', () => {
    assert.deepEqual(issuePaths('companies', ''), ['row 1: (file)'])
    assert.deepEqual(issuePaths('companies', `${COMPANY_HEADER}\r\n\r\n`), ['row 2: (file)'])
  })

  test('blank lines are skipped but counted; extra cells are an error', () => {
    const text = `${COMPANY_HEADER}\na,A,d,1-9,Seoul\n\nb,B,d,huge,Seoul\nc,C,d,1-9,Seoul,surplus\n`
    assert.deepEqual(issuePaths('companies', text), ['row 4: size', 'row 5: (row)'])
  })

  test('duplicate external keys are errors on the later rows', () => {
    const text = `${COMPANY_HEADER}\na,A,d,1-9,Seoul\na,B,d,1-9,Seoul\n a ,C,d,1-9,Seoul\n`
    const result = validateImport('companies', text)
    assert.deepEqual(
      result.issues.map((issue) => [issue.row, issue.field]),
      [
        [3, 'external_key'],
        [4, 'external_key'],
      ],
    )
    assert.match(result.issues[0]!.message, /row 2/)
  })

  test('a cell neutralised by an export reads back as it was; read-only export columns are ignored', () => {
    const text = `${COMPANY_HEADER},description\nk,n,d,1-9,l,"'=1+2"\n`
    assert.equal(validateImport('companies', text).rows[0]!.input.description, '=1+2')
    const candidates = validateImport(
      'candidates',
      'external_key,full_name,email,nationality,residence_country,city,time_zone,visa_status,application_status\n' +
        'k,Lê An,an@example.vn,VN,VN,Huế,Asia/Ho_Chi_Minh,abroad,eligible\n',
    )
    assert.deepEqual(candidates.issues, [])
    assert.ok(!candidates.writtenFields.includes('application_status'))
  })

  test('education columns fill one education record; a partial record names the missing column', () => {
    const header = 'external_key,full_name,email,nationality,residence_country,city,time_zone,visa_status'
    const ok = validateImport(
      'candidates',
      `${header},education_institution,education_country,education_degree,education_field,education_status\n` +
        'k,Lê An,an@example.vn,VN,VN,Huế,Asia/Ho_Chi_Minh,abroad,Đại học Huế,vn,bachelor,AI,enrolled\n',
    )
    assert.deepEqual(ok.rows[0]!.input.education, [
      { institution: 'Đại học Huế', country: 'VN', degree: 'bachelor', field: 'AI', status: 'enrolled' },
    ])
    const partial = issuePaths(
      'candidates',
      `${header},education_institution\nk,Lê An,an@example.vn,VN,VN,Huế,Asia/Ho_Chi_Minh,abroad,Đại học Huế\n`,
    )
    assert.ok(partial.includes('row 2: education_degree'), partial.join(', '))
  })

  test('round trip: formatting valid rows with the export columns and validating again gives the same input', () => {
    for (const kind of ['candidates', 'companies', 'positions'] as const) {
      const first = validateImport(kind, fixture(`${kind}.csv`))
      const columns = exportColumnsOf(kind)
      const text = formatCsv(
        columns.map((entry) => entry.name),
        first.rows.map((row) =>
          columns.map((entry) => entry.format({ ...row.input, companyKey: row.companyKey })),
        ),
      )
      const second = validateImport(kind, text)
      assert.deepEqual(second.issues, [], kind)
      assert.deepEqual(
        second.rows.map((row) => [row.externalKey, row.companyKey, row.input]),
        first.rows.map((row) => [row.externalKey, row.companyKey, row.input]),
        kind,
      )
    }
  })
})
