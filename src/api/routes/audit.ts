import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'

/** The audit log (operators) and the health check. */
export async function registerAuditRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/api/audit',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['audit'],
        querystring: z.strictObject({
          entityType: z.string().max(40).optional(),
          entityId: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
      },
    },
    async (request) => {
      let query = app.store.db
        .selectFrom('auditLog')
        .selectAll()
        .orderBy('at', 'desc')
        .limit(request.query.limit)
      if (request.query.entityType) query = query.where('entityType', '=', request.query.entityType)
      if (request.query.entityId) query = query.where('entityId', '=', request.query.entityId)
      return (await query.execute()).map((row) => ({ ...row, at: row.at.toISOString() }))
    },
  )
  app.get('/api/health', { config: { access: 'public' }, schema: { tags: ['system'] } }, async () => {
    await app.store.db.selectFrom('hub').select('id').limit(1).execute()
    return { status: 'ok', database: app.store.target.kind }
  })
}
