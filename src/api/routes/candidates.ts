import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { CandidateInputSchema, LongTextSchema, patchSchemaOf } from '../../domain/index.ts'
import {
  createCandidate,
  getCandidate,
  getOwnProfile,
  listCandidates,
  suggestProfileFromCv,
  updateCandidate,
  updateOwnProfile,
} from '../../services/index.ts'
import { inTransaction } from './route-context.ts'

/** The body of `POST /api/me/cv/extract`: the CV as plain text. */
export const CvExtractBodySchema = z.strictObject({
  text: LongTextSchema.refine((text) => text.trim().length > 0, 'paste the text of your CV'),
})

/** Fields a candidate profile update may carry (all optional, unknown fields refused). */
export const CandidatePatchSchema = patchSchemaOf(CandidateInputSchema)

const IdParams = z.strictObject({ candidateId: z.uuid() })

/** Candidates: the hub's records, the signed-in candidate's own profile and CV extraction. */
export async function registerCandidateRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/api/me/candidate',
    { config: { access: ['candidate'] }, schema: { tags: ['me'] } },
    async (request) => inTransaction(app, request, (context) => getOwnProfile(context)),
  )
  app.patch(
    '/api/me/candidate',
    { config: { access: ['candidate'] }, schema: { tags: ['me'], body: CandidatePatchSchema } },
    async (request) => inTransaction(app, request, (context) => updateOwnProfile(context, request.body)),
  )
  app.post(
    '/api/me/cv/extract',
    {
      config: { access: ['candidate'] },
      schema: {
        tags: ['me'],
        summary: 'Read skills, languages, education and experience from a pasted CV (stores nothing)',
        body: CvExtractBodySchema,
      },
    },
    async (request) => suggestProfileFromCv(request.body.text),
  )
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
