import type { Kysely } from 'kysely'
import type { Database } from '../../store/index.ts'
import { GENESIS_HASH, hashAuditRow } from './hash-audit-row.ts'

/** One break in a hub's audit chain. */
export interface AuditChainProblem {
  /** `edited`: the row's content no longer gives its hash; `missing`: rows between two links are gone. */
  readonly kind: 'edited' | 'missing' | 'broken_link' | 'truncated'
  readonly seq: number
  readonly message: string
}

/** What verifying a hub's audit chain found. */
export interface AuditChainReport {
  readonly hubId: string
  readonly isIntact: boolean
  /** Rows checked (sealed rows after the retention anchor). */
  readonly checkedRows: number
  /** Rows not sealed yet (written in the last second or so): not covered until the sealer runs. */
  readonly unsealedRows: number
  /** Where the chain starts: after a purge, the anchor's seq; else 0. */
  readonly startsAfterSeq: number
  readonly problems: readonly AuditChainProblem[]
}

/** Rows read per page while walking the chain. */
const PAGE = 5000

/**
 * Walks a hub's audit chain in sequence order from its retention anchor (or the start) and recomputes every
 * link: an edited row fails its own hash, a deleted one leaves a gap in the sequence and a link whose
 * previous hash does not match, and rows deleted from the end leave the chain shorter than its head.
 */
export async function verifyAuditChain(db: Kysely<Database>, hubId: string): Promise<AuditChainReport> {
  const anchor = await db.selectFrom('auditAnchor').selectAll().where('hubId', '=', hubId).executeTakeFirst()
  const head = await db.selectFrom('auditChainHead').selectAll().where('hubId', '=', hubId).executeTakeFirst()
  const problems: AuditChainProblem[] = []
  const startsAfterSeq = anchor ? Number(anchor.seq) : 0
  let expectedSeq = startsAfterSeq + 1
  let previousHash = anchor?.rowHash ?? GENESIS_HASH
  let checkedRows = 0
  let lastSeq = startsAfterSeq
  for (;;) {
    const rows = await db
      .selectFrom('auditLog')
      .select([
        'hubId',
        'seq',
        'at',
        'actorUserId',
        'action',
        'entityType',
        'entityId',
        'detail',
        'prevHash',
        'rowHash',
      ])
      .where('hubId', '=', hubId)
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute()
    if (rows.length === 0) break
    for (const row of rows) {
      const seq = Number(row.seq)
      if (seq !== expectedSeq) {
        problems.push({
          kind: 'missing',
          seq: expectedSeq,
          message: `rows ${expectedSeq}–${seq - 1} are missing`,
        })
      }
      if (row.prevHash !== previousHash) {
        problems.push({
          kind: 'broken_link',
          seq,
          message: `row ${seq} does not follow the row before it (its previous hash differs)`,
        })
      }
      if (hashAuditRow(row.prevHash ?? '', { ...row, seq }) !== row.rowHash) {
        problems.push({ kind: 'edited', seq, message: `row ${seq} was changed after it was written` })
      }
      previousHash = row.rowHash ?? ''
      expectedSeq = seq + 1
      lastSeq = seq
      checkedRows++
    }
  }
  if (head && Number(head.lastSeq) > lastSeq) {
    problems.push({
      kind: 'truncated',
      seq: lastSeq + 1,
      message: `rows ${lastSeq + 1}–${head.lastSeq} at the end are missing`,
    })
  } else if (
    head &&
    Number(head.lastSeq) === lastSeq &&
    lastSeq > startsAfterSeq &&
    head.lastHash !== previousHash
  ) {
    problems.push({
      kind: 'edited',
      seq: lastSeq,
      message: `the last row ${lastSeq} does not match the chain head`,
    })
  }
  const unsealed = await db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('hubId', '=', hubId)
    .where('seq', 'is', null)
    .executeTakeFirstOrThrow()
  return {
    hubId,
    isIntact: problems.length === 0,
    checkedRows,
    unsealedRows: Number(unsealed.count),
    startsAfterSeq,
    problems,
  }
}
