/** The HTTP API. */
export { type ApiDocsAccess, type AppOptions, buildApp, type RouteAccess } from './build-app.ts'
export { createLogger, type LogSettings, REDACTED_LOG_PATHS } from './create-logger.ts'
export { ERROR_STATUS } from './error-status.ts'
