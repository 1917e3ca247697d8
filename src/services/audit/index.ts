/** The audit log of personal data: who read or changed what, per hub, append-only and hash-chained. */
export {
  type AuditReadBuffer,
  type AuditRowValues,
  createAuditReadBuffer,
  runWithAuditReadBuffer,
} from './audit-read-buffer.ts'
export { GENESIS_HASH, hashAuditRow } from './hash-audit-row.ts'
export { MIN_AUDIT_RETENTION_DAYS, purgeAuditLog } from './purge-audit-log.ts'
export { type AuditEvent, recordAudit } from './record-audit.ts'
export { sealAuditLog } from './seal-audit-log.ts'
export { type AuditSealer, startAuditSealer } from './start-audit-sealer.ts'
export { type AuditChainProblem, type AuditChainReport, verifyAuditChain } from './verify-audit-chain.ts'
