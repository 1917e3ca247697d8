import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { MATCHING_MECHANISMS } from '../../domain/index.ts'
import {
  compareMatchRuns,
  createMatchRun,
  getMatchRun,
  getMatchRunFile,
  getOfferSummary,
  listMatchRuns,
  listRunAssignments,
  publishMatchRun,
  rerunMatchRun,
} from '../../services/index.ts'
import { inTransaction, readContext } from './route-context.ts'

const ProgramParams = z.strictObject({ programId: z.uuid() })

const RunParams = z.strictObject({ runId: z.uuid() })

/** Match runs: run, list, files, re-run, compare, assignments, publish, offer summary. */
export async function registerMatchRunRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/api/programs/:programId/match-runs',
    { config: { access: ['operator'] }, schema: { tags: ['matching'], params: ProgramParams } },
    (request) => listMatchRuns(readContext(app, request), request.params.programId),
  )
  app.post(
    '/api/programs/:programId/match-runs',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['matching'],
        params: ProgramParams,
        body: z.strictObject({
          mechanism: z.enum(MATCHING_MECHANISMS).optional(),
          seed: z
            .number()
            .int()
            .min(0)
            .max(2 ** 31 - 1)
            .optional(),
          improve: z.boolean().optional(),
          round: z.number().int().min(1).max(10).optional(),
          extraSeats: z.record(z.uuid(), z.number().int().min(1).max(100)).optional(),
        }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inTransaction(app, request, (context) =>
            createMatchRun(context, request.params.programId, request.body),
          ),
        ),
  )
  app.get(
    '/api/match-runs/:runId',
    { config: { access: ['operator'] }, schema: { tags: ['matching'], params: RunParams } },
    (request) => getMatchRun(readContext(app, request), request.params.runId),
  )
  app.post(
    '/api/match-runs/:runId/publish',
    {
      config: { access: ['operator'] },
      schema: { tags: ['matching'], params: RunParams, body: z.strictObject({}).optional() },
    },
    (request) => inTransaction(app, request, (context) => publishMatchRun(context, request.params.runId)),
  )
  app.post(
    '/api/match-runs/:runId/rerun',
    {
      config: { access: ['operator'] },
      schema: { tags: ['matching'], params: RunParams, body: z.strictObject({}).optional() },
    },
    (request) => rerunMatchRun(readContext(app, request), request.params.runId),
  )
  app.get(
    '/api/match-runs/:runId/compare',
    {
      config: { access: ['operator'] },
      schema: { tags: ['matching'], params: RunParams, querystring: z.strictObject({ with: z.uuid() }) },
    },
    (request) => compareMatchRuns(readContext(app, request), request.params.runId, request.query.with),
  )
  app.get(
    '/api/match-runs/:runId/assignments',
    { config: { access: ['operator'] }, schema: { tags: ['matching'], params: RunParams } },
    // In a transaction: the read of names is written to the audit log.
    (request) => inTransaction(app, request, (context) => listRunAssignments(context, request.params.runId)),
  )
  app.get(
    '/api/programs/:programId/offer-summary',
    { config: { access: ['operator'] }, schema: { tags: ['matching'], params: ProgramParams } },
    (request) => getOfferSummary(readContext(app, request), request.params.programId),
  )
  for (const file of ['market', 'result'] as const) {
    app.get(
      `/api/match-runs/:runId/${file}.json`,
      { config: { access: ['operator'] }, schema: { tags: ['matching'], params: RunParams } },
      async (request, reply) => {
        const { text, fileName } = await getMatchRunFile(
          readContext(app, request),
          request.params.runId,
          file,
        )
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .send(text)
      },
    )
  }
}
