import type { FastifyInstance } from 'fastify'
import { recordAudit } from '../../services/index.ts'

/** Hands `/api/auth/*` (sign-in, sign-out, session) to better-auth as a Web Request. */
export async function registerAuthRoutes(app: FastifyInstance): Promise<void> {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { hide: true },
    async handler(request, reply) {
      const url = new URL(request.url, `${request.protocol}://${request.headers.host ?? 'localhost'}`)
      const headers = new Headers()
      for (const [key, value] of Object.entries(request.headers)) {
        if (value !== undefined && key !== 'x-forwarded-for') {
          headers.append(key, Array.isArray(value) ? value.join(', ') : value)
        }
      }
      // better-auth throttles sign-in per client address: give it the one Fastify resolved (the socket's,
      // or the proxy's X-Forwarded-For when the server is configured to sit behind one).
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
        if (key.toLowerCase() !== 'set-cookie') reply.header(key, value)
      }
      const cookies = response.headers.getSetCookie()
      if (cookies.length > 0) reply.header('set-cookie', cookies)
      const text = await response.text()
      if (url.pathname.endsWith('/sign-in/email') && response.ok) {
        const userId = (JSON.parse(text) as { user?: { id?: string } }).user?.id ?? null
        await recordAudit(app.store.db, null, [{ action: 'sign_in', entityType: 'user', entityId: userId }])
      }
      return reply.send(text.length > 0 ? text : null)
    },
  })
}
