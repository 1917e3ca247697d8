import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  getCandidateRanking,
  getCompanyRanking,
  getScoreDerivedCompanyRanking,
  saveCandidateRanking,
  saveCompanyRanking,
} from '../../services/index.ts'
import { inTransaction, readContext } from './route-context.ts'

const ProgramParams = z.strictObject({ programId: z.uuid() })

const CompanyRankingParams = z.strictObject({ programId: z.uuid(), companyId: z.uuid() })

const PositionQuery = z.strictObject({ positionId: z.uuid().optional() })

const RankEntrySchema = z.union([z.uuid(), z.array(z.uuid()).min(2).max(1000)])

/** Rank lists of both sides, with the score-derived list a company starts from. */
export async function registerRankingRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/api/me/programs/:programId/ranking',
    { config: { access: ['candidate'] }, schema: { tags: ['rankings'], params: ProgramParams } },
    (request) => getCandidateRanking(readContext(app, request), request.params.programId),
  )
  app.put(
    '/api/me/programs/:programId/ranking',
    {
      config: { access: ['candidate'] },
      schema: {
        tags: ['rankings'],
        summary: "Save the signed-in candidate's rank list of the program's positions (best first)",
        description:
          'Refused, changing nothing, with 409 `application_ineligible` when the application was found not ' +
          "eligible (issues: the stored verdict's unmet reasons; an operator override to eligible lifts it), " +
          '409 `application_inactive` when the candidate has not applied or withdrew, and 409 `phase_closed` ' +
          'once rank lists are frozen.',
        params: ProgramParams,
        body: z.strictObject({ entries: z.array(z.uuid()).max(500) }),
      },
    },
    (request) =>
      inTransaction(app, request, (context) =>
        saveCandidateRanking(context, request.params.programId, request.body.entries),
      ),
  )
  app.get(
    '/api/programs/:programId/companies/:companyId/ranking',
    {
      config: { access: ['operator', 'company'] },
      schema: { tags: ['rankings'], params: CompanyRankingParams, querystring: PositionQuery },
    },
    (request) =>
      getCompanyRanking(
        readContext(app, request),
        request.params.programId,
        request.params.companyId,
        request.query.positionId ?? null,
      ),
  )
  app.put(
    '/api/programs/:programId/companies/:companyId/ranking',
    {
      config: { access: ['operator', 'company'] },
      schema: {
        tags: ['rankings'],
        summary: "Save a company's (or one position's) rank list of applicants; tied ids share an array",
        description:
          'An empty list removes the stored one. Ids that are not applicants of the program, or appear twice, ' +
          'answer 400 naming `body.entries.<i>`. Applicants who take no part in the match are refused, changing ' +
          'nothing, with 409 naming each entry (`ranking[<i>]: applicant <id> is not eligible`): ' +
          '`application_ineligible` when any was found not eligible, else `application_inactive` (withdrawn).',
        params: CompanyRankingParams,
        querystring: PositionQuery,
        body: z.strictObject({ entries: z.array(RankEntrySchema).max(5000) }),
      },
    },
    (request) =>
      inTransaction(app, request, (context) =>
        saveCompanyRanking(
          context,
          request.params.programId,
          request.params.companyId,
          request.body.entries,
          request.query.positionId ?? null,
        ),
      ),
  )
  app.get(
    '/api/programs/:programId/companies/:companyId/ranking/score-derived',
    {
      config: { access: ['operator', 'company'] },
      schema: { tags: ['rankings'], params: CompanyRankingParams, querystring: PositionQuery },
    },
    (request) =>
      getScoreDerivedCompanyRanking(
        readContext(app, request),
        request.params.programId,
        request.params.companyId,
        request.query.positionId ?? null,
      ),
  )
}
