import type { Page, PrivacyRequestView } from '../domain/index.ts'
import { requestApi } from './api-client.ts'

/** A data-subject request as the API answers it. */
export type PrivacyRequest = PrivacyRequestView

/** Where the own data downloads as one zip (a plain link: the browser saves the file). */
export const DATA_EXPORT_URL = '/api/me/data-export'

/** Mails a password-reset link to the address if a login has it (the answer is the same either way). */
export async function askPasswordReset(email: string): Promise<void> {
  await requestApi('POST', '/api/password-resets', { email })
}

/** A reset link's status and login. */
export function fetchPasswordReset(
  token: string,
): Promise<{ status: 'valid' | 'used' | 'expired'; email: string }> {
  return requestApi('GET', `/api/password-resets/${encodeURIComponent(token)}`)
}

/** Sets a new password through a reset link. */
export async function resetPassword(token: string, newPassword: string): Promise<void> {
  await requestApi('POST', `/api/password-resets/${encodeURIComponent(token)}`, { newPassword })
}

/** The signed-in candidate's own requests. */
export function fetchOwnPrivacyRequests(): Promise<Page<PrivacyRequest>> {
  return requestApi('GET', '/api/me/privacy-requests?limit=100&order=desc')
}

/** The signed-in candidate asks for erasure, withdraws consent or asks for a human review. */
export function createPrivacyRequest(body: {
  kind: PrivacyRequest['kind']
  subject?: string
  note?: string
}): Promise<PrivacyRequest> {
  return requestApi('POST', '/api/me/privacy-requests', body)
}

/** The hub's requests for operators, soonest due first. */
export function fetchPrivacyRequests(status: 'open' | 'all'): Promise<Page<PrivacyRequest>> {
  return requestApi('GET', `/api/privacy-requests?limit=100${status === 'open' ? '&status=open' : ''}`)
}

/** An operator answers a request. */
export function answerPrivacyRequest(
  requestId: string,
  body: { status: 'done' | 'refused'; answer: string },
): Promise<PrivacyRequest> {
  return requestApi('POST', `/api/privacy-requests/${encodeURIComponent(requestId)}/answer`, body)
}
