import { type Kysely, sql } from 'kysely'
import type { Database } from './database.ts'

/** One table's fingerprint: its row count and the MD5 of its rows' text, in a total order. */
export interface TableChecksum {
  readonly rows: number
  readonly md5: string
}

/**
 * Per-table checksums of every table in the connection's schema: `md5(string_agg(row::text order by
 * row::text))`. Two databases with equal checksums hold the same rows (the restore drill compares a restored
 * database with its source this way).
 */
export async function computeTableChecksums(
  db: Kysely<Database>,
): Promise<Readonly<Record<string, TableChecksum>>> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name
  `.execute(db)
  const checksums: Record<string, TableChecksum> = {}
  for (const { name } of tables) {
    const table = sql.table(name)
    const { rows } = await sql<{ rows: number; md5: string }>`
      select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5
      from ${table} t
    `.execute(db)
    checksums[name] = rows[0]!
  }
  return checksums
}
