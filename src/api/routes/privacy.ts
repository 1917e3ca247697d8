import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError, PageQuerySchema } from '../../domain/index.ts'
import {
  answerPrivacyRequest,
  candidateIdOf,
  createPrivacyRequest,
  exportSubjectData,
  listPrivacyRequests,
  recordAudit,
  zipSubjectExport,
} from '../../services/index.ts'
import { inTransaction, readContext } from './route-context.ts'

const RequestParams = z.strictObject({ requestId: z.uuid() })
const ListQuery = PageQuerySchema.extend({ status: z.enum(['open', 'done', 'refused']).optional() })
const NoNul = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((text) => !text.includes('\u0000'), 'must not contain NUL characters')

/**
 * Data-subject rights: a candidate downloads all their data in one action (a zip of `data.json` and one CSV
 * per table, or the JSON alone), asks for erasure, withdraws consent or asks for a human review of an
 * automated outcome; operators list the requests by due date (10 days) and answer them.
 */
export async function registerPrivacyRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.get(
    '/api/me/data-export',
    {
      config: { access: ['candidate'] },
      schema: {
        tags: ['privacy'],
        summary: 'Everything Ieum holds about me: a zip (data.json and a CSV per table), or ?format=json',
        querystring: z.strictObject({ format: z.enum(['zip', 'json']).default('zip') }),
      },
    },
    async (request, reply) => {
      const context = readContext(app, request)
      const candidateId = candidateIdOf(context.actor)
      if (!candidateId) throw new AppError('not_found', 'this account has no candidate record')
      const data = await exportSubjectData(context.db, candidateId, context.now())
      await recordAudit(context.db, context.actor, [
        {
          action: 'export',
          entityType: 'candidate',
          entityId: candidateId,
          detail: { dataSubjectExport: true },
        },
      ])
      if (request.query.format === 'json') return data
      const day = data.generatedAt.slice(0, 10)
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="ieum-my-data-${day}.zip"`)
        .send(Buffer.from(zipSubjectExport(data)))
    },
  )
  app.post(
    '/api/me/privacy-requests',
    {
      config: { access: ['candidate'] },
      schema: {
        tags: ['privacy'],
        summary: 'Ask for erasure, withdraw consent, or ask for a human review of an automated outcome',
        body: z.strictObject({
          kind: z.enum(['erasure', 'withdraw_consent', 'human_review']),
          subject: NoNul(200)
            .optional()
            .describe('for a review: match_run:<id> or eligibility:<application id>'),
          note: NoNul(2000).optional(),
        }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await inTransaction(app, request, (context) => createPrivacyRequest(context, request.body))),
  )
  app.get(
    '/api/me/privacy-requests',
    {
      config: { access: ['candidate'] },
      schema: { tags: ['privacy'], summary: 'My requests and their answers', querystring: ListQuery },
    },
    async (request) => listPrivacyRequests(readContext(app, request), request.query),
  )
  app.get(
    '/api/privacy-requests',
    {
      config: { access: ['operator'] },
      schema: { tags: ['privacy'], summary: "The hub's requests, soonest due first", querystring: ListQuery },
    },
    async (request) => listPrivacyRequests(readContext(app, request), request.query),
  )
  app.post(
    '/api/privacy-requests/:requestId/answer',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['privacy'],
        summary: 'Answer a request; `done` on an erasure erases the candidate’s personal data',
        params: RequestParams,
        body: z.strictObject({
          status: z.enum(['done', 'refused']),
          answer: NoNul(2000).min(1, 'must not be empty'),
        }),
      },
    },
    async (request) =>
      inTransaction(app, request, (context) =>
        answerPrivacyRequest(context, request.params.requestId, request.body),
      ),
  )
}
