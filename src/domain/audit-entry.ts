import { z } from 'zod'
import { IdSchema } from './common.ts'

/** What was done to personal data. */
export const AUDIT_ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'sign_in'] as const

/** One row of the audit log: who touched whose personal data, when and how. */
export const AuditEntrySchema = z.strictObject({
  id: IdSchema,
  at: z.string(),
  actorUserId: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  entityType: z.string(),
  entityId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
})
/** An audit-log row. */
export type AuditEntry = z.infer<typeof AuditEntrySchema>
