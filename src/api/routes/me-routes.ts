import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { UiLocaleSchema } from '../../domain/index.ts'
import {
  applyToProgram,
  getOwnCandidate,
  listOwnApplications,
  setUserLocale,
  updateCandidate,
} from '../../services/index.ts'
import { CandidatePatchSchema } from './candidate-routes.ts'
import { inTransaction, readContext } from './route-context.ts'

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
      await inTransaction(app, request, ({ db, actor }) => setUserLocale(db, actor, request.body.locale))
      return { locale: request.body.locale }
    },
  )
  app.get(
    '/api/me/candidate',
    { config: { access: ['candidate'] }, schema: { tags: ['me'] } },
    async (request) => inTransaction(app, request, (context) => getOwnCandidate(context)),
  )
  app.patch(
    '/api/me/candidate',
    { config: { access: ['candidate'] }, schema: { tags: ['me'], body: CandidatePatchSchema } },
    async (request) =>
      inTransaction(app, request, async (context) => {
        const own = await getOwnCandidate(context)
        return updateCandidate(context, own.id, request.body)
      }),
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
        .send(await inTransaction(app, request, (context) => applyToProgram(context, request.body))),
  )
}
