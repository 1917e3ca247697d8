import { AppError } from '../../domain/index.ts'
import { findProgramInHub, toCandidate, toCompany, toPosition } from '../../store/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { exportResultsTable } from './export-results.ts'
import { formatCsv } from './format-csv.ts'
import { type ExportTable, formatXlsx } from './format-xlsx.ts'
import { APPLICATION_COLUMNS, exportColumnsOf, type ImportColumn } from './import-columns.ts'

/** What can be exported. */
export const EXPORT_KINDS = ['applicants', 'positions', 'companies', 'results'] as const
/** applicants | positions | companies | results */
export type ExportKind = (typeof EXPORT_KINDS)[number]

/** The file formats of an export. */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const
/** csv | xlsx */
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/**
 * What to export; `programId` narrows to one program's applicants, positions or companies, and is
 * required for results (a published round, or with `runId` one match run, draft or published).
 */
export interface ExportRequest {
  readonly kind: ExportKind
  readonly format?: ExportFormat
  readonly programId?: string
  readonly runId?: string
}

/** An export file ready to send. */
export interface ExportFile {
  readonly fileName: string
  readonly contentType: string
  readonly body: string | Buffer
}

type Cells = Readonly<Record<string, unknown>>

function toTable(sheet: string, columns: readonly ImportColumn[], records: readonly Cells[]): ExportTable {
  return {
    sheet,
    columns: columns.map(({ name, valueType }) => ({ name, valueType })),
    rows: records.map((record) => columns.map((entry) => entry.format(record))),
  }
}

/** The MIME type of an .xlsx workbook. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** A table as a CSV file (BOM, CRLF, neutralised formula cells) or an .xlsx workbook. */
export async function formatExportFile(
  tables: readonly ExportTable[],
  format: ExportFormat,
  baseName: string,
): Promise<ExportFile> {
  if (format === 'xlsx') {
    return { fileName: `${baseName}.xlsx`, contentType: XLSX_CONTENT_TYPE, body: await formatXlsx(tables) }
  }
  const [table] = tables
  return {
    fileName: `${baseName}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: formatCsv(
      (table?.columns ?? []).map((entry) => entry.name),
      table?.rows ?? [],
    ),
  }
}

function eligibilityOf(verdict: unknown): string {
  if (verdict === null || typeof verdict !== 'object') return ''
  const isEligible = (verdict as { isEligible?: unknown }).isEligible
  return isEligible === true ? 'eligible' : isEligible === false ? 'ineligible' : ''
}

async function exportApplicants(
  { db, actor }: ServiceContext,
  programId: string | undefined,
): Promise<ExportTable> {
  const hubId = hubIdOf(actor)
  let table: ExportTable
  let count: number
  if (programId === undefined) {
    const rows = await db
      .selectFrom('candidate')
      .selectAll()
      .where('hubId', '=', hubId)
      .orderBy('fullName')
      .orderBy('id')
      .execute()
    count = rows.length
    table = toTable('applicants', exportColumnsOf('candidates'), rows.map(toCandidate))
  } else {
    const rows = await db
      .selectFrom('application')
      .innerJoin('candidate', 'candidate.id', 'application.candidateId')
      .selectAll('candidate')
      .select([
        'application.status as applicationStatus',
        'application.eligibility as applicationEligibility',
        'application.submittedAt as applicationSubmittedAt',
      ])
      .where('application.programId', '=', programId)
      .where('candidate.hubId', '=', hubId)
      .orderBy('candidate.fullName')
      .orderBy('candidate.id')
      .execute()
    count = rows.length
    const records = rows.map(
      ({ applicationStatus, applicationEligibility, applicationSubmittedAt, ...candidate }) => ({
        ...toCandidate(candidate),
        application_status: applicationStatus,
        eligibility: eligibilityOf(applicationEligibility),
        submitted_at: applicationSubmittedAt.toISOString(),
      }),
    )
    table = toTable('applicants', [...exportColumnsOf('candidates'), ...APPLICATION_COLUMNS], records)
  }
  await recordAudit(db, actor, [
    {
      action: 'export',
      entityType: 'candidate',
      entityId: null,
      detail: { kind: 'applicants', programId: programId ?? null, rows: count },
    },
  ])
  return table
}

async function exportPositions(
  { db, actor }: ServiceContext,
  programId: string | undefined,
): Promise<ExportTable> {
  let query = db
    .selectFrom('position')
    .innerJoin('company', 'company.id', 'position.companyId')
    .selectAll('position')
    .select('company.externalKey as companyKey')
    .where('company.hubId', '=', hubIdOf(actor))
  if (programId !== undefined) {
    query = query.where('position.id', 'in', (sub) =>
      sub.selectFrom('programPosition').select('positionId').where('programId', '=', programId),
    )
  }
  const rows = await query.orderBy('company.name').orderBy('position.title').orderBy('position.id').execute()
  const records = rows.map(({ companyKey, ...position }) => ({
    ...toPosition(position),
    companyKey: companyKey ?? '',
  }))
  return toTable('positions', exportColumnsOf('positions'), records)
}

async function exportCompanies(
  { db, actor }: ServiceContext,
  programId: string | undefined,
): Promise<ExportTable> {
  let query = db.selectFrom('company').selectAll().where('hubId', '=', hubIdOf(actor))
  if (programId !== undefined) {
    query = query.where('id', 'in', (sub) =>
      sub
        .selectFrom('programPosition')
        .innerJoin('position', 'position.id', 'programPosition.positionId')
        .select('position.companyId')
        .where('programPosition.programId', '=', programId),
    )
  }
  const rows = await query.orderBy('name').orderBy('id').execute()
  return toTable('companies', exportColumnsOf('companies'), rows.map(toCompany))
}

/**
 * The hub's applicants, positions or companies (optionally one program's), or a program's match results,
 * as a CSV file that Excel opens correctly (UTF-8 with BOM, CRLF) and that cannot run formulas, or as an
 * .xlsx workbook whose text cells are never formulas. Record exports use the import columns, so an edited
 * export can be imported again. Exports of personal data (applicants, results) are audited.
 */
export async function exportRecords(context: ServiceContext, request: ExportRequest): Promise<ExportFile> {
  requireRole(context.actor, 'operator')
  const { programId } = request
  if (programId !== undefined) {
    const program = await findProgramInHub(context.db, hubIdOf(context.actor), programId)
    if (!program) throw new AppError('not_found', `no program ${programId}`)
  }
  const table =
    request.kind === 'applicants'
      ? await exportApplicants(context, programId)
      : request.kind === 'positions'
        ? await exportPositions(context, programId)
        : request.kind === 'companies'
          ? await exportCompanies(context, programId)
          : await exportResultsTable(context, programId, request.runId)
  const day = context.now().toISOString().slice(0, 10)
  return formatExportFile([table], request.format ?? 'csv', `ieum-${request.kind}-${day}`)
}
