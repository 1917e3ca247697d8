import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { sql } from 'kysely'
import { z } from 'zod'

/** How long the health check waits for the database before it answers 503. */
const HEALTH_TIMEOUT_MS = 3000

/** True when the database answers a trivial query within {@link HEALTH_TIMEOUT_MS}. */
async function isDatabaseUp(app: FastifyInstance): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS)
  })
  try {
    const check = sql`select 1`.execute(app.store.db).then(
      () => true,
      () => false,
    )
    return await Promise.race([check, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Operations: `/api/health` for load balancers (checks the database, 503 when it does not answer; never
 * rate-limited) and `/api/metrics` in Prometheus text format for operators or a scraper holding
 * IEUM_METRICS_TOKEN.
 */
export async function registerSystemRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/api/health',
    {
      config: { access: 'public', rateLimit: false },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check: 200 when the database answers, 503 when it does not',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.string() }),
          503: z.object({ status: z.literal('unavailable'), database: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      const database = app.store.target.kind
      if (await isDatabaseUp(app)) return { status: 'ok' as const, database }
      return reply.code(503).send({ status: 'unavailable' as const, database })
    },
  )
  app.get(
    '/api/metrics',
    {
      config: { access: ['operator'], acceptsMetricsToken: true, rateLimit: false },
      schema: {
        tags: ['system'],
        summary:
          'Prometheus metrics: requests and latency by route and status, outbox queue, process (operators, or Authorization: Bearer IEUM_METRICS_TOKEN)',
      },
    },
    async (_request, reply) => {
      const text = await app.metrics.registry.metrics()
      return reply.type(app.metrics.registry.contentType).send(text)
    },
  )
}
