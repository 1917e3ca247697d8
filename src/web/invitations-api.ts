import type {
  HubPeople,
  InvitationAcceptance,
  InvitationInput,
  InvitationPreview,
  InvitationView,
  ProgramInvitationResult,
  SentInvitation,
  UiLocale,
} from '../domain/index.ts'
import { requestApi } from './api-client.ts'

/** The hub's people: members with their roles, and (operators) invitations with their status. */
export function fetchPeople(): Promise<HubPeople> {
  return requestApi('GET', '/api/people')
}

/** Invites one person; the answer carries the link once, for copying. */
export function sendInvitation(input: InvitationInput): Promise<SentInvitation> {
  return requestApi('POST', '/api/invitations', input)
}

/** Sends an invitation again with a new link (the old one stops working), optionally in another language. */
export function resendInvitation(invitationId: string, locale?: UiLocale): Promise<SentInvitation> {
  return requestApi(
    'POST',
    `/api/invitations/${encodeURIComponent(invitationId)}/resend`,
    locale ? { locale } : {},
  )
}

/** Withdraws an invitation: its link stops working. */
export function revokeInvitation(invitationId: string): Promise<InvitationView> {
  return requestApi('POST', `/api/invitations/${encodeURIComponent(invitationId)}/revoke`, {})
}

/** Invites every applicant of a program who has no login yet; answers the counts. */
export function inviteProgramApplicants(
  programId: string,
  locale?: UiLocale,
): Promise<ProgramInvitationResult> {
  return requestApi(
    'POST',
    `/api/programs/${encodeURIComponent(programId)}/invitations`,
    locale ? { locale } : {},
  )
}

/** Removes one role from a person. */
export async function removeRoleGrant(grantId: string): Promise<void> {
  await requestApi('DELETE', `/api/role-grants/${encodeURIComponent(grantId)}`, {})
}

/** What the accept page shows for the token in its link (signed out). */
export function fetchInvitationPreview(token: string): Promise<InvitationPreview> {
  return requestApi('GET', `/api/invitations/by-token/${encodeURIComponent(token)}`)
}

/** Accepts an invitation; on success the server has set the session cookie. */
export function acceptInvitation(input: {
  readonly token: string
  readonly name?: string
  readonly password: string
  readonly locale: UiLocale
  readonly hasConsented?: boolean
}): Promise<InvitationAcceptance & { readonly isSignedIn: boolean }> {
  return requestApi('POST', '/api/invitations/accept', input)
}
