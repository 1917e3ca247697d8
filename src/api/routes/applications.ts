import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { UiLocaleSchema } from '../../domain/index.ts'
import {
  getOwnProgramEligibility,
  listOwnApplications,
  listProgramApplications,
  submitOwnApplication,
  withdrawOwnApplication,
} from '../../services/index.ts'
import { inTransaction, readContext } from './route-context.ts'

const ProgramParams = z.strictObject({ programId: z.uuid() })

const ApplicationParams = z.strictObject({ applicationId: z.uuid() })

/** Applications: a program's applicants, and the signed-in candidate's own applications and eligibility preview. */
export async function registerApplicationRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/api/me/applications',
    { config: { access: ['candidate'] }, schema: { tags: ['me'] } },
    async (request) => listOwnApplications(readContext(app, request)),
  )
  app.post(
    '/api/me/applications',
    {
      config: { access: ['candidate'] },
      schema: {
        tags: ['me'],
        body: z.strictObject({ programId: z.uuid(), motivation: z.string().max(5000).default('') }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await inTransaction(app, request, (context) => submitOwnApplication(context, request.body))),
  )
  app.post(
    '/api/me/applications/:applicationId/withdraw',
    {
      config: { access: ['candidate'] },
      schema: {
        tags: ['me'],
        params: ApplicationParams,
        body: z.strictObject({ reason: z.string().trim().max(1000).optional() }).default({}),
      },
    },
    async (request) =>
      inTransaction(app, request, (context) =>
        withdrawOwnApplication(context, request.params.applicationId, request.body.reason),
      ),
  )
  app.get(
    '/api/me/programs/:programId/eligibility-preview',
    {
      config: { access: ['candidate'] },
      schema: {
        tags: ['me', 'eligibility'],
        summary:
          "The program's rules against the own profile now, the official verdict, and what may be done",
        params: ProgramParams,
        querystring: z.object({ locale: UiLocaleSchema.optional() }),
      },
    },
    async (request) =>
      inTransaction(app, request, (context) =>
        getOwnProgramEligibility(
          context,
          request.params.programId,
          request.query.locale ?? context.actor.locale ?? 'en',
        ),
      ),
  )
  app.get(
    '/api/programs/:programId/applications',
    {
      config: { access: ['operator', 'reviewer', 'company'] },
      schema: { tags: ['programs'], params: ProgramParams },
    },
    (request) =>
      inTransaction(app, request, (context) => listProgramApplications(context, request.params.programId)),
  )
}
