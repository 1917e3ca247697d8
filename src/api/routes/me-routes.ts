import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { LongTextSchema, UiLocaleSchema } from '../../domain/index.ts'
import {
  countUnreadNotifications,
  getOwnProfile,
  getOwnProgramEligibility,
  listOwnApplications,
  listOwnNotifications,
  markOwnNotificationRead,
  setUserLocale,
  submitOwnApplication,
  suggestProfileFromCv,
  updateOwnProfile,
  withdrawOwnApplication,
} from '../../services/index.ts'
import { CandidatePatchSchema } from './candidate-routes.ts'
import { inTransaction, readContext } from './route-context.ts'

const ProgramParams = z.strictObject({ programId: z.uuid() })
const ApplicationParams = z.strictObject({ applicationId: z.uuid() })
const NotificationParams = z.strictObject({ notificationId: z.uuid() })

/** The body of `POST /api/me/cv/extract`: the CV as plain text. */
export const CvExtractBodySchema = z.strictObject({
  text: LongTextSchema.refine((text) => text.trim().length > 0, 'paste the text of your CV'),
})

/** The signed-in user: who they are, their language, and (for candidates) their profile and applications. */
export async function registerMeRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.get('/api/me', { config: { access: 'signed_in' }, schema: { tags: ['me'] } }, async (request) => {
    const { actor } = readContext(app, request)
    const hub = await app.store.db
      .selectFrom('hub')
      .select(['id', 'name', 'slug'])
      .where('id', '=', actor.grants[0]?.hubId ?? '00000000-0000-0000-0000-000000000000')
      .executeTakeFirst()
    const companyIds = actor.grants.flatMap((grant) => (grant.companyId ? [grant.companyId] : []))
    const companies =
      companyIds.length === 0
        ? []
        : await app.store.db
            .selectFrom('company')
            .select(['id', 'name'])
            .where('id', 'in', companyIds)
            .execute()
    return { ...actor, hub: hub ?? null, companies }
  })
  app.put(
    '/api/me/locale',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['me'], body: z.strictObject({ locale: UiLocaleSchema }) },
    },
    async (request) => {
      await inTransaction(app, request, (context) => setUserLocale(context, request.body.locale))
      return { locale: request.body.locale }
    },
  )
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
    '/api/me/notifications/summary',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['notifications'],
        summary: 'The unread count and the latest notifications (for the header)',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(8),
          locale: UiLocaleSchema.optional().describe('write them in this language (default: as sent)'),
        }),
      },
    },
    async (request) => {
      const context = readContext(app, request)
      const [unread, latest] = await Promise.all([
        countUnreadNotifications(context),
        listOwnNotifications(context, {
          limit: request.query.limit,
          ...(request.query.locale !== undefined && { locale: request.query.locale }),
        }),
      ])
      return { unread, latest }
    },
  )
  app.post(
    '/api/me/notifications/:notificationId/read',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['notifications'],
        params: NotificationParams,
        body: z.strictObject({}).optional(),
      },
    },
    async (request, reply) => {
      const { notificationId } = request.params
      await inTransaction(app, request, (context) => markOwnNotificationRead(context, notificationId))
      return reply.code(204).send()
    },
  )
}
