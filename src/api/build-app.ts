import { randomUUID, timingSafeEqual } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { fromNodeHeaders } from 'better-auth/node'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  LogController,
} from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import { type Actor, AppError, type Role } from '../domain/index.ts'
import {
  type AuditReadBuffer,
  type AuthSettings,
  type Clock,
  createAuth,
  DEFAULT_SESSION_IDLE_SECONDS,
  resolveSession,
  runWithAuditReadBuffer,
  systemClock,
} from '../services/index.ts'
import type { DbHandle } from '../store/index.ts'
import { createLogger, type LogSettings } from './create-logger.ts'
import { createMetrics, type Metrics } from './create-metrics.ts'
import { handleError } from './handle-error.ts'
import { redactUrl } from './redact-url.ts'
import { registerRoutes } from './routes/register-routes.ts'

/** Who may call a route: anyone, any signed-in user, or holders of one of the listed roles. */
export type RouteAccess = 'public' | 'signed_in' | readonly Role[]

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route must declare who may call it. */
    access?: RouteAccess
    /** Also admit a caller presenting `Authorization: Bearer <metricsToken>` (a Prometheus scraper). */
    acceptsMetricsToken?: boolean
  }
  interface FastifyRequest {
    actor: Actor | null
    /** The id of the session the actor was read from (a password change keeps this one). */
    sessionId: string | null
  }
}

/** What the server needs. */
export interface AppOptions {
  readonly store: DbHandle
  readonly auth: AuthSettings
  /** Folder of the built web UI (index.html), served at `/`; absent in API-only tests. */
  readonly webDir?: string
  /** Structured request and error logs (pino); off when absent or false (tests), on in `ieum serve`. */
  readonly logger?: boolean | LogSettings
  /** Who may read `/api/docs`: anyone (development), signed-in operators (production default), or nobody. */
  readonly apiDocs?: ApiDocsAccess
  /**
   * Where read audit rows go: a buffer written about every second, off the request's path (`ieum serve`).
   * Without one (tests), reads are audited in the request like changes.
   */
  readonly auditReadBuffer?: AuditReadBuffer
  /** Bearer token that also admits a scraper to `/api/metrics` (IEUM_METRICS_TOKEN); operators always may. */
  readonly metricsToken?: string | null
  /** Requests per minute per IP before 429 (default 600). */
  readonly rateLimitPerMinute?: number
  /** Believe X-Forwarded-For (only behind a reverse proxy: clients could fake it otherwise). Default false. */
  readonly isBehindProxy?: boolean
  /** The clock every use case reads (deadlines, expiry, timestamps); default the real one. Tests inject theirs. */
  readonly now?: Clock
}

/** Who may read the OpenAPI document and its UI. */
export type ApiDocsAccess = 'public' | 'operators' | 'off'

/** True when the request carries `Authorization: Bearer <token>` (compared in constant time). */
function hasBearerToken(request: FastifyRequest, token: string | null | undefined): boolean {
  if (!token) return false
  const header = request.headers.authorization
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false
  const given = Buffer.from(header.slice('Bearer '.length))
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** Reads the signed-in actor from the session cookie (null when signed out, expired or idle too long). */
async function readActor(app: FastifyInstance, request: FastifyRequest): Promise<Actor | null> {
  const resolved = await resolveSession(app.auth, app.store.db, fromNodeHeaders(request.headers), {
    // Sessions live on the wall clock (better-auth stamps and expires them with it), not the use cases' clock.
    now: systemClock(),
    idleSeconds: app.sessionIdleSeconds,
  })
  request.sessionId = resolved?.sessionId ?? null
  return resolved?.actor ?? null
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its declared access (read by the access tests). */
    routeTable: { method: string; url: string; access: RouteAccess }[]
    store: DbHandle
    auth: ReturnType<typeof createAuth>
    metrics: Metrics
    sessionIdleSeconds: number
    /** Whether failed sign-ins are throttled per account and address (off only in tests that need it). */
    isSignInThrottled: boolean
    /** The clock handed to every use case (`AppOptions.now`, else the real clock). */
    clock: Clock
  }
}

