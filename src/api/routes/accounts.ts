import { fromNodeHeaders } from 'better-auth/node'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError, TimeZoneSchema, UiLocaleSchema } from '../../domain/index.ts'
import {
  NewPasswordSchema,
  type RegisteredCandidate,
  recordAudit,
  recordSignInSuccess,
  registerCandidate,
  setUserLocale,
  systemClock,
  takeSignInAttempt,
} from '../../services/index.ts'
import { inTransaction, readContext } from './route-context.ts'

/**
 * A per-server flood guard on the sign-in and registration routes, per client address. Wrong passwords are
 * throttled separately, per account and per address, in the database (services/sign-in); this one only has
 * to let a class behind one NAT address sign in at once.
 */
const AUTH_RATE_LIMIT = { max: 120, timeWindow: '1 minute' }
/** Self-registration, per client address and server: a class can sign up together, a script cannot spam. */
const REGISTRATION_RATE_LIMIT = { max: 30, timeWindow: '1 minute' }

/** The better-auth endpoints the API passes on; every other `/api/auth/*` path answers 404. */
const BETTER_AUTH_ENDPOINTS: ReadonlySet<string> = new Set([
  'POST /sign-in/email',
  'POST /sign-out',
  'GET /get-session',
])

/**
 * better-auth's bodies minus the raw session token (sign-in answers `token`, get-session `session.token`):
 * the token lives in the http-only cookie and must never be readable by page scripts.
 */
function withoutSessionTokens(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body
  const { token: _token, session, ...rest } = body as { token?: unknown; session?: unknown }
  if (typeof session === 'object' && session !== null) {
    const { token: _sessionToken, ...safeSession } = session as { token?: unknown }
    return { ...rest, session: safeSession }
  }
  return session === undefined ? rest : { ...rest, session }
}

/** The body of `POST /api/register/candidate`. */
export const CandidateRegistrationSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    email: z.string().trim().toLowerCase().max(200).pipe(z.email('must be an e-mail address')),
    password: NewPasswordSchema,
    locale: UiLocaleSchema.describe('the language of the interface and of e-mails'),
    consent: z
      .literal(true, 'consent to the processing of personal data is required to register')
      .describe('consent to the processing of personal data (recorded with its time)'),
    timeZone: TimeZoneSchema.optional().describe("the browser's time zone, e.g. Asia/Ho_Chi_Minh"),
    hubSlug: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('needed only when several hubs share one installation'),
  })
  .superRefine((body, context) => {
    if (body.password.trim().toLowerCase() === body.email)
      context.addIssue({ code: 'custom', path: ['password'], message: 'must not be your e-mail address' })
  })

/** Copies better-auth's Set-Cookie headers (the session cookie) onto the Fastify reply. */
function forwardCookies(response: Response, reply: FastifyReply): void {
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) reply.header('set-cookie', cookies)
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
}

/** Sign-in (better-auth under /api/auth), self-registration, the signed-in user and their language. */
export async function registerAccountRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>()
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    config: { access: 'public', rateLimit: AUTH_RATE_LIMIT },
    schema: { hide: true },
    async handler(request, reply) {
      const url = new URL(request.url, `${request.protocol}://${request.headers.host ?? 'localhost'}`)
      const endpoint = `${request.method} ${url.pathname.slice('/api/auth'.length)}`
      // Only these of better-auth's endpoints are used; the others (change-password, change-email,
      // list-sessions, …) would bypass Ieum's password policy, session rules and audit.
      if (!BETTER_AUTH_ENDPOINTS.has(endpoint))
        throw new AppError('not_found', `no route ${request.method} ${url.pathname}`)
      const isSignIn = endpoint === 'POST /sign-in/email'
      const email = (request.body as { email?: unknown } | undefined)?.email
      const attempt = isSignIn && typeof email === 'string' ? { email, address: request.ip } : null
      if (attempt && app.isSignInThrottled) {
        // The throttle runs on the wall clock, like the sessions it protects.
        const verdict = await takeSignInAttempt(app.store.db, { ...attempt, now: systemClock() })
        if (!verdict.isAllowed) {
          reply.header('retry-after', String(verdict.retryAfterSeconds))
          throw new AppError(
            'rate_limited',
            verdict.reason === 'account'
              ? `too many failed sign-ins for this account; try again in ${verdict.retryAfterSeconds} s or reset the password`
              : `too many failed sign-ins from this network; try again in ${verdict.retryAfterSeconds} s`,
          )
        }
      }
      const headers = new Headers()
      for (const [key, value] of Object.entries(request.headers)) {
        if (value !== undefined && key !== 'x-forwarded-for') {
          headers.append(key, Array.isArray(value) ? value.join(', ') : value)
        }
      }
      headers.set('x-forwarded-for', request.ip)
      const hasBody = request.method !== 'GET' && request.body !== undefined
      const response = await app.auth.handler(
        new Request(url, {
          method: request.method,
          headers,
          body: hasBody ? JSON.stringify(request.body) : undefined,
        }),
      )
      reply.status(response.status)
      for (const [key, value] of response.headers) {
        if (key.toLowerCase() !== 'set-cookie' && key.toLowerCase() !== 'content-length')
          reply.header(key, value)
      }
      forwardCookies(response, reply)
      const text = await response.text()
      const body = text.length > 0 ? (JSON.parse(text) as unknown) : null
      if (isSignIn && response.ok) {
        const userId = (body as { user?: { id?: string } } | null)?.user?.id ?? null
        if (attempt && app.isSignInThrottled) await recordSignInSuccess(app.store.db, attempt)
        await recordAudit(app.store.db, null, [{ action: 'sign_in', entityType: 'user', entityId: userId }])
      }
      return reply.send(withoutSessionTokens(body))
    },
  })
  app.post(
    '/api/register/candidate',
    {
      config: { access: 'public', rateLimit: REGISTRATION_RATE_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Register as a candidate and sign in',
        body: CandidateRegistrationSchema,
      },
    },
    async (request, reply) => {
      const body = request.body
      let registered: RegisteredCandidate
      try {
        registered = await app.store.db
          .transaction()
          .execute((trx) => registerCandidate(trx, body, { ipAddress: request.ip, now: app.clock() }))
      } catch (error) {
        // Two registrations with one address at the same moment: the second trips the unique index.
        if (isUniqueViolation(error)) {
          throw new AppError(
            'conflict',
            'an account with this e-mail address exists already; sign in instead',
            [{ path: 'body.email', message: 'already registered' }],
          )
        }
        throw error
      }
      // The account exists now (committed); signing in is a separate step so a failure there loses nothing.
      const headers = fromNodeHeaders(request.headers)
      headers.set('x-forwarded-for', request.ip)
      const response = await app.auth.api.signInEmail({
        body: { email: registered.email, password: body.password },
        headers,
        asResponse: true,
      })
      const isSignedIn = response.ok
      if (isSignedIn) {
        forwardCookies(response, reply)
        await recordAudit(app.store.db, null, [
          { action: 'sign_in', entityType: 'user', entityId: registered.userId },
        ])
      } else {
        request.log.warn({ status: response.status }, 'sign-in after registration failed')
      }
      return reply.code(201).send({
        userId: registered.userId,
        candidateId: registered.candidateId,
        locale: registered.locale,
        isSignedIn,
      })
    },
  )
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
}
