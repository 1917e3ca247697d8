import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../../domain/index.ts'
import type { ServiceContext } from '../../services/index.ts'

/** The service context for a read: the shared database, the signed-in actor and the app's clock. */
export function readContext(app: FastifyInstance, request: FastifyRequest): ServiceContext {
  if (!request.actor) throw new AppError('unauthenticated', 'sign in first')
  return { db: app.store.db, actor: request.actor, now: app.clock }
}

/** Runs a write in one transaction: if anything fails, nothing stored changes. */
export async function inTransaction<T>(
  app: FastifyInstance,
  request: FastifyRequest,
  work: (context: ServiceContext) => Promise<T>,
): Promise<T> {
  const actor = request.actor
  if (!actor) throw new AppError('unauthenticated', 'sign in first')
  return app.store.db.transaction().execute((trx) => work({ db: trx, actor, now: app.clock }))
}
