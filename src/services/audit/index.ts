/** The audit log of personal data: who read or changed what. */
export { type AuditEvent, recordAudit } from './record-audit.ts'
