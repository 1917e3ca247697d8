import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { UiLocaleSchema } from '../../domain/index.ts'
import {
  exportCompanyPlacements,
  getCompanyResults,
  getOwnResults,
  respondToOffer,
} from '../../services/index.ts'
import { inTransaction, readContext } from './route-context.ts'

const ProgramParams = z.strictObject({ programId: z.uuid() })

const CompanyRankingParams = z.strictObject({ programId: z.uuid(), companyId: z.uuid() })

/** Results: a candidate's outcomes and answers to offers, a company's placements and their CSV. */
export async function registerResultRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/api/programs/:programId/companies/:companyId/placements.csv',
    {
      config: { access: ['operator', 'company'] },
      schema: {
        tags: ['results'],
        params: CompanyRankingParams,
        querystring: z.strictObject({ locale: UiLocaleSchema.default('ko') }),
      },
    },
    async (request, reply) => {
      const { fileName, text } = await inTransaction(app, request, (context) =>
        exportCompanyPlacements(
          context,
          request.params.programId,
          request.params.companyId,
          request.query.locale,
        ),
      )
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(text)
    },
  )
  app.get(
    '/api/me/programs/:programId/results',
    { config: { access: ['candidate'] }, schema: { tags: ['results'], params: ProgramParams } },
    (request) => getOwnResults(readContext(app, request), request.params.programId),
  )
  app.get(
    '/api/programs/:programId/companies/:companyId/results',
    {
      config: { access: ['operator', 'company'] },
      schema: { tags: ['results'], params: z.strictObject({ programId: z.uuid(), companyId: z.uuid() }) },
    },
    (request) =>
      inTransaction(app, request, (context) =>
        getCompanyResults(context, request.params.programId, request.params.companyId),
      ),
  )
  app.post(
    '/api/me/placements/:placementId/response',
    {
      config: { access: ['candidate'] },
      schema: {
        tags: ['results'],
        params: z.strictObject({ placementId: z.uuid() }),
        body: z.strictObject({ decision: z.enum(['accept', 'decline']) }),
      },
    },
    (request) =>
      inTransaction(app, request, (context) =>
        respondToOffer(context, request.params.placementId, request.body.decision),
      ),
  )
}
