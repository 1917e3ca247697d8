import { type Kysely, sql } from 'kysely'
import type { Database } from '../../store/index.ts'
import { GENESIS_HASH, hashAuditRow } from './hash-audit-row.ts'

/** Rows sealed per statement: 4 parameters each. */
const SEAL_BATCH = 2000

/**
 * Adds every unsealed audit row to its hub's hash chain: the next sequence number, the previous link's hash
 * and its own. One hub at a time under a lock on the hub's chain head (`for update`), so two servers sealing
 * at once take turns and the chain has no fork. Returns the number of rows sealed.
 */
export async function sealAuditLog(db: Kysely<Database>): Promise<number> {
  const hubs = await db.selectFrom('auditLog').select('hubId').distinct().where('seq', 'is', null).execute()
  let sealed = 0
  for (const { hubId } of hubs) {
    sealed += await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('auditChainHead')
        .values({ hubId, lastSeq: 0, lastHash: GENESIS_HASH })
        .onConflict((oc) => oc.column('hubId').doNothing())
        .execute()
      const head = await trx
        .selectFrom('auditChainHead')
        .selectAll()
        .where('hubId', '=', hubId)
        .forUpdate()
        .executeTakeFirstOrThrow()
      let seq = Number(head.lastSeq)
      let hash = head.lastHash
      let count = 0
      for (;;) {
        const rows = await trx
          .selectFrom('auditLog')
          .select(['id', 'hubId', 'at', 'actorUserId', 'action', 'entityType', 'entityId', 'detail'])
          .where('hubId', '=', hubId)
          .where('seq', 'is', null)
          .orderBy('at')
          .orderBy('id')
          .limit(SEAL_BATCH)
          .execute()
        if (rows.length === 0) break
        const links = rows.map((row) => {
          seq += 1
          const previous = hash
          hash = hashAuditRow(previous, { ...row, seq })
          return sql`(${row.id}::uuid, ${seq}::bigint, ${previous}, ${hash})`
        })
        await sql`
          update audit_log as a set seq = v.seq, prev_hash = v.prev_hash, row_hash = v.row_hash
          from (values ${sql.join(links)}) as v(id, seq, prev_hash, row_hash)
          where a.id = v.id
        `.execute(trx)
        count += rows.length
      }
      await trx
        .updateTable('auditChainHead')
        .set({ lastSeq: seq, lastHash: hash })
        .where('hubId', '=', hubId)
        .execute()
      return count
    })
  }
  return sealed
}
