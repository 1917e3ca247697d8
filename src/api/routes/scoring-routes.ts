import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { UiLocaleSchema } from '../../domain/index.ts'
import { getSkillSupplyDemand, recommendForOwnProfile, recommendForPosition } from '../../services/index.ts'
import { inTransaction, readContext } from './route-context.ts'

const RecommendQuery = z.strictObject({
  k: z.coerce.number().int().min(1).max(200).default(20),
  locale: UiLocaleSchema.default('en'),
})

/** Fit-score recommendations for both sides and the skill supply/demand table. */
export async function registerScoringRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/api/programs/:programId/positions/:positionId/recommendations',
    {
      config: { access: ['operator', 'company', 'reviewer'] },
      schema: {
        tags: ['scoring'],
        params: z.strictObject({ programId: z.uuid(), positionId: z.uuid() }),
        querystring: RecommendQuery,
      },
    },
    (request) =>
      inTransaction(app, request, (context) =>
        recommendForPosition(context, request.params.programId, request.params.positionId, request.query),
      ),
  )
  app.get(
    '/api/me/programs/:programId/recommendations',
    {
      config: { access: ['candidate'] },
      schema: {
        tags: ['scoring'],
        params: z.strictObject({ programId: z.uuid() }),
        querystring: RecommendQuery,
      },
    },
    (request) => recommendForOwnProfile(readContext(app, request), request.params.programId, request.query),
  )
  app.get(
    '/api/programs/:programId/skill-supply-demand',
    {
      config: { access: ['operator', 'reviewer'] },
      schema: { tags: ['scoring'], params: z.strictObject({ programId: z.uuid() }) },
    },
    (request) => getSkillSupplyDemand(readContext(app, request), request.params.programId),
  )
}
