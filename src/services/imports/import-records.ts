import { sql } from 'kysely'
import { AppError, type ImportSummary } from '../../domain/index.ts'
import { toCandidateValues, toCompanyValues } from '../../store/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import { type AuditEvent, recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { addToProgram, findImportProgram } from './add-to-program.ts'
import type { Db } from './chunk.ts'
import type { ImportKind } from './import-columns.ts'
import type { ImportErrorIssue } from './import-issue.ts'
import { MERGED_EDUCATION, type Plan, planHubRecords, planPositions } from './plan-import-writes.ts'
import { readImportFile } from './read-import-file.ts'
import { type ImportIssue, type ImportRow, validateImportRecords } from './validate-import.ts'

/** Rows per INSERT statement: 500 candidates × 23 columns stays far below PostgreSQL's 65,535 parameters. */
export const IMPORT_BATCH_SIZE = 500

/** How many row problems an error lists (the message gives the total). */
export const MAX_LISTED_ISSUES = 200

/** What to import. */
export interface ImportRequest {
  readonly kind: ImportKind
  readonly fileName: string
  /** CSV text, or the bytes of a CSV or .xlsx file (told apart by their content). */
  readonly content: Buffer | string
  /** Validate and count what would change, store nothing. */
  readonly dryRun?: boolean
  /**
   * A program of the hub: imported positions join it (their seats are their capacity) and imported
   * candidates become its applicants. Not for companies (they take part through their positions).
   */
  readonly programId?: string
}

/** Runs `work` in the caller's transaction, or in a new one when the caller has none. */
function inOwnTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work)
}

/** The validation error listing the first {@link MAX_LISTED_ISSUES} problems, sorted by row. */
function toValidationError(fileName: string, issues: readonly ImportIssue[]): AppError {
  const sorted = [...issues].sort((a, b) => a.row - b.row)
  const badRows = new Set(sorted.map((issue) => issue.row)).size
  const listed = sorted.slice(0, MAX_LISTED_ISSUES)
  const more = sorted.length > listed.length ? `; the first ${listed.length} are listed` : ''
  const problems = sorted.length === 1 ? '1 problem' : `${sorted.length} problems`
  const rows = badRows === 1 ? '1 row' : `${badRows} rows`
  return new AppError(
    'validation_failed',
    `${fileName}: ${problems} in ${rows}; nothing was imported${more}`,
    listed.map(
      (issue): ImportErrorIssue => ({
        path: `row ${issue.row}: ${issue.field}`,
        message: issue.message,
        row: issue.row,
        line: issue.line,
        field: issue.field,
        code: issue.code,
        params: issue.params,
      }),
    ),
  )
}

/**
 * Imports candidates, companies or positions from a CSV or .xlsx file into the operator's hub. The whole
 * file is validated first and nothing is stored unless every row is valid (`validation_failed` lists each
 * bad row and column, with a code per problem for the reader's language). Rows are matched on
 * `external_key`: new keys are created, changed rows updated, equal rows left alone, all in one
 * transaction. With `programId`, positions join the program and candidates become its applicants.
 * Candidate imports and the applications they create are audited.
 */
export async function importRecords(context: ServiceContext, request: ImportRequest): Promise<ImportSummary> {
  const { actor } = context
  requireRole(actor, 'operator')
  const hubId = hubIdOf(actor)
  const isDryRun = request.dryRun === true
  const { programId } = request
  if (programId !== undefined) await findImportProgram(context.db, hubId, request.kind, programId)
  const file = await readImportFile(request.fileName, request.content)
  const validation = validateImportRecords(request.kind, file.records)
  if (validation.rows.length === 0 && validation.issues.length > 0) {
    throw toValidationError(request.fileName, validation.issues)
  }
  const { rows, writtenFields } = validation
  const keys = rows.map((row) => row.externalKey)
  const plan =
    validation.kind === 'candidates'
      ? planHubRecords(
          hubId,
          'candidate',
          keys,
          (rows as ImportRow<'candidates'>[]).map((row) => toCandidateValues(hubId, row.input)),
          writtenFields,
          { education: MERGED_EDUCATION },
        )
      : validation.kind === 'companies'
        ? planHubRecords(
            hubId,
            'company',
            keys,
            (rows as ImportRow<'companies'>[]).map((row) => toCompanyValues(hubId, row.input)),
            writtenFields,
          )
        : planPositions(hubId, rows as ImportRow<'positions'>[], writtenFields)

  const linkKind = request.kind === 'companies' ? null : request.kind
  const writeAll = async (trx: Db, write: Plan['write']) => {
    const counts = await write(trx)
    const program =
      programId !== undefined && linkKind !== null
        ? await addToProgram(trx, hubId, linkKind, programId, keys)
        : { added: 0, already: 0 }
    return { ...counts, program }
  }

  return inOwnTransaction(context.db, async (trx) => {
    const { issues, write } = await plan(trx)
    const allIssues = [...validation.issues, ...issues]
    if (allIssues.length > 0) throw toValidationError(request.fileName, allIssues)
    let counts: Awaited<ReturnType<typeof writeAll>>
    if (isDryRun) {
      // Write for real to learn exactly what would change, then roll back to before the writes.
      await sql`savepoint ieum_import_dry_run`.execute(trx)
      try {
        counts = await writeAll(trx, write)
      } finally {
        await sql`rollback to savepoint ieum_import_dry_run`.execute(trx)
      }
    } else {
      counts = await writeAll(trx, write)
    }
    const summary: ImportSummary = {
      kind: request.kind,
      fileName: request.fileName,
      format: file.format,
      rows: validation.rows.length,
      created: counts.created,
      updated: counts.updated,
      unchanged: validation.rows.length - counts.created - counts.updated,
      isDryRun,
      programId: programId ?? null,
      addedToProgram: counts.program.added,
      alreadyInProgram: counts.program.already,
    }
    if (isDryRun) return summary
    const source = file.format === 'xlsx' ? 'xlsx_import' : 'csv_import'
    const entries: AuditEvent[] = []
    if (request.kind === 'candidates' && counts.created + counts.updated > 0) {
      entries.push({
        action: counts.created > 0 ? 'create' : 'update',
        entityType: 'candidate',
        entityId: null,
        detail: {
          source,
          fileName: request.fileName,
          created: counts.created,
          updated: counts.updated,
          rows: summary.rows,
        },
      })
    }
    if (programId !== undefined && counts.program.added > 0) {
      entries.push({
        action: 'create',
        entityType: request.kind === 'candidates' ? 'application' : 'program_position',
        entityId: null,
        detail: { source, fileName: request.fileName, programId, added: counts.program.added },
      })
    }
    if (entries.length > 0) await recordAudit(trx, actor, entries)
    return summary
  })
}
