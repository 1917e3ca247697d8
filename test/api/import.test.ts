import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'
import { parse } from 'csv-parse/sync'
import { readSheet } from 'read-excel-file/node'
import writeExcelFile, { type Cell } from 'write-excel-file/node'
import { generateCandidateCsv } from '../fixtures/generate-candidate-csv.ts'
import { TEST_ENGINES } from '../support/open-test-db.ts'
import { startTestApp, type TestApp } from '../support/test-app.ts'

/** An import summary without the file name (which the tests do not pin). */
const withoutFileName = (body: Record<string, unknown>) => ({ ...body, fileName: undefined })
/** The summary fields of a CSV import outside any program. */
const CSV_NO_PROGRAM = { format: 'csv', programId: null, addedToProgram: 0, alreadyInProgram: 0 }
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')

interface Issue {
  path: string
  row: number
  field: string
  message: string
}

describe('CSV import and export through the API', () => {
  let t: TestApp
  const cookies = new Map<string, string>()

  before(async () => {
    t = await startTestApp()
    const login = (role: string) => t.demo.logins.find((l) => l.role === role)!.email
    for (const role of ['operator', 'reviewer', 'company', 'candidate'])
      cookies.set(role, await t.signIn(login(role)))
  })
  after(async () => {
    await t.close()
  })

  const importCsv = (kind: string, content: string, options: { dryRun?: boolean; role?: string } = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/api/imports/${kind}${options.dryRun ? '?dryRun=true' : ''}`,
      headers: { cookie: cookies.get(options.role ?? 'operator')! },
      payload: { fileName: `${kind}.csv`, content },
    })
  const exportCsv = (kind: string, query = '', role = 'operator') =>
    t.app.inject({
      method: 'GET',
      url: `/api/exports/${kind}.csv${query}`,
      headers: { cookie: cookies.get(role)! },
    })
  const count = async (table: 'candidate' | 'company' | 'position') =>
    Number(
      (
        await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  test('valid files (BOM, CRLF, Korean and Vietnamese) create companies, positions and candidates', async () => {
    for (const kind of ['companies', 'positions', 'candidates']) {
      const response = await importCsv(kind, fixture(`${kind}.csv`))
      assert.equal(response.statusCode, 200, response.body)
      assert.deepEqual(withoutFileName(response.json()), {
        kind,
        fileName: undefined,
        ...CSV_NO_PROGRAM,
        rows: 3,
        created: 3,
        updated: 0,
        unchanged: 0,
        isDryRun: false,
      })
    }
    const db = t.store.db
    const company = await db
      .selectFrom('company')
      .selectAll()
      .where('externalKey', '=', 'co-robo')
      .executeTakeFirstOrThrow()
    assert.equal(company.name, '(주)빛고을로보틱스')
    assert.equal(company.description, '물류센터용 3D 비전, 빈피킹 로봇을 만듭니다.')
    const medical = await db
      .selectFrom('company')
      .selectAll()
      .where('externalKey', '=', 'co-med')
      .executeTakeFirstOrThrow()
    assert.equal(medical.description, '흉부 X선 판독 보조 AI; "정확도" 우선')
    assert.equal(medical.website, null)
    const position = await db
      .selectFrom('position')
      .selectAll()
      .where('externalKey', '=', 'pos-robo-cv')
      .executeTakeFirstOrThrow()
    assert.equal(position.companyId, company.id)
    assert.equal(position.stipendKrw, 2_000_000)
    assert.deepEqual(position.requiredSkills, [
      { skill: 'python', level: 4 },
      { skill: 'pytorch', level: 3 },
    ])
    const huong = await db
      .selectFrom('candidate')
      .selectAll()
      .where('externalKey', '=', 'cand-001')
      .executeTakeFirstOrThrow()
    assert.equal(huong.fullName, 'Nguyễn Thị Hương')
    assert.equal(huong.city, 'Hà Nội')
    assert.equal(huong.cvText, 'Sinh viên năm cuối.\nĐã làm dự án nhận dạng ảnh với PyTorch.')
    assert.deepEqual(huong.workModePreference, ['remote', 'hybrid'])
    const duc = await db
      .selectFrom('candidate')
      .selectAll()
      .where('externalKey', '=', 'cand-003')
      .executeTakeFirstOrThrow()
    assert.equal(duc.nationality, 'VN', 'country codes are upper-cased')
    const audit = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityType', '=', 'candidate')
      .where('action', '=', 'create')
      .where('entityId', 'is', null)
      .execute()
    assert.equal(audit.length, 1)
    assert.equal(audit[0]!.detail.created, 3)
  })

  test('importing the same files again changes 0 rows', async () => {
    const before = await t.store.db
      .selectFrom('candidate')
      .select(['id', 'updatedAt'])
      .orderBy('id')
      .execute()
    const auditBefore = (await t.store.db.selectFrom('auditLog').select('id').execute()).length
    for (const kind of ['companies', 'positions', 'candidates']) {
      const response = await importCsv(kind, fixture(`${kind}.csv`))
      assert.equal(response.statusCode, 200, response.body)
      const { created, updated, unchanged } = response.json()
      assert.deepEqual({ created, updated, unchanged }, { created: 0, updated: 0, unchanged: 3 }, kind)
    }
    const after = await t.store.db.selectFrom('candidate').select(['id', 'updatedAt']).orderBy('id').execute()
    assert.deepEqual(after, before)
    assert.equal((await t.store.db.selectFrom('auditLog').select('id').execute()).length, auditBefore)
  })

  test('a changed row is updated and only the columns in the file are written', async () => {
    const changed = fixture('candidates.csv').replace(
      '김민준,minjun.kim@example.kr,KR,KR,광주',
      '김민준,minjun.kim@example.kr,KR,KR,부산',
    )
    const dry = await importCsv('candidates', changed, { dryRun: true })
    assert.equal(dry.statusCode, 200, dry.body)
    assert.deepEqual(withoutFileName(dry.json()), {
      kind: 'candidates',
      fileName: undefined,
      ...CSV_NO_PROGRAM,
      rows: 3,
      created: 0,
      updated: 1,
      unchanged: 2,
      isDryRun: true,
    })
    const minjun = () =>
      t.store.db
        .selectFrom('candidate')
        .selectAll()
        .where('externalKey', '=', 'cand-002')
        .executeTakeFirstOrThrow()
    assert.equal((await minjun()).city, '광주', 'a dry run stores nothing')
    const response = await importCsv('candidates', changed)
    assert.equal(response.json().updated, 1)
    assert.equal((await minjun()).city, '부산')
    // A file with only some columns leaves the others alone.
    const narrow =
      '\ufeffexternal_key,full_name,email,nationality,residence_country,city,time_zone,visa_status\r\n' +
      'cand-002,김민준,minjun.kim@example.kr,KR,KR,광주,Asia/Seoul,none_needed\r\n'
    const partial = await importCsv('candidates', narrow)
    assert.equal(partial.json().updated, 1, partial.body)
    const stored = await minjun()
    assert.equal(stored.city, '광주')
    assert.equal(stored.cvText, '석사 과정. 의료 영상 분할 연구.')
    assert.equal(stored.skills.length, 2)
  })

  test('bad rows are listed with row number and column, and nothing is stored', async () => {
    const before = await count('candidate')
    const response = await importCsv('candidates', fixture('candidates-bad.csv'))
    assert.equal(response.statusCode, 400, response.body)
    const error = response.json().error
    assert.equal(error.code, 'validation_failed')
    assert.match(error.message, /nothing was imported/)
    const paths = error.issues.map((issue: Issue) => issue.path)
    for (const path of [
      'row 3: email',
      'row 4: nationality',
      'row 4: skills',
      'row 4: hours_per_week',
      'row 5: external_key',
      'row 6: external_key',
      'row 6: languages',
      'row 6: work_modes',
    ]) {
      assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`)
    }
    const duplicate = error.issues.find((issue: Issue) => issue.path === 'row 6: external_key')
    assert.match(duplicate.message, /row 2/)
    assert.ok(error.issues.every((issue: Issue) => typeof issue.row === 'number' && issue.field.length > 0))
    assert.equal(await count('candidate'), before, 'the valid row 2 was not stored either')
  })

  test('an unknown company_key or a duplicate key in a positions file is a row error', async () => {
    const before = await count('position')
    const header = fixture('positions.csv').split('\r\n')[0]
    const rows = [
      'pos-new-1,co-robo,internship,새 인턴,,python:3,,,remote,광주,,,,40,1,,',
      'pos-new-2,co-nowhere,internship,Ghost,,,,,remote,Seoul,,,,40,1,,',
      'pos-new-1,co-med,project,Dup,,,,,remote,Seoul,,,,40,1,,',
    ]
    const response = await importCsv('positions', `${header}\r\n${rows.join('\r\n')}\r\n`)
    assert.equal(response.statusCode, 400, response.body)
    const issues: Issue[] = response.json().error.issues
    assert.deepEqual(
      issues.map((issue) => issue.path),
      ['row 3: company_key', 'row 4: external_key'],
    )
    assert.match(issues[0]!.message, /co-nowhere/)
    assert.equal(await count('position'), before)
  })

  test('a position whose company_key changes moves to that company', async () => {
    const moved = fixture('positions.csv').replace('pos-med-seg,co-med,', 'pos-med-seg,co-robo,')
    const response = await importCsv('positions', moved)
    assert.equal(response.statusCode, 200, response.body)
    const { created, updated, unchanged } = response.json()
    assert.deepEqual({ created, updated, unchanged }, { created: 0, updated: 1, unchanged: 2 })
    const position = await t.store.db
      .selectFrom('position')
      .innerJoin('company', 'company.id', 'position.companyId')
      .select('company.externalKey')
      .where('position.externalKey', '=', 'pos-med-seg')
      .execute()
    assert.deepEqual(position, [{ externalKey: 'co-robo' }])
    const back = await importCsv('positions', fixture('positions.csv'))
    assert.equal(back.json().updated, 1)
  })

  test('header problems: unknown and missing columns', async () => {
    const response = await importCsv(
      'companies',
      'external_key,name,domian,size,location\r\nx,y,z,1-9,Seoul\r\n',
    )
    assert.equal(response.statusCode, 400)
    const paths = response.json().error.issues.map((issue: Issue) => issue.path)
    assert.deepEqual(paths, ['row 1: domian', 'row 1: domain'])
  })

  test('10,000 rows with one bad row import nothing and name that row; valid, they import and re-import unchanged', async (context) => {
    const before = await count('candidate')
    const badIndex = 7_777
    const bad = await importCsv('candidates', generateCandidateCsv(10_000, { badIndex }))
    assert.equal(bad.statusCode, 400, bad.body.slice(0, 500))
    const issues: Issue[] = bad.json().error.issues
    assert.equal(issues.length, 1)
    assert.equal(issues[0]!.row, badIndex + 2)
    assert.equal(issues[0]!.field, 'email')
    assert.equal(issues[0]!.path, `row ${badIndex + 2}: email`)
    assert.equal(await count('candidate'), before)

    const file = generateCandidateCsv(10_000)
    const started = performance.now()
    const good = await importCsv('candidates', file)
    const seconds = (performance.now() - started) / 1000
    context.diagnostic(`10,000 candidate rows imported through the API on PGlite in ${seconds.toFixed(2)} s`)
    assert.equal(good.statusCode, 200, good.body.slice(0, 500))
    assert.deepEqual(withoutFileName(good.json()), {
      kind: 'candidates',
      fileName: undefined,
      ...CSV_NO_PROGRAM,
      rows: 10_000,
      created: 10_000,
      updated: 0,
      unchanged: 0,
      isDryRun: false,
    })
    assert.equal(await count('candidate'), before + 10_000)
    const again = await importCsv('candidates', file)
    assert.deepEqual(
      { created: again.json().created, updated: again.json().updated, unchanged: again.json().unchanged },
      { created: 0, updated: 0, unchanged: 10_000 },
    )
  })

  test('exports: BOM, CRLF, attachment, formula cells neutralised, and an export re-imports unchanged', async () => {
    const response = await exportCsv('applicants')
    assert.equal(response.statusCode, 200, response.body)
    assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8')
    assert.match(
      String(response.headers['content-disposition']),
      /^attachment; filename="ieum-applicants-.*\.csv"$/,
    )
    const text = response.body
    assert.ok(text.startsWith('\ufeff'), 'UTF-8 BOM')
    assert.ok(text.endsWith('\r\n'))
    assert.ok(!/[^\r]\n/.test(text.replace(/"[^"]*"/g, '')), 'every line ends with CRLF')
    const records: string[][] = parse(text, { bom: true })
    const header = records[0]!
    const byKey = new Map(records.slice(1).map((record) => [record[0], record]))
    const duc = byKey.get('cand-003')!
    const cv = duc[header.indexOf('cv_text')]!
    assert.equal(cv, `'=HYPERLINK("http://evil.example","click")`, 'the formula is neutralised')
    assert.ok(!text.includes(',=HYPERLINK'), 'no raw formula cell')
    const huong = byKey.get('cand-001')!
    assert.equal(huong[header.indexOf('full_name')], 'Nguyễn Thị Hương')
    assert.equal(huong[header.indexOf('languages')], 'vi:native;en:B2;ko:A2')
    assert.equal(
      huong[header.indexOf('cv_text')],
      'Sinh viên năm cuối.\nĐã làm dự án nhận dạng ảnh với PyTorch.',
    )

    // Round trip: every kind's export imports back with nothing changed (the neutralising ' is undone).
    for (const [exportKind, importKind] of [
      ['companies', 'companies'],
      ['positions', 'positions'],
      ['applicants', 'candidates'],
    ] as const) {
      const exported = await exportCsv(exportKind)
      const reimported = await importCsv(importKind, exported.body)
      assert.equal(reimported.statusCode, 200, `${exportKind}: ${reimported.body.slice(0, 800)}`)
      const summary = reimported.json()
      assert.equal(summary.created, 0, exportKind)
      assert.equal(summary.updated, 0, exportKind)
      assert.equal(summary.unchanged, summary.rows, exportKind)
      assert.ok(summary.rows > 0, exportKind)
    }
    const stored = await t.store.db
      .selectFrom('candidate')
      .select('cvText')
      .where('externalKey', '=', 'cand-003')
      .executeTakeFirstOrThrow()
    assert.equal(stored.cvText, '=HYPERLINK("http://evil.example","click")')

    const audit = await t.store.db.selectFrom('auditLog').selectAll().where('action', '=', 'export').execute()
    assert.ok(audit.length >= 2)
    assert.ok(audit.every((row) => row.actorUserId !== null && row.entityType === 'candidate'))
  })

  test("a program's export: its applicants with application columns, its positions and companies", async () => {
    const program = await t.store.db.selectFrom('program').select('id').executeTakeFirstOrThrow()
    const applications = await t.store.db
      .selectFrom('application')
      .select('id')
      .where('programId', '=', program.id)
      .execute()
    const applicants = await exportCsv('applicants', `?programId=${program.id}`)
    assert.equal(applicants.statusCode, 200, applicants.body)
    const records: string[][] = parse(applicants.body, { bom: true })
    assert.equal(records.length - 1, applications.length)
    assert.deepEqual(records[0]!.slice(-3), ['application_status', 'eligibility', 'submitted_at'])
    const positions = await exportCsv('positions', `?programId=${program.id}`)
    const programPositions = await t.store.db
      .selectFrom('programPosition')
      .select('positionId')
      .where('programId', '=', program.id)
      .execute()
    assert.equal(parse(positions.body, { bom: true }).length - 1, programPositions.length)
    const unknown = await exportCsv('companies', '?programId=00000000-0000-4000-8000-000000000000')
    assert.equal(unknown.statusCode, 404)
    const invalid = await exportCsv('companies', '?programId=nope')
    assert.equal(invalid.statusCode, 400)
  })

  test('non-operators get 403 on every import and export route; anonymous callers 401', async () => {
    for (const role of ['reviewer', 'company', 'candidate']) {
      for (const kind of ['candidates', 'companies', 'positions']) {
        const response = await importCsv(kind, fixture(`${kind}.csv`), { role })
        assert.equal(response.statusCode, 403, `${role} import ${kind}`)
      }
      for (const kind of ['applicants', 'companies', 'positions']) {
        const response = await exportCsv(kind, '', role)
        assert.equal(response.statusCode, 403, `${role} export ${kind}`)
        assert.deepEqual(Object.keys(response.json()), ['error'])
      }
      const program = await t.store.db.selectFrom('program').select('id').executeTakeFirstOrThrow()
      for (const url of [
        '/api/exports/applicants.xlsx',
        `/api/exports/results.csv?programId=${program.id}`,
        `/api/exports/results.xlsx?programId=${program.id}`,
        '/api/imports/columns',
        '/api/imports/candidates/template.xlsx',
      ]) {
        const response = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies.get(role)! } })
        assert.equal(response.statusCode, 403, `${role} ${url}`)
      }
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/exports/applicants.csv' })
    assert.equal(anonymous.statusCode, 401)
  })
})

