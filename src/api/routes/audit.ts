import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { hubIdOf, sealAuditLog, verifyAuditChain } from '../../services/index.ts'
import { readContext } from './route-context.ts'

/** The audit log of the operator's own hub, and a check of its hash chain. */
export async function registerAuditRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/api/audit',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['audit'],
        summary: "The hub's audit log, newest first (another hub's entries are never listed)",
        querystring: z.strictObject({
          entityType: z.string().max(40).optional(),
          entityId: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
      },
    },
    async (request) => {
      const { db, actor } = readContext(app, request)
      let query = db
        .selectFrom('auditLog')
        .select(['id', 'at', 'actorUserId', 'action', 'entityType', 'entityId', 'detail', 'seq'])
        .where('hubId', '=', hubIdOf(actor))
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(request.query.limit)
      if (request.query.entityType) query = query.where('entityType', '=', request.query.entityType)
      if (request.query.entityId) query = query.where('entityId', '=', request.query.entityId)
      return (await query.execute()).map((row) => ({ ...row, at: row.at.toISOString() }))
    },
  )
  app.get(
    '/api/audit/verify',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['audit'],
        summary: "Checks the hub's hash-chained audit log: an edited or deleted entry is reported",
      },
    },
    async (request) => {
      const { actor } = readContext(app, request)
      await sealAuditLog(app.store.db)
      return verifyAuditChain(app.store.db, hubIdOf(actor))
    },
  )
}
