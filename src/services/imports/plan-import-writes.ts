import { type RawBuilder, sql } from 'kysely'
import { listPositionsByExternalKeyInHub, toPositionValues } from '../../store/index.ts'
import { chunk, type Db, LOOKUP_CHUNK } from './chunk.ts'
import { describeImportIssue } from './import-issue.ts'
import { IMPORT_BATCH_SIZE } from './import-records.ts'
import type { ImportIssue, ImportRow } from './validate-import.ts'

type Table = 'candidate' | 'company' | 'position'

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
export const MERGED_EDUCATION = sql`case when jsonb_array_length(excluded.education) = 0 then candidate.education
  else jsonb_build_array(excluded.education -> 0) || (candidate.education - 0) end`

export interface Plan {
  readonly issues: ImportIssue[]
  write(db: Db): Promise<{ created: number; updated: number }>
}

/** Candidates and companies: keyed by `(hub_id, external_key)`. */
export function planHubRecords(
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

export function planPositions(
  hubId: string,
  rows: readonly ImportRow<'positions'>[],
  fields: readonly string[],
) {
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
