import { type Kysely, sql } from 'kysely'
import { AppError } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'
import { sealAuditLog } from './seal-audit-log.ts'

/** The shortest retention allowed: one year (PIPA asks that access records be kept; Ieum keeps at least 1 year). */
export const MIN_AUDIT_RETENTION_DAYS = 365

/**
 * Deletes each hub's sealed audit rows older than `retentionDays` (at least a year) and records, per hub, the
 * last purged row's sequence number and hash as the chain's new anchor, so that the rows kept still verify.
 * Only a prefix of the chain is removed: a row is purged only if every row before it is too.
 */
export async function purgeAuditLog(
  db: Kysely<Database>,
  options: { readonly now: Date; readonly retentionDays: number },
): Promise<{ readonly purgedRows: number }> {
  if (options.retentionDays < MIN_AUDIT_RETENTION_DAYS)
    throw new AppError(
      'validation_failed',
      `audit retention must be at least ${MIN_AUDIT_RETENTION_DAYS} days`,
    )
  await sealAuditLog(db)
  const cutoff = new Date(options.now.getTime() - options.retentionDays * 24 * 60 * 60 * 1000)
  const hubs = await db.selectFrom('auditChainHead').select('hubId').execute()
  let purgedRows = 0
  for (const { hubId } of hubs) {
    purgedRows += await db.transaction().execute(async (trx) => {
      await trx.selectFrom('auditChainHead').select('hubId').where('hubId', '=', hubId).forUpdate().execute()
      // The first row young enough to keep ends the purged prefix.
      const firstKept = await trx
        .selectFrom('auditLog')
        .select('seq')
        .where('hubId', '=', hubId)
        .where('seq', 'is not', null)
        .where('at', '>=', cutoff)
        .orderBy('seq')
        .executeTakeFirst()
      const last = await trx
        .selectFrom('auditLog')
        .select(['seq', 'rowHash'])
        .where('hubId', '=', hubId)
        .where('seq', 'is not', null)
        .$if(firstKept !== undefined, (query) => query.where('seq', '<', Number(firstKept?.seq)))
        .orderBy('seq', 'desc')
        .executeTakeFirst()
      if (!last?.seq || !last.rowHash) return 0
      await sql`select set_config('ieum.audit_purge', 'on', true)`.execute(trx)
      const deleted = await trx
        .deleteFrom('auditLog')
        .where('hubId', '=', hubId)
        .where('seq', '<=', last.seq)
        .executeTakeFirst()
      const count = Number(deleted.numDeletedRows)
      await trx
        .insertInto('auditAnchor')
        .values({ hubId, seq: last.seq, rowHash: last.rowHash, purgedAt: options.now, purgedRows: count })
        .onConflict((oc) =>
          oc.column('hubId').doUpdateSet((eb) => ({
            seq: last.seq!,
            rowHash: last.rowHash!,
            purgedAt: options.now,
            purgedRows: sql<number>`${eb.ref('auditAnchor.purgedRows')} + ${count}`,
          })),
        )
        .execute()
      return count
    })
  }
  return { purgedRows }
}
