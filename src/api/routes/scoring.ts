import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { UiLocaleSchema } from '../../domain/index.ts'
import { getSkillSupplyDemand, recommendForOwnProfile, recommendForPosition } from '../../services/index.ts'
import { describeErrorResponse } from '../error-body-schema.ts'
import { inTransaction, readContext } from './route-context.ts'

const RecommendQuery = z.strictObject({
  k: z.coerce.number().int().min(1).max(200).default(20),
  locale: UiLocaleSchema.default('en'),
})

/** One recommended position, best first, with its fit explained in the asked language. */
const PositionRecommendationSchema = z.object({
  positionId: z.string(),
  title: z.string(),
  companyId: z.string(),
  score: z.number().describe('fit, 0–100'),
  text: z.object({
    headline: z.string(),
    exclusions: z.array(z.string()).readonly().describe('hard requirements not met'),
    components: z
      .array(
        z.object({
          component: z.string(),
          label: z.string(),
          points: z.number(),
          weight: z.number(),
          lines: z.array(z.string()).readonly(),
        }),
      )
      .readonly(),
  }),
})

/** Fit-score recommendations and skill supply and demand. */
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
        summary: "The positions that fit the signed-in candidate's profile best, each explained in `locale`",
        description:
          'Only for an application that takes part in the match (submitted, or eligible after the check). ' +
          'An application found not eligible answers 409 `application_ineligible` whose issues are the ' +
          "stored verdict's unmet reasons in `locale` (the UI shows its eligibility notice instead); not " +
          'applied or withdrawn answers 409 `application_inactive`.',
        params: z.strictObject({ programId: z.uuid() }),
        querystring: RecommendQuery,
        response: {
          200: z.array(PositionRecommendationSchema),
          409: describeErrorResponse(
            '`application_ineligible` (issues: unmet eligibility reasons) or `application_inactive`',
          ),
        },
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
