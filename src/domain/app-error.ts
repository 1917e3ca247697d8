/** The closed set of error codes the application raises; `api/` maps each to one HTTP status. */
export const APP_ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'phase_closed',
  /** The application (the caller's, or a ranked applicant's) was found not eligible for the program. */
  'application_ineligible',
  /** There is no application in the running: never applied, or withdrawn. */
  'application_inactive',
  'payload_too_large',
  'rate_limited',
  'invalid_market',
  'internal',
] as const

/** One of {@link APP_ERROR_CODES}. */
export type AppErrorCode = (typeof APP_ERROR_CODES)[number]

/** A problem found in the input: where (a path such as `body.capacity` or `row 12: email`) and what. */
export interface AppErrorIssue {
  readonly path: string
  readonly message: string
}

/** The only error type the application throws on purpose; anything else is a bug and answers a bare 500. */
export class AppError extends Error {
  readonly code: AppErrorCode
  readonly issues: readonly AppErrorIssue[]

  constructor(code: AppErrorCode, message: string, issues: readonly AppErrorIssue[] = []) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.issues = issues
  }
}
