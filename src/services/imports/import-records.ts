import { type Kysely, type RawBuilder, sql } from 'kysely'
import { AppError, type ImportSummary } from '../../domain/index.ts'
import {
  type Database,
  findProgramInHub,
  listPositionsByExternalKeyInHub,
  toCandidateValues,
  toCompanyValues,
  toPositionValues,
} from '../../store/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import { type AuditEvent, recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'
import type { ImportKind } from './import-columns.ts'
import { describeImportIssue, type ImportErrorIssue } from './import-issue.ts'
import { readImportFile } from './read-import-file.ts'
import { type ImportIssue, type ImportRow, validateImportRecords } from './validate-import.ts'

/** Rows per INSERT statement: 500 candidates × 23 columns stays far below PostgreSQL's 65,535 parameters. */
export const IMPORT_BATCH_SIZE = 500
/** How many row problems an error lists (the message gives the total). */
export const MAX_LISTED_ISSUES = 200
const LOOKUP_CHUNK = 1000

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

type Db = Kysely<Database>
type Table = 'candidate' | 'company' | 'position'

const chunk = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  )

/**
 * Inserts new rows and updates changed ones in batches; a row whose written columns all equal the stored
 * ones is left alone (`IS DISTINCT FROM`), so re-importing a file changes nothing. Returns the keys written.
 */
async function upsertRows(
  db: Db,
  table: Table,
  conflictColumns: readonly string[],
  fields: readonly string[],
  values: readonly Record<string, unknown>[],
  merges: Readonly<Record<string, RawBuilder<unknown>>> = {},
): Promise<Set<string>> {
  const stored = fields.map((field) => sql.ref(`${table}.${field}`))
  const incoming = fields.map((field) => merges[field] ?? sql.ref(`excluded.${field}`))
  const set: Record<string, unknown> = Object.fromEntries(
    fields.map((field, index) => [field, incoming[index]]),
  )
  if (table === 'candidate') set.updatedAt = sql`now()`
  const written = new Set<string>()
  for (const batch of chunk(values, IMPORT_BATCH_SIZE)) {
    const rows = await db
      .insertInto(table)
      .values(batch as never)
      .onConflict((conflict) =>
        conflict
          .columns(conflictColumns as never)
          .doUpdateSet(set as never)
          .where(sql<boolean>`(${sql.join(stored)}) is distinct from (${sql.join(incoming)})`),
      )
      .returning('externalKey')
      .execute()
    for (const row of rows) if (row.externalKey !== null) written.add(row.externalKey)
  }
  return written
}

/** External keys already stored in the hub for `table`. */
async function findExistingKeys(
  db: Db,
  table: 'candidate' | 'company',
  hubId: string,
  keys: readonly string[],
) {
  const existing = new Set<string>()
  for (const part of chunk(keys, LOOKUP_CHUNK)) {
    const rows = await db
      .selectFrom(table)
      .select('externalKey')
      .where('hubId', '=', hubId)
      .where('externalKey', 'in', part)
      .execute()
    for (const row of rows) if (row.externalKey !== null) existing.add(row.externalKey)
  }
  return existing
}

/**
 * The `education_*` columns hold a candidate's first (main) education record: an import replaces that
 * record and keeps any further ones the candidate entered; empty columns leave education as stored.
 */
const MERGED_EDUCATION = sql`case when jsonb_array_length(excluded.education) = 0 then candidate.education
  else jsonb_build_array(excluded.education -> 0) || (candidate.education - 0) end`

interface Plan {
  readonly issues: ImportIssue[]
  write(db: Db): Promise<{ created: number; updated: number }>
}

/** Candidates and companies: keyed by `(hub_id, external_key)`. */
function planHubRecords(
  hubId: string,
  table: 'candidate' | 'company',
  keys: readonly string[],
  values: readonly Record<string, unknown>[],
  fields: readonly string[],
  merges: Readonly<Record<string, RawBuilder<unknown>>> = {},
) {
  return async (db: Db): Promise<Plan> => {
    const existing = await findExistingKeys(db, table, hubId, keys)
    return {
      issues: [],
      async write(trx) {
        const written = await upsertRows(trx, table, ['hubId', 'externalKey'], fields, values, merges)
        // Every insert is returned, so the other returned keys are updates.
        const created = keys.length - existing.size
        return { created, updated: written.size - created }
      },
    }
  }
}

