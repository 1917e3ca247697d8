import { betterAuth } from 'better-auth'
import type { Kysely } from 'kysely'
import type { Database } from '../../store/database.ts'
import { hashPassword, verifyPassword } from './hash-password.ts'

/** Shortest password an account may have (sign-in, and Ieum's own candidate registration). */
export const MIN_PASSWORD_LENGTH = 10

/** Settings the authentication layer needs from the environment. */
export interface AuthSettings {
  /** Secret that signs session cookies (IEUM_AUTH_SECRET); at least 32 characters. */
  readonly secret: string
  /** Public base URL of the server, e.g. http://localhost:3000. */
  readonly baseUrl: string
  /** Whether cookies are marked Secure (true behind HTTPS). */
  readonly isSecureCookie: boolean
  /** Throttle sign-in attempts per client address (default true; tests that sign in often turn it off). */
  readonly isRateLimited?: boolean
}

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
      maxPasswordLength: 128,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    user: {
      modelName: 'authUser',
      additionalFields: { locale: { type: 'string', required: false, input: false } },
    },
    session: { modelName: 'authSession', expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    account: { modelName: 'authAccount' },
    verification: { modelName: 'authVerification' },
    rateLimit: { enabled: settings.isRateLimited ?? true, window: 60, max: 100, storage: 'memory' },
    advanced: {
      useSecureCookies: settings.isSecureCookie,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      database: { generateId: () => crypto.randomUUID() },
    },
  })
}

/** The better-auth instance type. */
export type Auth = ReturnType<typeof createAuth>