/** An .xlsx workbook of one sheet, as a spreadsheet program would save it. */
async function buildXlsx(rows: readonly (readonly Cell[])[]): Promise<Buffer> {
  return writeExcelFile(rows.map((row) => [...row])).toBuffer()
}

const COMPANY_ROWS: Cell[][] = [
  ['external_key', 'name', 'domain', 'size', 'location', 'description', 'website'],
  [
    'x-co-vision',
    '(주)광주비전',
    '3D 비전',
    '10-49',
    '광주',
    '=SUM(1,2) is text here',
    'https://vision.example.kr',
  ],
  ['x-co-lang', 'Công ty Ngôn ngữ', 'NLP tiếng Việt', '1-9', 'Hà Nội', null, null],
]
const POSITION_ROWS: Cell[][] = [
  [
    'external_key',
    'company_key',
    'kind',
    'title',
    'work_mode',
    'location',
    'start_date',
    'capacity',
    'stipend_krw',
  ],
  [
    'x-pos-cv',
    'x-co-vision',
    'internship',
    '비전 인턴',
    'hybrid',
    '광주',
    { type: Date, value: new Date('2027-07-01T00:00:00Z'), format: 'yyyy-mm-dd' },
    2,
    2_000_000,
  ],
  ['x-pos-nlp', 'x-co-lang', 'project', 'Dự án NLP', 'remote', 'Seoul', null, 3, null],
]
const CANDIDATE_HEADER: Cell[] = [
  'external_key',
  'full_name',
  'email',
  'nationality',
  'residence_country',
  'city',
  'time_zone',
  'skills',
  'hours_per_week',
  'visa_status',
]
const candidateRow = (index: number, email = `x-cand-${index}@example.vn`): Cell[] => [
  `x-cand-${index}`,
  index % 2 === 0 ? `Trần Văn ${index}` : `박지호 ${index}`,
  email,
  index % 2 === 0 ? 'VN' : 'KR',
  'KR',
  '광주',
  'Asia/Seoul',
  'python:4;pytorch:3',
  40,
  index % 2 === 0 ? 'D-2' : 'none_needed',
]

