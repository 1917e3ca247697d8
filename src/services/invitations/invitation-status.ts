import type { InvitationStatus } from '../../domain/index.ts'

/** The timestamps an invitation's status is read from. */
export interface InvitationTimes {
  readonly expiresAt: Date
  readonly acceptedAt: Date | null
  readonly revokedAt: Date | null
}

/** Revoked and accepted are final; an open invitation expires at `expiresAt` (exclusive). */
export function invitationStatusOf(times: InvitationTimes, now: Date): InvitationStatus {
  if (times.revokedAt) return 'revoked'
  if (times.acceptedAt) return 'accepted'
  return times.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending'
}
