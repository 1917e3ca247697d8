/** Invitations and the hub's people: inviting by e-mail to a role, resending, revoking, accepting a link. */

export { acceptInvitation, previewInvitation } from './accept-invitation.ts'
export { createInvitation, type InvitationOptions } from './create-invitation.ts'
export { listHubPeople, removeRoleGrant } from './hub-people.ts'
export { buildAcceptUrl, createInvitationToken, hashInvitationToken } from './invitation-token.ts'
export { inviteProgramApplicants } from './invite-program-applicants.ts'
export { HUB_LOCALE, preferredCandidateLocale } from './preferred-locale.ts'
export { resendInvitation } from './resend-invitation.ts'
export { revokeInvitation } from './revoke-invitation.ts'
export { type InvitationEmail, sendInvitationEmails } from './send-invitation-emails.ts'