/**
 * The HTTP server: JSON API under `/api` (OpenAPI at `/api/docs`), better-auth under `/api/auth`,
 * and the built web UI. Every route declares its access; a route without one fails at start-up.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const logSettings = options.logger === true ? {} : options.logger || null
  const app = Fastify({
    ...(logSettings
      ? { loggerInstance: createLogger(logSettings) as unknown as FastifyBaseLogger }
      : { logger: false }),
    // One line per request comes from the onResponse hook below (Fastify's own two lines would double it).
    logController: new LogController({ disableRequestLogging: true }),
    // Ids unique across servers, so that a line can be found when a user quotes the X-Request-Id they saw.
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: options.isBehindProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(handleError)
  app.decorate('store', options.store)
  app.decorate('clock', options.now ?? systemClock)
  app.decorate('auth', createAuth(options.store.db, options.auth))
  app.decorate('metrics', createMetrics(options.store.db))
  app.decorateRequest('actor', null)
  app.decorateRequest('sessionId', null)
  app.decorate('isSignInThrottled', options.auth.isRateLimited ?? true)
  app.decorate('sessionIdleSeconds', options.auth.sessionIdleSeconds ?? DEFAULT_SESSION_IDLE_SECONDS)
  app.decorate('routeTable', [] as { method: string; url: string; access: RouteAccess }[])

  app.addHook('onRoute', (route) => {
    const isFrameworkRoute = route.url.startsWith('/api/docs') || route.url === '/*' || route.url === '/'
    if (!isFrameworkRoute && route.config?.access === undefined && route.url.startsWith('/api')) {
      throw new Error(`route ${route.method} ${route.url} does not declare who may call it (config.access)`)
    }
    if (route.config?.access !== undefined) {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') app.routeTable.push({ method, url: route.url, access: route.config.access })
      }
    }
  })
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  const auditReadBuffer = options.auditReadBuffer
  if (auditReadBuffer) {
    app.addHook('onRequest', (_request, _reply, done) => runWithAuditReadBuffer(auditReadBuffer, done))
  }
  // After the rate limiter (a route-level onRequest hook) and before the body is read or validated: a flood
  // of guesses costs no session lookup, and an anonymous or wrong-role caller learns nothing about the input.
  app.addHook('preParsing', async (request) => {
    const config = request.routeOptions.config
    const access = config.access
    if (access === undefined || access === 'public') return
    if (config.acceptsMetricsToken && hasBearerToken(request, options.metricsToken)) return
    request.actor = await readActor(app, request)
    if (!request.actor) throw new AppError('unauthenticated', 'sign in first')
    if (access === 'signed_in') return
    const actor = request.actor
    if (!access.some((role) => actor.grants.some((grant) => grant.role === role))) {
      throw new AppError('forbidden', `this needs the role ${access.join(' or ')}`)
    }
  })

  // One log line per answered request (id, route pattern, status, latency); a 5xx at error level. The stack of
  // an unexpected error is logged by handleError. Nothing here reaches the client.
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? '(unmatched)'
    app.metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000)
    const line = {
      method: request.method,
      route,
      url: redactUrl(request.url),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    }
    if (reply.statusCode >= 500) request.log.error(line, 'request failed')
    else request.log.info(line, 'request')
  })
  // Personal data must not stay in browser or proxy caches: every API answer is no-store, except the
  // OpenAPI UI's static files.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api') && !request.url.startsWith('/api/docs/static'))
      reply.header('cache-control', 'no-store')
    return payload
  })

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        // Upgrading to HTTPS would leave the page blank when Ieum is served over plain HTTP on a LAN.
        upgradeInsecureRequests: options.auth.baseUrl.startsWith('https://') ? [] : null,
      },
    },
  })
  await app.register(rateLimit, { max: options.rateLimitPerMinute ?? 600, timeWindow: '1 minute' })
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Ieum API',
        version: '0.1.0',
        description: 'Programs, applications and matching for AI hubs',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' } },
      },
    },
    transform: jsonSchemaTransform,
  })
  const apiDocs = options.apiDocs ?? 'public'
  if (apiDocs !== 'off') {
    await app.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: true,
      uiHooks: {
        async onRequest(request) {
          if (apiDocs === 'public') return
          request.actor = await readActor(app, request)
          if (!request.actor)
            throw new AppError('unauthenticated', 'sign in as an operator to read the API docs')
          if (!request.actor.grants.some((grant) => grant.role === 'operator'))
            throw new AppError('forbidden', 'the API docs are for operators')
        },
      },
    })
  }

  await registerRoutes(app)

  if (options.webDir && existsSync(join(options.webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: options.webDir, prefix: '/', wildcard: false })
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api')) return reply.sendFile('index.html')
      throw new AppError('not_found', `no route ${request.method} ${request.url.split('?')[0]}`)
    })
  } else {
    app.setNotFoundHandler((request) => {
      throw new AppError('not_found', `no route ${request.method} ${request.url.split('?')[0]}`)
    })
  }
  return app
}
