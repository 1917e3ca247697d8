import { type Kysely, type Migration, Migrator, sql } from 'kysely'
import * as initial from './migrations/2026-11-21-001-initial.ts'
import * as journey from './migrations/2026-11-21-002-journey.ts'
import * as runFiles from './migrations/2026-11-21-003-run-files.ts'
import * as candidateAccounts from './migrations/2026-11-21-006-candidate-accounts.ts'
import * as invitations from './migrations/2026-11-21-008-invitations.ts'
import * as signInSecurity from './migrations/2026-12-04-040-sign-in-security.ts'
import * as auditChain from './migrations/2026-12-04-041-audit-chain.ts'
import * as privacyRequests from './migrations/2026-12-04-042-privacy-requests.ts'

/** Every migration, by name; names sort in the order they run. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026-11-21-001-initial': initial,
  '2026-11-21-002-journey': journey,
  '2026-11-21-003-run-files': runFiles,
  '2026-11-21-008-invitations': invitations,
  '2026-11-21-006-candidate-accounts': candidateAccounts,
  '2026-12-04-040-sign-in-security': signInSecurity,
  '2026-12-04-041-audit-chain': auditChain,
  '2026-12-04-042-privacy-requests': privacyRequests,
}

/** Brings the schema up to date; returns the names of the migrations it ran. Throws with the failing name. */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one: a database where another
  // schema already has them (tests give each file its own schema; a shared server may hold other apps)
  // would skip creating ours. Name the schema this connection writes to.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
    migrationTableSchema: rows[0]!.schema,
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
