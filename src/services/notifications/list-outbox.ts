import { hubIdOf, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'

/** The hub's e-mail outbox for operators: every message, whether it was sent, and why not. */
export async function listOutbox({ db, actor }: ServiceContext, limit = 500) {
  requireRole(actor, 'operator')
  const rows = await db
    .selectFrom('notification')
    .select([
      'id',
      'email',
      'locale',
      'kind',
      'subject',
      'body',
      'createdAt',
      'sentAt',
      'sendError',
      'deliveryStatus',
      'sendAttempts',
      'nextAttemptAt',
    ])
    .where('hubId', '=', hubIdOf(actor))
    .orderBy('createdAt', 'desc')
    .limit(limit)
    .execute()
  await recordAudit(db, actor, [
    { action: 'read', entityType: 'notification', entityId: null, detail: { outbox: rows.length } },
  ])
  return rows.map((row) => ({
    ...row,
    // A reset link still unused would let whoever reads it take over the login: never shown.
    body: row.body.replace(/\/reset-password\/[A-Za-z0-9_-]{43}/g, '/reset-password/[hidden]'),
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
  }))
}
