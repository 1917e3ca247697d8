import type { AppErrorCode } from '../domain/index.ts'

/** The one table from error code to HTTP status. */
export const ERROR_STATUS: Readonly<Record<AppErrorCode, number>> = {
  bad_request: 400,
  validation_failed: 400,
  invalid_market: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  phase_closed: 409,
  application_ineligible: 409,
  application_inactive: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
}
