import { betterAuth } from 'better-auth'
import type { Kysely } from 'kysely'
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../domain/index.ts'
import type { Database } from '../../store/database.ts'
import { hashPassword, verifyPassword } from './hash-password.ts'

/** Settings the authentication layer needs from the environment. */
export interface AuthSettings {
  /** Secret that signs session cookies (IEUM_AUTH_SECRET); at least 32 characters. */
  readonly secret: string
  /** Public base URL of the server, e.g. http://localhost:3000. */
  readonly baseUrl: string
  /** Whether cookies are marked Secure (true behind HTTPS). */
  readonly isSecureCookie: boolean
  /** Throttle failed sign-ins per account and per client address (default true; see services/sign-in). */
  readonly isRateLimited?: boolean
  /** A session ends this long after sign-in, whatever happens (IEUM_SESSION_MAX_HOURS; default 7 days). */
  readonly sessionMaxSeconds?: number
  /** …or after this long without a request (IEUM_SESSION_IDLE_MINUTES; default 8 hours). */
  readonly sessionIdleSeconds?: number
}

/** Default absolute session lifetime: 7 days. */
export const DEFAULT_SESSION_MAX_SECONDS = 7 * 24 * 60 * 60
/** Default idle timeout: 8 hours. */
export const DEFAULT_SESSION_IDLE_SECONDS = 8 * 60 * 60

/**
 * better-auth over the application's Kysely instance: email + password (argon2id), sessions stored in
 * the database and carried in http-only cookies. Accounts are created by Ieum's own services (operators
 * invite; candidates register through `POST /api/register/candidate`, which also grants the role, records
 * consent and creates the profile), so better-auth's public sign-up endpoint is off.
 */
export function createAuth(db: Kysely<Database>, settings: AuthSettings) {
  // A local installation answers on localhost and 127.0.0.1 alike; trust both spellings of the base URL.
  const base = new URL(settings.baseUrl)
  const aliases = ['localhost', '127.0.0.1'].includes(base.hostname)
    ? ['localhost', '127.0.0.1'].map((host) => `${base.protocol}//${host}${base.port ? `:${base.port}` : ''}`)
    : []
  return betterAuth({
    trustedOrigins: [base.origin, ...aliases],
    appName: 'Ieum',
    baseURL: settings.baseUrl,
    basePath: '/api/auth',
    secret: settings.secret,
    database: { db, type: 'postgres' },
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    user: {
      modelName: 'authUser',
      additionalFields: { locale: { type: 'string', required: false, input: false } },
    },
    // An absolute lifetime: the expiry set at sign-in is never pushed back. The idle timeout is Ieum's own
    // (auth_session.last_seen_at, checked where the API reads the session).
    session: {
      modelName: 'authSession',
      expiresIn: settings.sessionMaxSeconds ?? DEFAULT_SESSION_MAX_SECONDS,
      disableSessionRefresh: true,
    },
    account: { modelName: 'authAccount' },
    verification: { modelName: 'authVerification' },
    // better-auth's own limiter (per process, 3 sign-ins per address per 10 s) would lock out a class behind
    // one NAT and not see the other servers; Ieum throttles failures per account and address in the database.
    rateLimit: { enabled: false },
    advanced: {
      useSecureCookies: settings.isSecureCookie,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      database: { generateId: () => crypto.randomUUID() },
    },
  })
}

/** The better-auth instance type. */
export type Auth = ReturnType<typeof createAuth>
