import { ApiError } from './api-client.ts'

/** Codes the API answers when the own application takes no part in the match (see the ranking routes). */
const REFUSAL_CODES: readonly string[] = ['application_ineligible', 'application_inactive']

/**
 * True when a request was refused because an application is out of the running: found not eligible
 * (`application_ineligible`), or not submitted / withdrawn (`application_inactive`). Such an answer is an
 * expected state to explain, not an error to retry.
 */
export function isApplicationRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && REFUSAL_CODES.includes(error.code)
}
