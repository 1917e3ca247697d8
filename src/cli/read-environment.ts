import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { AppError } from '../domain/index.ts'
import type { DbTarget } from '../store/index.ts'

const EnvironmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  IEUM_DATA_DIR: z.string().min(1).default('.ieum-data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  IEUM_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  IEUM_BASE_URL: z.url().optional(),
  IEUM_BEHIND_PROXY: z.enum(['0', '1', 'true', 'false']).optional(),
  IEUM_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, 'must be an smtp:// or smtps:// URL such as smtp://user:password@host:587')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  IEUM_MAIL_FROM: z
    .string()
    .regex(
      /^[^@\s<>]+@[^@\s<>]+$|^[^<>]*<[^@\s<>]+@[^@\s<>]+>$/,
      'must be an address such as Ieum <noreply@hub.example>',
    )
    .optional()
    .or(z.literal('').transform(() => undefined)),
  NODE_ENV: z.string().optional(),
  IEUM_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  IEUM_API_DOCS: z.enum(['public', 'operators', 'off']).optional(),
  IEUM_METRICS_TOKEN: z
    .string()
    .min(24, 'must be at least 24 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  IEUM_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 30)
    .default(60 * 8),
  IEUM_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  IEUM_AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(365, 'must be at least 365 days')
    .default(5 * 365),
  IEUM_APPLICANT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(30)
    .default(3 * 365),
})

/** The server's settings, read once from the environment. */
export interface Environment {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly target: DbTarget
  readonly baseUrl: string | undefined
  readonly authSecret: string | undefined
  /** Set when a reverse proxy in front of Ieum sets X-Forwarded-For (IEUM_BEHIND_PROXY=1). */
  readonly isBehindProxy: boolean
  /** E-mail delivery of the outbox (IEUM_SMTP_URL and IEUM_MAIL_FROM), or null: messages stay queued. */
  readonly mail: { readonly smtpUrl: string; readonly from: string } | null
  /** NODE_ENV=production: demo seeding refused, API docs for operators only (unless IEUM_API_DOCS says). */
  readonly isProduction: boolean
  /** pino level of the server log (IEUM_LOG_LEVEL, default info). */
  readonly logLevel: string
  /** Who may read `/api/docs` (IEUM_API_DOCS; default `operators` in production, else `public`). */
  readonly apiDocs: 'public' | 'operators' | 'off'
  /** Bearer token a Prometheus scraper presents to `/api/metrics` (IEUM_METRICS_TOKEN), or null. */
  readonly metricsToken: string | null
  /** A session ends after this long without a request (IEUM_SESSION_IDLE_MINUTES, default 8 h). */
  readonly sessionIdleSeconds: number
  /** …and this long after sign-in whatever happens (IEUM_SESSION_MAX_HOURS, default 7 days). */
  readonly sessionMaxSeconds: number
  /** Audit rows older than this are purged, keeping the chain verifiable (IEUM_AUDIT_RETENTION_DAYS ≥ 365). */
  readonly auditRetentionDays: number
  /** Applicants of programs closed longer than this are purged (IEUM_APPLICANT_RETENTION_DAYS). */
  readonly applicantRetentionDays: number
}

/** Reads and validates the environment; a bad variable is named in the error. */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const parsed = EnvironmentSchema.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError(
      'validation_failed',
      `environment variable ${String(issue?.path[0])}: ${issue?.message}`,
    )
  }
  const value = parsed.data
  if ((value.IEUM_SMTP_URL === undefined) !== (value.IEUM_MAIL_FROM === undefined)) {
    const missing = value.IEUM_SMTP_URL === undefined ? 'IEUM_SMTP_URL' : 'IEUM_MAIL_FROM'
    throw new AppError(
      'validation_failed',
      `environment variable ${missing}: required when ${missing === 'IEUM_SMTP_URL' ? 'IEUM_MAIL_FROM' : 'IEUM_SMTP_URL'} is set (e-mail needs both)`,
    )
  }
  const dataDir = resolve(value.IEUM_DATA_DIR)
  return {
    port: value.PORT,
    host: value.HOST,
    dataDir,
    target: value.DATABASE_URL ? { kind: 'postgres', url: value.DATABASE_URL } : { kind: 'pglite', dataDir },
    baseUrl: value.IEUM_BASE_URL,
    authSecret: value.IEUM_AUTH_SECRET,
    isBehindProxy: value.IEUM_BEHIND_PROXY === '1' || value.IEUM_BEHIND_PROXY === 'true',
    mail:
      value.IEUM_SMTP_URL && value.IEUM_MAIL_FROM
        ? { smtpUrl: value.IEUM_SMTP_URL, from: value.IEUM_MAIL_FROM }
        : null,
    isProduction: value.NODE_ENV === 'production',
    logLevel: value.IEUM_LOG_LEVEL,
    apiDocs: value.IEUM_API_DOCS ?? (value.NODE_ENV === 'production' ? 'operators' : 'public'),
    metricsToken: value.IEUM_METRICS_TOKEN ?? null,
    sessionIdleSeconds: value.IEUM_SESSION_IDLE_MINUTES * 60,
    sessionMaxSeconds: value.IEUM_SESSION_MAX_HOURS * 3600,
    auditRetentionDays: value.IEUM_AUDIT_RETENTION_DAYS,
    applicantRetentionDays: value.IEUM_APPLICANT_RETENTION_DAYS,
  }
}

/**
 * The secret that signs sessions: IEUM_AUTH_SECRET, or one generated once and kept in the data folder
 * (mode 0600) so that sessions survive restarts of a local installation.
 */
export function resolveAuthSecret(environment: Environment): {
  secret: string
  source: 'environment' | 'data-folder'
} {
  if (environment.authSecret) return { secret: environment.authSecret, source: 'environment' }
  mkdirSync(environment.dataDir, { recursive: true })
  const path = join(environment.dataDir, 'auth-secret')
  if (!existsSync(path)) {
    writeFileSync(path, randomBytes(32).toString('base64url'), { mode: 0o600 })
    chmodSync(path, 0o600)
  }
  return { secret: readFileSync(path, 'utf8').trim(), source: 'data-folder' }
}
