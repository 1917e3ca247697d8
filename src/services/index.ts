/**
 * Use cases: where I/O meets the engine, one folder per feature, each with an index.ts as its only public
 * surface. Each use case takes a ServiceContext (database or transaction, actor, clock).
 */
export * from './access/index.ts'
export * from './accounts/index.ts'
export * from './applications/index.ts'
export * from './audit/index.ts'
export * from './candidates/index.ts'
export * from './companies/index.ts'
export * from './demo/index.ts'
export * from './eligibility/index.ts'
export * from './hubs/index.ts'
export * from './imports/index.ts'
export * from './invitations/index.ts'
export * from './match-runs/index.ts'
export * from './notifications/index.ts'
export * from './positions/index.ts'
export * from './programs/index.ts'
export * from './rankings/index.ts'
export * from './results/index.ts'
export * from './scoring/index.ts'
export { type Clock, type ServiceContext, systemClock } from './service-context.ts'
