import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ProgramInputSchema, ProgramPhaseSchema } from '../../domain/index.ts'
import {
  addProgramPositions,
  createProgram,
  getProgram,
  listProgramApplications,
  listProgramPositions,
  listPrograms,
  updateProgram,
} from '../../services/index.ts'
import { inTransaction, readContext } from './route-context.ts'

const ProgramParams = z.strictObject({ programId: z.uuid() })
const PROGRAM_FIELDS = ProgramInputSchema.shape
/**
 * A program patch: only the fields sent change. Built without the input's defaults, which zod 4 applies
 * inside `.partial()` and which would reset an unsent timeline, description or matching configuration.
 */
const ProgramPatchSchema = z.strictObject({
  kind: PROGRAM_FIELDS.kind.optional(),
  title: PROGRAM_FIELDS.title.optional(),
  description: PROGRAM_FIELDS.description.unwrap().optional(),
  timeline: PROGRAM_FIELDS.timeline.unwrap().optional(),
  capacity: PROGRAM_FIELDS.capacity.optional(),
  matchingConfig: PROGRAM_FIELDS.matchingConfig.unwrap().optional(),
  phase: ProgramPhaseSchema.optional(),
})
const ALL_ROLES = ['operator', 'reviewer', 'company', 'candidate'] as const

/** Programs, the positions they offer and their applications. */
export async function registerProgramRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.get('/api/programs', { config: { access: ALL_ROLES }, schema: { tags: ['programs'] } }, (request) =>
    listPrograms(readContext(app, request)),
  )
  app.post(
    '/api/programs',
    { config: { access: ['operator'] }, schema: { tags: ['programs'], body: ProgramInputSchema } },
    async (request, reply) =>
      reply
        .code(201)
        .send(await inTransaction(app, request, (context) => createProgram(context, request.body))),
  )
  app.get(
    '/api/programs/:programId',
    { config: { access: ALL_ROLES }, schema: { tags: ['programs'], params: ProgramParams } },
    (request) => getProgram(readContext(app, request), request.params.programId),
  )
  app.patch(
    '/api/programs/:programId',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['programs'],
        params: ProgramParams,
        body: ProgramPatchSchema,
      },
    },
    (request) =>
      inTransaction(app, request, (context) =>
        updateProgram(context, request.params.programId, request.body),
      ),
  )
  app.get(
    '/api/programs/:programId/positions',
    { config: { access: ALL_ROLES }, schema: { tags: ['programs'], params: ProgramParams } },
    (request) => listProgramPositions(readContext(app, request), request.params.programId),
  )
  app.post(
    '/api/programs/:programId/positions',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['programs'],
        params: ProgramParams,
        body: z.strictObject({ positionIds: z.array(z.uuid()).min(1).max(1000) }),
      },
    },
    async (request, reply) => {
      await inTransaction(app, request, (context) =>
        addProgramPositions(context, request.params.programId, request.body.positionIds),
      )
      return reply.code(204).send()
    },
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
