/** The audit log: read buffer, hash chain (seal, verify) and retention purge. */
export {
  type AuditReadBuffer,
  type AuditRowValues,
  createAuditReadBuffer,
  runWithAuditReadBuffer,
} from './audit-read-buffer.ts'
export { GENESIS_HASH, hashAuditRow } from './hash-audit-row.ts'
export { MIN_AUDIT_RETENTION_DAYS, purgeAuditLog } from './purge-audit-log.ts'
export { sealAuditLog } from './seal-audit-log.ts'
export { type AuditSealer, startAuditSealer } from './start-audit-sealer.ts'
export { type AuditChainProblem, type AuditChainReport, verifyAuditChain } from './verify-audit-chain.ts'
