import { INVITATION_VALIDITY_DAYS } from '../../domain/index.ts'

const DAY_MS = 24 * 60 * 60 * 1000

export function expiryFrom(now: Date): Date {
  return new Date(now.getTime() + INVITATION_VALIDITY_DAYS * DAY_MS)
}
