/** Use cases: where I/O meets the engine. Each takes a ServiceContext (database + actor). */
export * from './access.ts'
export * from './accounts.ts'
export * from './audit/index.ts'
export { buildProgramMarket, type MarketScope } from './build-program-market.ts'
export * from './candidates.ts'
export { assertNewPasswordAllowed, isCommonPassword, NewPasswordSchema } from './common-passwords.ts'
export * from './companies.ts'
export {
  type Auth,
  type AuthSettings,
  createAuth,
  DEFAULT_SESSION_IDLE_SECONDS,
  DEFAULT_SESSION_MAX_SECONDS,
} from './create-auth.ts'
export { type CreatedHub, createHub, type NewHub } from './create-hub.ts'
export * from './deliver-outbox.ts'
export * from './eligibility/index.ts'
export { exportCompanyPlacements } from './export-company-placements.ts'
export * from './invitations.ts'
export * from './match-runs.ts'
export { NOTIFICATION_KINDS, type NotificationKind, renderNotification } from './notification-templates.ts'
export * from './notifications.ts'
export * from './positions.ts'
export * from './program-scoring.ts'
export * from './programs.ts'
export * from './rankings.ts'
export { type AuditEvent, recordAudit } from './record-audit.ts'
export * from './results.ts'
export { type DemoLogin, type DemoSeedResult, seedDemoHub } from './seed-demo-hub.ts'
export type { ServiceContext } from './service-context.ts'
export * from './sign-in/index.ts'
export * from './start-outbox-sender.ts'