for (const engine of TEST_ENGINES)
  describe(`XLSX import, program imports and results export through the API (${engine})`, () => {
    let t: TestApp
    let operator = ''
    let programId = ''

    before(async () => {
      t = await startTestApp(engine)
      const login = (role: string) => t.demo.logins.find((l) => l.role === role)!.email
      operator = await t.signIn(login('operator'))
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/programs',
        headers: { cookie: operator },
        payload: { kind: 'company_project', title: 'AI 프로젝트 2027', capacity: 5 },
      })
      assert.equal(created.statusCode, 201, created.body)
      programId = created.json().id
    })
    after(async () => {
      await t.close()
    })

    const post = (kind: string, payload: Record<string, unknown>, dryRun = false) =>
      t.app.inject({
        method: 'POST',
        url: `/api/imports/${kind}${dryRun ? '?dryRun=true' : ''}`,
        headers: { cookie: operator },
        payload,
      })
    const postXlsx = async (
      kind: string,
      rows: readonly (readonly Cell[])[],
      extra: Record<string, unknown> = {},
      dryRun = false,
    ) =>
      post(
        kind,
        { fileName: `${kind}.xlsx`, contentBase64: (await buildXlsx(rows)).toString('base64'), ...extra },
        dryRun,
      )
    const counts = (body: Record<string, unknown>) => ({
      created: body.created,
      updated: body.updated,
      unchanged: body.unchanged,
      addedToProgram: body.addedToProgram,
      alreadyInProgram: body.alreadyInProgram,
    })
    const tableSize = async (table: 'company' | 'position' | 'candidate' | 'application') =>
      Number(
        (
          await t.store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )

    test('a valid .xlsx file imports like CSV (typed number and date cells, Korean and Vietnamese) and re-imports with 0 changes', async () => {
      const response = await postXlsx('companies', COMPANY_ROWS)
      assert.equal(response.statusCode, 200, response.body)
      assert.equal(response.json().format, 'xlsx')
      assert.deepEqual(counts(response.json()), {
        created: 2,
        updated: 0,
        unchanged: 0,
        addedToProgram: 0,
        alreadyInProgram: 0,
      })
      const vision = await t.store.db
        .selectFrom('company')
        .selectAll()
        .where('externalKey', '=', 'x-co-vision')
        .executeTakeFirstOrThrow()
      assert.equal(vision.name, '(주)광주비전')
      assert.equal(vision.description, '=SUM(1,2) is text here')
      const again = await postXlsx('companies', COMPANY_ROWS)
      assert.deepEqual(counts(again.json()), {
        created: 0,
        updated: 0,
        unchanged: 2,
        addedToProgram: 0,
        alreadyInProgram: 0,
      })

      const positions = await postXlsx('positions', POSITION_ROWS)
      assert.equal(positions.statusCode, 200, positions.body)
      const cv = await t.store.db
        .selectFrom('position')
        .selectAll()
        .where('externalKey', '=', 'x-pos-cv')
        .executeTakeFirstOrThrow()
      assert.equal(cv.startDate, '2027-07-01', 'a date cell reads as the calendar date')
      assert.equal(cv.capacity, 2)
      assert.equal(cv.stipendKrw, 2_000_000)
      const positionsAgain = await postXlsx('positions', POSITION_ROWS)
      assert.deepEqual(
        [positionsAgain.json().created, positionsAgain.json().updated, positionsAgain.json().unchanged],
        [0, 0, 2],
      )
    })

    test('a bad .xlsx row is reported with its row and column as in CSV, and nothing is stored', async () => {
      const before = await tableSize('candidate')
      const rows: Cell[][] = [CANDIDATE_HEADER, candidateRow(1), [], candidateRow(2, 'not-an-email')]
      const withFraction = candidateRow(3)
      withFraction[8] = 37.5
      rows.push(withFraction)
      const response = await postXlsx('candidates', rows)
      assert.equal(response.statusCode, 400, response.body)
      const error = response.json().error
      assert.equal(error.code, 'validation_failed')
      assert.match(error.message, /nothing was imported/)
      assert.deepEqual(
        error.issues.map((issue: Record<string, unknown>) => [
          issue.path,
          issue.row,
          issue.field,
          issue.code,
        ]),
        [
          ['row 4: email', 4, 'email', 'invalid_email'],
          ['row 5: hours_per_week', 5, 'hours_per_week', 'whole_number'],
        ],
        'the empty sheet row 3 keeps the numbering',
      )
      assert.deepEqual(error.issues[1].params, { value: '37.5' })
      assert.equal(await tableSize('candidate'), before)
    })

    test('files that are not what they claim: legacy .xls, a broken .xlsx, CP949 CSV bytes, both or neither content', async () => {
      const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
      const legacy = await post('companies', { fileName: 'old.xls', contentBase64: xls.toString('base64') })
      assert.equal(legacy.statusCode, 400)
      assert.equal(legacy.json().error.issues[0].code, 'xls_legacy')
      const fake = await post('companies', {
        fileName: 'companies.xlsx',
        contentBase64: Buffer.from('external_key,name\n').toString('base64'),
      })
      assert.equal(fake.json().error.issues[0].code, 'not_xlsx')
      const broken = await post('companies', {
        fileName: 'companies.xlsx',
        contentBase64: Buffer.from('PK\x03\x04 truncated').toString('base64'),
      })
      assert.equal(broken.statusCode, 400)
      assert.equal(broken.json().error.issues[0].code, 'xlsx_invalid')
      const cp949 = Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0d, 0x0a, 0xb1, 0xe8, 0xb9, 0xce, 0xc1, 0xd8])
      const korean = await post('companies', { fileName: 'c.csv', contentBase64: cp949.toString('base64') })
      assert.equal(korean.json().error.issues[0].code, 'not_utf8')
      const both = await post('companies', { fileName: 'c.csv', content: 'a', contentBase64: 'YQ==' })
      assert.equal(both.statusCode, 400)
      assert.equal(both.json().error.issues[0].path, 'body.content')
      const neither = await post('companies', { fileName: 'c.csv' })
      assert.equal(neither.json().error.issues[0].path, 'body.content')
    })

    test('programId: positions join the program with their seats, candidates become its applicants; a re-import adds nothing', async () => {
      const dry = await postXlsx('positions', POSITION_ROWS, { programId }, true)
      assert.equal(dry.statusCode, 200, dry.body)
      assert.deepEqual(counts(dry.json()), {
        created: 0,
        updated: 0,
        unchanged: 2,
        addedToProgram: 2,
        alreadyInProgram: 0,
      })
      const program = () =>
        t.app.inject({ method: 'GET', url: `/api/programs/${programId}`, headers: { cookie: operator } })
      assert.equal((await program()).json().positionCount, 0, 'a dry run adds nothing')

      const positions = await postXlsx('positions', POSITION_ROWS, { programId })
      assert.equal(positions.json().addedToProgram, 2)
      const header = CANDIDATE_HEADER.join(',')
      const csv = `\ufeff${header}\r\n${[1, 2, 3].map((index) => candidateRow(index).join(',')).join('\r\n')}\r\n`
      const applicationsBefore = await tableSize('application')
      const candidates = await post('candidates', { fileName: 'applicants.csv', content: csv, programId })
      assert.equal(candidates.statusCode, 200, candidates.body)
      assert.deepEqual(counts(candidates.json()), {
        created: 3,
        updated: 0,
        unchanged: 0,
        addedToProgram: 3,
        alreadyInProgram: 0,
      })
      assert.equal(await tableSize('application'), applicationsBefore + 3)
      const overview = (await program()).json()
      assert.deepEqual(
        [overview.companyCount, overview.positionCount, overview.seatCount, overview.applicationCount],
        [2, 2, 5, 3],
      )
      const applications = await t.app.inject({
        method: 'GET',
        url: `/api/programs/${programId}/applications`,
        headers: { cookie: operator },
      })
      assert.ok(applications.json().every((row: { status: string }) => row.status === 'submitted'))

      const again = await post('candidates', { fileName: 'applicants.csv', content: csv, programId })
      assert.deepEqual(counts(again.json()), {
        created: 0,
        updated: 0,
        unchanged: 3,
        addedToProgram: 0,
        alreadyInProgram: 3,
      })
      const positionsAgain = await postXlsx('positions', POSITION_ROWS, { programId })
      assert.deepEqual([positionsAgain.json().addedToProgram, positionsAgain.json().alreadyInProgram], [0, 2])
      assert.equal(await tableSize('application'), applicationsBefore + 3)
      const audit = await t.store.db
        .selectFrom('auditLog')
        .selectAll()
        .where('entityType', '=', 'application')
        .where('action', '=', 'create')
        .execute()
      assert.equal(audit.filter((row) => row.detail.programId === programId).length, 1)
    })

    test('programId: companies cannot join a program directly; an unknown program is 404', async () => {
      const companies = await postXlsx('companies', COMPANY_ROWS, { programId })
      assert.equal(companies.statusCode, 400)
      assert.equal(companies.json().error.issues[0].path, 'body.programId')
      const unknown = await postXlsx('positions', POSITION_ROWS, {
        programId: '00000000-0000-4000-8000-000000000000',
      })
      assert.equal(unknown.statusCode, 404)
    })

    test('XLSX exports: typed cells, formula-like text stays text, the same columns as CSV', async () => {
      await t.store.db
        .updateTable('candidate')
        .set({ cvText: '=HYPERLINK("http://evil.example","x")' })
        .where('externalKey', '=', 'x-cand-1')
        .execute()
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/exports/applicants.xlsx?programId=${programId}`,
        headers: { cookie: operator },
      })
      assert.equal(response.statusCode, 200, response.body)
      assert.equal(
        response.headers['content-type'],
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      )
      assert.match(String(response.headers['content-disposition']), /filename="ieum-applicants-.*\.xlsx"/)
      const sheet = await readSheet(response.rawPayload)
      const header = sheet[0] as string[]
      assert.equal(header.at(-3), 'application_status')
      const row = sheet.find((cells) => cells[0] === 'x-cand-1')!
      assert.equal(
        row[header.indexOf('cv_text')],
        '=HYPERLINK("http://evil.example","x")',
        'text, not a formula',
      )
      assert.equal(row[header.indexOf('hours_per_week')], 40, 'a number cell')
      // An exported workbook imports back unchanged.
      const reimport = await post('candidates', {
        fileName: 'applicants.xlsx',
        contentBase64: response.rawPayload.toString('base64'),
      })
      assert.equal(reimport.statusCode, 200, reimport.body)
      assert.equal(reimport.json().unchanged, 3)
      const positions = await t.app.inject({
        method: 'GET',
        url: `/api/exports/positions.xlsx?programId=${programId}`,
        headers: { cookie: operator },
      })
      const positionSheet = await readSheet(positions.rawPayload)
      const startColumn = (positionSheet[0] as string[]).indexOf('start_date')
      const cv = positionSheet.find((cells) => cells[0] === 'x-pos-cv')!
      assert.ok(cv[startColumn] instanceof Date, 'a date cell')
    })

    test('templates (CSV header, XLSX with a column guide) and the documented columns', async () => {
      const csv = await t.app.inject({
        method: 'GET',
        url: '/api/imports/positions/template.csv',
        headers: { cookie: operator },
      })
      assert.equal(csv.statusCode, 200)
      const columns = await t.app.inject({
        method: 'GET',
        url: '/api/imports/columns',
        headers: { cookie: operator },
      })
      const documented = columns.json().columns.positions as { name: string; isRequired: boolean }[]
      assert.equal(csv.body, `\ufeff${documented.map((entry) => entry.name).join(',')}\r\n`)
      assert.ok(documented.find((entry) => entry.name === 'capacity')?.isRequired)
      const xlsx = await t.app.inject({
        method: 'GET',
        url: '/api/imports/candidates/template.xlsx',
        headers: { cookie: operator },
      })
      const guide = await readSheet(xlsx.rawPayload, 'columns')
      assert.deepEqual(guide[0], ['column', 'required', 'value_type', 'allowed_values', 'example'])
      assert.ok(guide.some((cells) => cells[0] === 'visa_status' && String(cells[3]).includes('D-10')))
      // The template's first sheet is an importable header: filled with one row, it imports.
      const first = await readSheet(xlsx.rawPayload)
      assert.equal(first.length, 1)
    })

    test('results export: the placements of a draft run or the published round, CSV and XLSX, audited', async () => {
      const missing = await t.app.inject({
        method: 'GET',
        url: `/api/exports/results.csv?programId=${programId}`,
        headers: { cookie: operator },
      })
      assert.equal(missing.statusCode, 409, 'nothing published yet')
      const noProgram = await t.app.inject({
        method: 'GET',
        url: '/api/exports/results.csv',
        headers: { cookie: operator },
      })
      assert.equal(noProgram.statusCode, 400)

      await t.store.db
        .updateTable('candidate')
        .set({ fullName: '@SUM(A1) Trần' })
        .where('externalKey', '=', 'x-cand-2')
        .execute()
      const call = (method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown> = {}) =>
        t.app.inject({ method, url, headers: { cookie: operator }, payload })
      assert.equal(
        (await call('PATCH', `/api/programs/${programId}`, { phase: 'ranking_freeze' })).statusCode,
        200,
      )
      const run = await call('POST', `/api/programs/${programId}/match-runs`)
      assert.equal(run.statusCode, 201, run.body)
      const runId = run.json().id

      const draft = await t.app.inject({
        method: 'GET',
        url: `/api/exports/results.csv?programId=${programId}&runId=${runId}`,
        headers: { cookie: operator },
      })
      assert.equal(draft.statusCode, 200, draft.body)
      const records: string[][] = parse(draft.body, { bom: true })
      const header = records[0]!
      assert.deepEqual(header.slice(0, 8), [
        'round',
        'run_id',
        'run_status',
        'candidate_key',
        'full_name',
        'email',
        'nationality',
        'outcome',
      ])
      assert.equal(records.length - 1, 3, 'one row per applicant of the market')
      assert.ok(records.slice(1).every((record) => record[header.indexOf('run_status')] === 'draft'))
      const tran = records.find((record) => record[header.indexOf('candidate_key')] === 'x-cand-2')!
      assert.equal(tran[header.indexOf('full_name')], "'@SUM(A1) Trần", 'neutralised in CSV')
      const matched = records.filter((record) => record[header.indexOf('outcome')] === 'matched')
      assert.equal(matched.length, run.json().statistics.matched)

      assert.equal((await call('POST', `/api/match-runs/${runId}/publish`)).statusCode, 200)
      const published = await t.app.inject({
        method: 'GET',
        url: `/api/exports/results.xlsx?programId=${programId}`,
        headers: { cookie: operator },
      })
      assert.equal(published.statusCode, 200, published.body)
      const sheet = await readSheet(published.rawPayload)
      const xlsxHeader = sheet[0] as string[]
      const rows = sheet.slice(1)
      assert.equal(rows.length, 3)
      const placed = rows.filter((cells) => cells[xlsxHeader.indexOf('outcome')] === 'matched')
      assert.ok(placed.every((cells) => cells[xlsxHeader.indexOf('placement_status')] === 'offered'))
      assert.ok(placed.every((cells) => typeof cells[xlsxHeader.indexOf('round')] === 'number'))
      const tranCells = rows.find((cells) => cells[xlsxHeader.indexOf('candidate_key')] === 'x-cand-2')!
      assert.equal(tranCells[xlsxHeader.indexOf('full_name')], '@SUM(A1) Trần', 'plain text in XLSX')

      const audit = await t.store.db
        .selectFrom('auditLog')
        .selectAll()
        .where('action', '=', 'export')
        .where('entityType', '=', 'placement')
        .execute()
      assert.equal(audit.length, 2)
      assert.ok(audit.every((row) => row.actorUserId !== null && row.detail.programId === programId))
    })
  })
