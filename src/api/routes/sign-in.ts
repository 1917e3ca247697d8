import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError, MAX_PASSWORD_LENGTH } from '../../domain/index.ts'
import {
  changePassword,
  NewPasswordSchema,
  previewPasswordReset,
  requestPasswordReset,
  resetPassword,
} from '../../services/index.ts'

/** The public reset routes are throttled per client address like sign-in. */
const PUBLIC_RATE_LIMIT = { max: 30, timeWindow: '1 minute' } as const
const TokenParams = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be the 43-character code from the reset link'),
})

/**
 * Passwords: a signed-in user changes theirs (every other session ends), and anyone may ask for a reset link
 * by e-mail (the answer never says whether the address has a login), then set a new password through it.
 */
export async function registerSignInRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  const baseUrl = String(app.auth.options.baseURL)

  app.post(
    '/api/me/password',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['me'],
        summary: 'Change the own password; every other session of the login ends',
        body: z.strictObject({
          currentPassword: z.string().min(1, 'enter your current password').max(MAX_PASSWORD_LENGTH),
          newPassword: NewPasswordSchema,
        }),
      },
    },
    async (request) => {
      const actor = request.actor
      if (!actor) throw new AppError('unauthenticated', 'sign in first')
      return app.store.db
        .transaction()
        .execute((trx) =>
          changePassword({ db: trx, actor, now: app.clock, sessionId: request.sessionId }, request.body),
        )
    },
  )

  app.post(
    '/api/password-resets',
    {
      config: { access: 'public', rateLimit: PUBLIC_RATE_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Mail a single-use reset link to this address if a login has it (always answers 202)',
        body: z.strictObject({
          email: z.string().trim().toLowerCase().max(200).pipe(z.email('must be an e-mail address')),
        }),
      },
    },
    async (request, reply) => {
      await app.store.db.transaction().execute((trx) =>
        requestPasswordReset(trx, {
          email: request.body.email,
          now: app.clock(),
          baseUrl,
          address: request.ip,
        }),
      )
      return reply.code(202).send({ status: 'requested' })
    },
  )

  app.get(
    '/api/password-resets/:token',
    {
      config: { access: 'public', rateLimit: PUBLIC_RATE_LIMIT },
      schema: { tags: ['auth'], summary: "A reset link's status and login", params: TokenParams },
    },
    async (request) => previewPasswordReset(app.store.db, request.params.token, app.clock()),
  )

  app.post(
    '/api/password-resets/:token',
    {
      config: { access: 'public', rateLimit: PUBLIC_RATE_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password through a reset link; every session of the login ends',
        params: TokenParams,
        body: z.strictObject({ newPassword: NewPasswordSchema }),
      },
    },
    async (request) =>
      app.store.db.transaction().execute((trx) =>
        resetPassword(trx, {
          token: request.params.token,
          newPassword: request.body.newPassword,
          now: app.clock(),
        }),
      ),
  )
}
