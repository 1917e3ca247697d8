/** The HTTP API. */
export { type AppOptions, buildApp, type RouteAccess } from './build-app.ts'
export { ERROR_STATUS } from './error-status.ts'
