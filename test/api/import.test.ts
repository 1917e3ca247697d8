import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'
import { parse } from 'csv-parse/sync'
import { generateCandidateCsv } from '../fixtures/generate-candidate-csv.ts'
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
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/exports/applicants.csv' })
    assert.equal(anonymous.statusCode, 401)
  })
})
