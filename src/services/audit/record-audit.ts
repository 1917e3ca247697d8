import type { Kysely } from 'kysely'
import type { Actor } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'
import { systemClock } from '../service-context.ts'
import { type AuditRowValues, currentAuditReadBuffer, insertAuditRows } from './audit-read-buffer.ts'

/** One audit event about personal data. */
export interface AuditEvent {
  readonly action: 'read' | 'create' | 'update' | 'delete' | 'export' | 'sign_in'
  readonly entityType: string
  readonly entityId: string | null
  readonly detail?: Record<string, unknown>
  /** The hub it belongs to; default the actor's (needed when there is no actor). */
  readonly hubId?: string
}

/** Entity types whose id is a login's user id. */
const USER_ENTITIES: ReadonlySet<string> = new Set(['user', 'password', 'password_reset'])

/** The hub of an actor-less event: its own, else the hub of the user it is about, else the first hub. */
async function findHub(db: Kysely<Database>, event: AuditEvent): Promise<string | null> {
  if (event.hubId) return event.hubId
  if (USER_ENTITIES.has(event.entityType) && event.entityId) {
    const grant = await db
      .selectFrom('roleGrant')
      .select('hubId')
      .where('userId', '=', event.entityId)
      .executeTakeFirst()
    if (grant) return grant.hubId
  }
  const hub = await db.selectFrom('hub').select('id').orderBy('createdAt').executeTakeFirst()
  return hub?.id ?? null
}

/**
 * Appends rows to the audit log: who touched which personal data and how, in the hub it belongs to. Changes
 * are written in the caller's transaction (they commit or roll back with the change); reads, inside an API
 * request, go to the request's read buffer and are written within about a second, in batches, off the
 * request's path (see `createAuditReadBuffer`). The sealer adds each row to its hub's hash chain.
 */
export async function recordAudit(db: Kysely<Database>, actor: Actor | null, events: readonly AuditEvent[]) {
  if (events.length === 0) return
  // Audit entries record when they happened on the wall clock, whatever clock the use case runs on.
  const at = systemClock()
  const actorHub = actor?.grants[0]?.hubId ?? null
  const rows: AuditRowValues[] = []
  for (const event of events) {
    const hubId = event.hubId ?? actorHub ?? (await findHub(db, event))
    if (!hubId) continue // no hub exists yet: nothing to audit against
    rows.push({
      hubId,
      at,
      actorUserId: actor?.userId ?? null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      detail: JSON.stringify(event.detail ?? {}),
    })
  }
  const buffer = currentAuditReadBuffer()
  const reads = buffer ? rows.filter((row) => row.action === 'read') : []
  if (buffer && reads.length > 0) buffer.add(reads)
  const written = reads.length > 0 ? rows.filter((row) => row.action !== 'read') : rows
  await insertAuditRows(db, written)
}
