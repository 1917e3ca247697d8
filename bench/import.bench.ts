/**
 * Import benchmark (issue 4, acceptance 3: 10,000 valid rows in at most 30 s): imports a generated
 * 10,000-row candidate file into an empty in-memory PGlite, then imports it again (0 rows change), then a
 * copy with one bad row (nothing stored); then the same people as an .xlsx workbook into a program (10,000
 * applications) and again (0 changes). Prints each time. `npm run bench -- import`.
 */
import { parse } from 'csv-parse/sync'
import writeExcelFile from 'write-excel-file/node'
import type { Actor } from '../src/domain/index.ts'
import { importRecords, validateImport } from '../src/services/imports/index.ts'
import { systemClock } from '../src/services/index.ts'
import { createDb, migrateToLatest } from '../src/store/index.ts'
import { generateCandidateCsv } from '../test/fixtures/generate-candidate-csv.ts'

const ROWS = 10_000
const TARGET_SECONDS = 30

const store = await createDb({ kind: 'memory' })
await migrateToLatest(store.db)
const hub = await store.db
  .insertInto('hub')
  .values({ name: 'Bench hub', slug: 'bench' })
  .returning('id')
  .executeTakeFirstOrThrow()
const actor: Actor = {
  userId: 'bench-operator',
  email: 'operator@bench.example',
  name: 'Bench operator',
  locale: null,
  grants: [{ role: 'operator', hubId: hub.id, companyId: null, candidateId: null }],
}
const context = { db: store.db, actor, now: systemClock }
const file = generateCandidateCsv(ROWS)
const megabytes = (Buffer.byteLength(file) / 1024 / 1024).toFixed(1)

const seconds = async (work: () => Promise<unknown> | unknown): Promise<number> => {
  const started = performance.now()
  await work()
  return (performance.now() - started) / 1000
}

const validateOnly = await seconds(() => validateImport('candidates', file))
let summary: unknown
const first = await seconds(async () => {
  summary = await importRecords(context, { kind: 'candidates', fileName: 'bench.csv', content: file })
})
let again: unknown
const second = await seconds(async () => {
  again = await importRecords(context, { kind: 'candidates', fileName: 'bench.csv', content: file })
})
const bad = generateCandidateCsv(ROWS, { badIndex: 7_777, keyPrefix: 'other' })
let badMessage = ''
const rejected = await seconds(async () => {
  try {
    await importRecords(context, { kind: 'candidates', fileName: 'bad.csv', content: bad })
  } catch (error) {
    badMessage = (error as Error).message
  }
})

// The same people as an Excel workbook, imported into a program: each becomes an applicant.
const program = await store.db
  .insertInto('program')
  .values({
    hubId: hub.id,
    kind: 'internship',
    title: 'Bench program',
    phase: 'call_open',
    capacity: 100,
    matchingConfig: '{}',
  })
  .returning('id')
  .executeTakeFirstOrThrow()
const sheet: string[][] = parse(file, { bom: true })
const workbook = await writeExcelFile(sheet).toBuffer()
const workbookMegabytes = (workbook.length / 1024 / 1024).toFixed(1)
let xlsxSummary: unknown
const xlsxFirst = await seconds(async () => {
  xlsxSummary = await importRecords(context, {
    kind: 'candidates',
    fileName: 'bench.xlsx',
    content: workbook,
    programId: program.id,
  })
})
let xlsxAgain: unknown
const xlsxSecond = await seconds(async () => {
  xlsxAgain = await importRecords(context, {
    kind: 'candidates',
    fileName: 'bench.xlsx',
    content: workbook,
    programId: program.id,
  })
})
await store.close()

console.log(`file: ${ROWS} candidate rows, ${megabytes} MB (UTF-8, BOM, CRLF, Korean and Vietnamese)`)
console.log(`validate only (parse + zod):       ${validateOnly.toFixed(2)} s`)
console.log(`first import (10,000 created):     ${first.toFixed(2)} s  ${JSON.stringify(summary)}`)
console.log(`same file again (0 changes):       ${second.toFixed(2)} s  ${JSON.stringify(again)}`)
console.log(`one bad row among 10,000 (refused): ${rejected.toFixed(2)} s  ${badMessage}`)
console.log(
  `xlsx (${workbookMegabytes} MB) into a program:   ${xlsxFirst.toFixed(2)} s  ${JSON.stringify(xlsxSummary)}`,
)
console.log(`same workbook again (0 changes):   ${xlsxSecond.toFixed(2)} s  ${JSON.stringify(xlsxAgain)}`)
const worst = Math.max(first, xlsxFirst)
console.log(`target: first imports <= ${TARGET_SECONDS} s: ${worst <= TARGET_SECONDS ? 'ok' : 'MISSED'}`)
if (worst > TARGET_SECONDS) process.exitCode = 1
