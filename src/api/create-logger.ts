import type { FastifyRequest } from 'fastify'
import { type DestinationStream, type Logger, pino } from 'pino'
import { redactUrl } from './redact-url.ts'

/** How the server logs: one JSON line per request and per unexpected error, on stdout unless told otherwise. */
export interface LogSettings {
  /** pino level (default `info`). */
  readonly level?: string
  /** Where lines go (default stdout); tests pass a stream they read back. */
  readonly destination?: DestinationStream
}

/**
 * Paths pino replaces with `[redacted]` wherever they occur in a log object. Ieum never logs headers or bodies,
 * so this is the second line of defence: a future `log.info({ body })` or an error carrying its request does
 * not leak a password, a session cookie or a token.
 */
export const REDACTED_LOG_PATHS: readonly string[] = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'cookie',
  'authorization',
  'secret',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.cookie',
  '*.authorization',
  '*.secret',
  '*.*.password',
  '*.*.token',
  '*.*.cookie',
  '*.*.authorization',
  '*.headers["set-cookie"]',
  '*.*.headers["set-cookie"]',
]

/**
 * The server's pino logger: secrets redacted by path (see {@link REDACTED_LOG_PATHS}), request URLs through
 * {@link redactUrl} (invitation and reset tokens), errors with their stack.
 */
export function createLogger(settings: LogSettings = {}): Logger {
  return pino(
    {
      level: settings.level ?? 'info',
      base: { service: 'ieum' },
      redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
      serializers: {
        err: pino.stdSerializers.err,
        // Only what a request line needs: never headers (cookies) or the body (passwords).
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: redactUrl(request.url),
          remoteAddress: request.ip,
        }),
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      },
    },
    settings.destination ?? pino.destination({ dest: 1, sync: false }),
  )
}
