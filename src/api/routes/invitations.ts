import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  InvitationAcceptInputSchema,
  InvitationInputSchema,
  InvitationTokenSchema,
  ProgramInvitationInputSchema,
  UiLocaleSchema,
} from '../../domain/index.ts'
import {
  acceptInvitation,
  createInvitation,
  inviteProgramApplicants,
  listHubPeople,
  previewInvitation,
  recordAudit,
  removeRoleGrant,
  resendInvitation,
  revokeInvitation,
} from '../../services/index.ts'
import { inTransaction } from './route-context.ts'

const InvitationParams = z.strictObject({ invitationId: z.uuid() })

const ProgramParams = z.strictObject({ programId: z.uuid() })

const GrantParams = z.strictObject({ grantId: z.uuid() })

const TokenParams = z.strictObject({ token: InvitationTokenSchema })

/** The public invitation routes are throttled per client address like sign-in (`/api/auth/*`). */
const PUBLIC_RATE_LIMIT = { max: 30, timeWindow: '1 minute' } as const

/** Invitations and the hub’s people, and the public invitation pages. */
export async function registerInvitationRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const configured = app.auth.options.baseURL
  if (typeof configured !== 'string')
    throw new Error('invitation links need a fixed base URL (IEUM_BASE_URL)')
  const baseUrl = configured
  app.get(
    '/api/people',
    { config: { access: ['operator', 'company'] }, schema: { tags: ['people'] } },
    (request) => inTransaction(app, request, (context) => listHubPeople(context)),
  )
  app.post(
    '/api/invitations',
    { config: { access: ['operator'] }, schema: { tags: ['people'], body: InvitationInputSchema } },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await inTransaction(app, request, (context) =>
            createInvitation(context, request.body, { baseUrl }),
          ),
        ),
  )
  app.post(
    '/api/invitations/:invitationId/resend',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['people'],
        params: InvitationParams,
        body: z.strictObject({ locale: UiLocaleSchema.optional() }),
      },
    },
    (request) =>
      inTransaction(app, request, (context) =>
        resendInvitation(context, request.params.invitationId, request.body, { baseUrl }),
      ),
  )
  app.post(
    '/api/invitations/:invitationId/revoke',
    {
      config: { access: ['operator'] },
      schema: { tags: ['people'], params: InvitationParams, body: z.strictObject({}) },
    },
    (request) =>
      inTransaction(app, request, (context) => revokeInvitation(context, request.params.invitationId)),
  )
  app.post(
    '/api/programs/:programId/invitations',
    {
      config: { access: ['operator'] },
      schema: { tags: ['people'], params: ProgramParams, body: ProgramInvitationInputSchema },
    },
    (request) =>
      inTransaction(app, request, (context) =>
        inviteProgramApplicants(context, request.params.programId, request.body, { baseUrl }),
      ),
  )
  app.delete(
    '/api/role-grants/:grantId',
    {
      config: { access: ['operator'] },
      schema: { tags: ['people'], params: GrantParams, body: z.strictObject({}).optional() },
    },
    async (request, reply) => {
      await inTransaction(app, request, (context) => removeRoleGrant(context, request.params.grantId))
      return reply.code(204).send()
    },
  )
  app.get(
    '/api/invitations/by-token/:token',
    {
      config: { access: 'public', rateLimit: PUBLIC_RATE_LIMIT },
      schema: { tags: ['people'], params: TokenParams },
    },
    (request) => previewInvitation(app.store.db, request.params.token, { now: app.clock() }),
  )
  app.post(
    '/api/invitations/accept',
    {
      config: { access: 'public', rateLimit: PUBLIC_RATE_LIMIT },
      schema: { tags: ['people'], body: InvitationAcceptInputSchema },
    },
    async (request, reply) => {
      const acceptance = await app.store.db
        .transaction()
        .execute((trx) => acceptInvitation(trx, request.body, { now: app.clock() }))
      // Signing in after the commit: better-auth writes the session through the shared database, which
      // the embedded engine (one connection) cannot reach while our transaction holds it.
      const headers = new Headers({ 'x-forwarded-for': request.ip })
      const userAgent = request.headers['user-agent']
      if (userAgent) headers.set('user-agent', userAgent)
      const signedIn = await app.auth.api.signInEmail({
        body: { email: acceptance.email, password: request.body.password },
        headers,
        asResponse: true,
      })
      const cookies = signedIn.headers.getSetCookie()
      const isSignedIn = signedIn.ok && cookies.length > 0
      if (isSignedIn) {
        reply.header('set-cookie', cookies)
        await recordAudit(app.store.db, null, [
          { action: 'sign_in', entityType: 'user', entityId: acceptance.userId },
        ])
      } else {
        request.log.warn({ status: signedIn.status }, 'sign-in after accepting an invitation failed')
      }
      return reply.code(201).send({
        userId: acceptance.userId,
        role: acceptance.role,
        isNewAccount: acceptance.isNewAccount,
        isSignedIn,
      })
    },
  )
}
