import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ProgramInputSchema, ProgramPatchSchema } from '../../domain/index.ts'
import {
  addProgramPositions,
  createProgram,
  getProgram,
  listPositionCatalog,
  listProgramPositions,
  listPrograms,
  setProgramPositions,
  updateProgram,
} from '../../services/index.ts'
import { inTransaction, readContext } from './route-context.ts'

const ProgramParams = z.strictObject({ programId: z.uuid() })

/** The positions a program offers and their seats (null = the position's own capacity). */
const ProgramSeatsSchema = z.strictObject({
  positions: z
    .array(
      z.strictObject({
        positionId: z.uuid(),
        seats: z.number().int().min(0).max(10_000).nullable(),
      }),
    )
    .max(2000),
})

const ALL_ROLES = ['operator', 'reviewer', 'company', 'candidate'] as const

/** Programs: their settings and phase, and the positions and seats they offer. */
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
  app.put(
    '/api/programs/:programId/positions',
    {
      config: { access: ['operator'] },
      schema: { tags: ['programs'], params: ProgramParams, body: ProgramSeatsSchema },
    },
    (request) =>
      inTransaction(app, request, (context) =>
        setProgramPositions(context, request.params.programId, request.body.positions),
      ),
  )
  app.get(
    '/api/programs/:programId/position-catalog',
    { config: { access: ['operator'] }, schema: { tags: ['programs'], params: ProgramParams } },
    (request) => listPositionCatalog(readContext(app, request), request.params.programId),
  )
}
