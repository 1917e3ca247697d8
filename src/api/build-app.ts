import { existsSync } from 'node:fs'
import { join } from 'node:path'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { fromNodeHeaders } from 'better-auth/node'
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import { type Actor, AppError, type Role } from '../domain/index.ts'
import { type AuthSettings, type Clock, createAuth, loadActor, systemClock } from '../services/index.ts'
import type { DbHandle } from '../store/index.ts'
import { handleError } from './handle-error.ts'
import { redactUrl } from './redact-url.ts'
import { registerRoutes } from './routes/register-routes.ts'

/** Who may call a route: anyone, any signed-in user, or holders of one of the listed roles. */
export type RouteAccess = 'public' | 'signed_in' | readonly Role[]

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route must declare who may call it. */
    access?: RouteAccess
  }
  interface FastifyRequest {
    actor: Actor | null
  }
}

/** What the server needs. */
export interface AppOptions {
  readonly store: DbHandle
  readonly auth: AuthSettings
  /** Folder of the built web UI (index.html), served at `/`; absent in API-only tests. */
  readonly webDir?: string
  readonly logger?: boolean
  /** Requests per minute per IP before 429 (default 600). */
  readonly rateLimitPerMinute?: number
  /** Believe X-Forwarded-For (only behind a reverse proxy: clients could fake it otherwise). Default false. */
  readonly isBehindProxy?: boolean
  /** The clock every use case reads (deadlines, expiry, timestamps); default the real one. Tests inject theirs. */
  readonly now?: Clock
}

/** Reads the signed-in actor from the session cookie, or null. */
async function readActor(app: FastifyInstance, request: FastifyRequest): Promise<Actor | null> {
  const session = await app.auth.api.getSession({ headers: fromNodeHeaders(request.headers) })
  if (!session) return null
  return loadActor(app.store.db, session.user.id)
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its declared access (read by the access tests). */
    routeTable: { method: string; url: string; access: RouteAccess }[]
    store: DbHandle
    auth: ReturnType<typeof createAuth>
    /** The clock handed to every use case (`AppOptions.now`, else the real clock). */
    clock: Clock
  }
}

/**
 * The HTTP server: JSON API under `/api` (OpenAPI at `/api/docs`), better-auth under `/api/auth`,
 * and the built web UI. Every route declares its access; a route without one fails at start-up.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: 'info',
          serializers: {
            // Fastify's default request serializer, minus secrets in the URL (invitation links).
            req: (request: FastifyRequest) => ({
              method: request.method,
              url: redactUrl(request.url),
              host: request.host,
              remoteAddress: request.ip,
            }),
          },
        }
      : false,
    bodyLimit: 1024 * 1024,
    trustProxy: options.isBehindProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(handleError)
  app.decorate('store', options.store)
  app.decorate('clock', options.now ?? systemClock)
  app.decorate('auth', createAuth(options.store.db, options.auth))
  app.decorateRequest('actor', null)
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
  // Before the body is read or validated: an anonymous or wrong-role caller learns nothing about the input.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access
    if (access === undefined || access === 'public') return
    request.actor = await readActor(app, request)
    if (!request.actor) throw new AppError('unauthenticated', 'sign in first')
    if (access === 'signed_in') return
    const actor = request.actor
    if (!access.some((role) => actor.grants.some((grant) => grant.role === role))) {
      throw new AppError('forbidden', `this needs the role ${access.join(' or ')}`)
    }
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
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true })

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
