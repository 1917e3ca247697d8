import type { Kysely } from 'kysely'
import type { Actor } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'

/** One audit event about personal data. */
export interface AuditEvent {
  readonly action: 'read' | 'create' | 'update' | 'delete' | 'export' | 'sign_in'
  readonly entityType: string
  readonly entityId: string | null
  readonly detail?: Record<string, unknown>
}

/** Appends rows to the audit log in the caller's transaction: who touched which personal data and how. */
export async function recordAudit(db: Kysely<Database>, actor: Actor | null, events: readonly AuditEvent[]) {
  if (events.length === 0) return
  await db
    .insertInto('auditLog')
    .values(
      events.map((event) => ({
        actorUserId: actor?.userId ?? null,
        action: event.action,
        entityType: event.entityType,
        entityId: event.entityId,
        detail: JSON.stringify(event.detail ?? {}),
      })),
    )
    .execute()
}
