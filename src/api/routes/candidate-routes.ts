import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { CandidateInputSchema } from '../../domain/index.ts'
import { createCandidate, getCandidate, listCandidates, updateCandidate } from '../../services/index.ts'
import { inTransaction } from './route-context.ts'

type WithoutDefaults<Shape extends z.ZodRawShape> = {
  [Key in keyof Shape]: Shape[Key] extends z.ZodDefault<infer Inner>
    ? z.ZodOptional<Inner>
    : z.ZodOptional<Shape[Key]>
}

/** Every field optional and, unlike `.partial()`, without defaults: a field left out keeps its stored value. */
function toPatchShape<Shape extends z.ZodRawShape>(shape: Shape): WithoutDefaults<Shape> {
  return Object.fromEntries(
    Object.entries(shape).map(([key, field]) => {
      const inner = (field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType
      return [key, inner.optional()]
    }),
  ) as unknown as WithoutDefaults<Shape>
}

/**
 * Fields a candidate profile update may carry (all optional, unknown fields refused). Built without the
 * input defaults: with `.partial()` zod would fill a left-out `skills` with `[]` and wipe the stored list.
 */
export const CandidatePatchSchema = z.strictObject(toPatchShape(CandidateInputSchema.shape))
const IdParams = z.strictObject({ candidateId: z.uuid() })

/** Candidates' personal data: every read and change is audited. */
export async function registerCandidateRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/api/candidates',
    { config: { access: ['operator', 'reviewer'] }, schema: { tags: ['candidates'] } },
    (request) => inTransaction(app, request, (context) => listCandidates(context)),
  )
  app.post(
    '/api/candidates',
    { config: { access: ['operator'] }, schema: { tags: ['candidates'], body: CandidateInputSchema } },
    async (request, reply) =>
      reply
        .code(201)
        .send(await inTransaction(app, request, (context) => createCandidate(context, request.body))),
  )
  app.get(
    '/api/candidates/:candidateId',
    {
      config: { access: ['operator', 'reviewer', 'company', 'candidate'] },
      schema: { tags: ['candidates'], params: IdParams },
    },
    (request) => inTransaction(app, request, (context) => getCandidate(context, request.params.candidateId)),
  )
  app.patch(
    '/api/candidates/:candidateId',
    {
      config: { access: ['operator', 'candidate'] },
      schema: { tags: ['candidates'], params: IdParams, body: CandidatePatchSchema },
    },
    (request) =>
      inTransaction(app, request, (context) =>
        updateCandidate(context, request.params.candidateId, request.body),
      ),
  )
}