function planPositions(hubId: string, rows: readonly ImportRow<'positions'>[], fields: readonly string[]) {
  return async (db: Db): Promise<Plan> => {
    const issues: ImportIssue[] = []
    const companyIds = new Map<string, string>()
    const companyKeys = [...new Set(rows.map((row) => row.companyKey ?? ''))]
    for (const part of chunk(companyKeys, LOOKUP_CHUNK)) {
      const found = await db
        .selectFrom('company')
        .select(['id', 'externalKey'])
        .where('hubId', '=', hubId)
        .where('externalKey', 'in', part)
        .execute()
      for (const company of found) companyIds.set(company.externalKey ?? '', company.id)
    }
    // Position keys are unique per company in the database; an import treats them as unique in the hub.
    const stored = new Map<string, { id: string; companyId: string }[]>()
    for (const part of chunk(
      rows.map((row) => row.externalKey),
      LOOKUP_CHUNK,
    )) {
      const found = await listPositionsByExternalKeyInHub(db, hubId, part)
      for (const position of found) {
        const key = position.externalKey ?? ''
        stored.set(key, [...(stored.get(key) ?? []), { id: position.id, companyId: position.companyId }])
      }
    }
    const moves: { id: string; companyId: string }[] = []
    const movedKeys = new Set<string>()
    for (const row of rows) {
      const companyId = companyIds.get(row.companyKey ?? '')
      if (!companyId) {
        const params = { key: row.companyKey ?? '' }
        issues.push({
          row: row.row,
          line: row.line,
          field: 'company_key',
          code: 'unknown_company',
          params,
          message: describeImportIssue('unknown_company', params),
        })
        continue
      }
      const matches = stored.get(row.externalKey) ?? []
      if (matches.length > 1) {
        const params = { key: row.externalKey, count: matches.length }
        issues.push({
          row: row.row,
          line: row.line,
          field: 'external_key',
          code: 'ambiguous_key',
          params,
          message: describeImportIssue('ambiguous_key', params),
        })
      } else if (matches[0] && matches[0].companyId !== companyId) {
        moves.push({ id: matches[0].id, companyId })
        movedKeys.add(row.externalKey)
      }
    }
    return {
      issues,
      async write(trx) {
        // A position whose company_key changed moves to that company first, so the upsert finds it.
        for (const move of moves) {
          await trx
            .updateTable('position')
            .set({ companyId: move.companyId })
            .where('id', '=', move.id)
            .execute()
        }
        const values = rows.map((row) => toPositionValues(companyIds.get(row.companyKey ?? '')!, row.input))
        const positionFields = fields.map((field) => (field === 'companyKey' ? 'companyId' : field))
        const written = await upsertRows(
          trx,
          'position',
          ['companyId', 'externalKey'],
          positionFields,
          values,
        )
        const created = rows.filter((row) => !stored.has(row.externalKey)).length
        const updated = new Set([...[...written].filter((key) => stored.has(key)), ...movedKeys])
        return { created, updated: updated.size }
      },
    }
  }
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

/** The program an import adds rows to: in the actor's hub, not closed. */
async function findImportProgram(db: Db, hubId: string, kind: ImportKind, programId: string) {
  if (kind === 'companies') {
    throw new AppError('validation_failed', 'companies take part in a program through their positions', [
      { path: 'body.programId', message: 'import positions or candidates into a program, not companies' },
    ])
  }
  const program = await findProgramInHub(db, hubId, programId)
  if (!program) throw new AppError('not_found', `no program ${programId}`)
  if (program.phase === 'closed') throw new AppError('phase_closed', 'the program is closed')
  return program
}

/** Ids of the hub's records with these external keys (positions: keyed by company id and key). */
async function findIdsByKey(
  db: Db,
  hubId: string,
  kind: 'candidates' | 'positions',
  keys: readonly string[],
): Promise<string[]> {
  const ids: string[] = []
  for (const part of chunk(keys, LOOKUP_CHUNK)) {
    const rows =
      kind === 'candidates'
        ? await db
            .selectFrom('candidate')
            .select('id')
            .where('hubId', '=', hubId)
            .where('externalKey', 'in', part)
            .execute()
        : await listPositionsByExternalKeyInHub(db, hubId, part)
    for (const row of rows) ids.push(row.id)
  }
  return ids
}

/**
 * Adds the imported rows to the program: positions join it with their own capacity as seats, candidates
 * get a submitted application. Rows already in it are left alone, so a re-import adds nothing.
 */
async function addToProgram(
  db: Db,
  hubId: string,
  kind: 'candidates' | 'positions',
  programId: string,
  keys: readonly string[],
): Promise<{ added: number; already: number }> {
  const ids = await findIdsByKey(db, hubId, kind, keys)
  let added = 0
  for (const part of chunk(ids, IMPORT_BATCH_SIZE)) {
    const rows =
      kind === 'candidates'
        ? await db
            .insertInto('application')
            .values(part.map((candidateId) => ({ programId, candidateId, status: 'submitted' })))
            .onConflict((conflict) => conflict.columns(['programId', 'candidateId']).doNothing())
            .returning('id')
            .execute()
        : await db
            .insertInto('programPosition')
            .values(part.map((positionId) => ({ programId, positionId, capacity: null })))
            .onConflict((conflict) => conflict.columns(['programId', 'positionId']).doNothing())
            .returning('positionId as id')
            .execute()
    added += rows.length
  }
  return { added, already: ids.length - added }
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
