import { AppError } from '../../domain/index.ts'
import { toCandidate, toCompany, toPosition } from '../../store/index.ts'
import { hubIdOf, requireRole } from '../access.ts'
import { recordAudit } from '../record-audit.ts'
import type { ServiceContext } from '../service-context.ts'
import { formatCsv } from './format-csv.ts'
import { APPLICATION_COLUMNS, exportColumnsOf, type ImportColumn } from './import-columns.ts'

/** What can be exported as CSV. */
export const EXPORT_KINDS = ['applicants', 'positions', 'companies'] as const
/** applicants | positions | companies */
export type ExportKind = (typeof EXPORT_KINDS)[number]

/** What to export; `programId` narrows to one program's applicants, positions or companies. */
export interface ExportRequest {
  readonly kind: ExportKind
  readonly programId?: string
}

type Cells = Readonly<Record<string, unknown>>

function toCsv(columns: readonly ImportColumn[], records: readonly Cells[]): string {
  return formatCsv(
    columns.map((entry) => entry.name),
    records.map((record) => columns.map((entry) => entry.format(record))),
  )
}

function eligibilityOf(verdict: unknown): string {
  if (verdict === null || typeof verdict !== 'object') return ''
  const isEligible = (verdict as { isEligible?: unknown }).isEligible
  return isEligible === true ? 'eligible' : isEligible === false ? 'ineligible' : ''
}

async function exportApplicants(
  { db, actor }: ServiceContext,
  programId: string | undefined,
): Promise<string> {
  const hubId = hubIdOf(actor)
  let text: string
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
    text = toCsv(exportColumnsOf('candidates'), rows.map(toCandidate))
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
    text = toCsv([...exportColumnsOf('candidates'), ...APPLICATION_COLUMNS], records)
  }
  await recordAudit(db, actor, [
    {
      action: 'export',
      entityType: 'candidate',
      entityId: null,
      detail: { kind: 'applicants', programId: programId ?? null, rows: count },
    },
  ])
  return text
}

async function exportPositions(
  { db, actor }: ServiceContext,
  programId: string | undefined,
): Promise<string> {
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
  return toCsv(exportColumnsOf('positions'), records)
}

async function exportCompanies(
  { db, actor }: ServiceContext,
  programId: string | undefined,
): Promise<string> {
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
  return toCsv(exportColumnsOf('companies'), rows.map(toCompany))
}

/**
 * The hub's applicants, positions or companies (optionally one program's) as a CSV file that Excel opens
 * correctly (UTF-8 with BOM, CRLF) and that cannot run formulas; the columns are the import columns, so an
 * edited export can be imported again. Exporting applicants (personal data) is audited.
 */
export async function exportRecords(context: ServiceContext, request: ExportRequest): Promise<string> {
  requireRole(context.actor, 'operator')
  const { programId } = request
  if (programId !== undefined) {
    const program = await context.db
      .selectFrom('program')
      .select('id')
      .where('id', '=', programId)
      .where('hubId', '=', hubIdOf(context.actor))
      .executeTakeFirst()
    if (!program) throw new AppError('not_found', `no program ${programId}`)
  }
  if (request.kind === 'applicants') return exportApplicants(context, programId)
  if (request.kind === 'positions') return exportPositions(context, programId)
  return exportCompanies(context, programId)
}
