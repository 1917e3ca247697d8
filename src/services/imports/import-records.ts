import { type Kysely, type RawBuilder, sql } from 'kysely'
import { AppError, type AppErrorIssue } from '../../domain/index.ts'
import { type Database, toCandidateValues, toCompanyValues, toPositionValues } from '../../store/index.ts'
import { hubIdOf, requireRole } from '../access.ts'
import { recordAudit } from '../record-audit.ts'
import type { ServiceContext } from '../service-context.ts'
import type { ImportKind } from './import-columns.ts'
import { type ImportIssue, type ImportRow, validateImport } from './validate-import.ts'

/** Rows per INSERT statement: 500 candidates × 23 columns stays far below PostgreSQL's 65,535 parameters. */
export const IMPORT_BATCH_SIZE = 500
/** How many row problems an error lists (the message gives the total). */
export const MAX_LISTED_ISSUES = 200
const LOOKUP_CHUNK = 1000

/** What to import. */
export interface ImportRequest {
  readonly kind: ImportKind
  readonly fileName: string
  readonly content: Buffer | string
  /** Validate and count what would change, store nothing. */
  readonly dryRun?: boolean
}

/** What an import did (or, for a dry run, would do). */
export interface ImportSummary {
  readonly kind: ImportKind
  readonly fileName: string
  readonly rows: number
  readonly created: number
  readonly updated: number
  readonly unchanged: number
  readonly isDryRun: boolean
}

/** A row problem as the API reports it: `row 12: email` plus the row, line and column on their own. */
export interface ImportErrorIssue extends AppErrorIssue {
  readonly row: number
  readonly line: number
  readonly field: string
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
      const found = await db
        .selectFrom('position')
        .innerJoin('company', 'company.id', 'position.companyId')
        .select(['position.id', 'position.externalKey', 'position.companyId'])
        .where('company.hubId', '=', hubId)
        .where('position.externalKey', 'in', part)
        .execute()
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
        issues.push({
          row: row.row,
          line: row.line,
          field: 'company_key',
          message: `no company with external_key "${row.companyKey}" in this hub; import companies first`,
        })
        continue
      }
      const matches = stored.get(row.externalKey) ?? []
      if (matches.length > 1) {
        issues.push({
          row: row.row,
          line: row.line,
          field: 'external_key',
          message: `${matches.length} positions in this hub already have the key "${row.externalKey}"`,
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
      }),
    ),
  )
}

/**
 * Imports candidates, companies or positions from a CSV file into the operator's hub. The whole file is
 * validated first and nothing is stored unless every row is valid (`validation_failed` lists each bad
 * row and column). Rows are matched on `external_key`: new keys are created, changed rows updated, equal
 * rows left alone, all in one transaction. Candidate imports are audited.
 */
export async function importRecords(context: ServiceContext, request: ImportRequest): Promise<ImportSummary> {
  const { actor } = context
  requireRole(actor, 'operator')
  const hubId = hubIdOf(actor)
  const isDryRun = request.dryRun === true
  const validation = validateImport(request.kind, request.content)
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

  return inOwnTransaction(context.db, async (trx) => {
    const { issues, write } = await plan(trx)
    const allIssues = [...validation.issues, ...issues]
    if (allIssues.length > 0) throw toValidationError(request.fileName, allIssues)
    let counts: { created: number; updated: number }
    if (isDryRun) {
      // Write for real to learn exactly what would change, then roll back to before the writes.
      await sql`savepoint ieum_import_dry_run`.execute(trx)
      try {
        counts = await write(trx)
      } finally {
        await sql`rollback to savepoint ieum_import_dry_run`.execute(trx)
      }
    } else {
      counts = await write(trx)
    }
    const summary: ImportSummary = {
      kind: request.kind,
      fileName: request.fileName,
      rows: validation.rows.length,
      created: counts.created,
      updated: counts.updated,
      unchanged: validation.rows.length - counts.created - counts.updated,
      isDryRun,
    }
    if (!isDryRun && request.kind === 'candidates' && counts.created + counts.updated > 0) {
      await recordAudit(trx, actor, [
        {
          action: counts.created > 0 ? 'create' : 'update',
          entityType: 'candidate',
          entityId: null,
          detail: { source: 'csv_import', fileName: request.fileName, ...counts, rows: summary.rows },
        },
      ])
    }
    return summary
  })
}
