import { z } from 'zod'
import { IdSchema, ShortTextSchema, type UiLocale, UiLocaleSchema } from './common.ts'
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-policy.ts'
import { type Role, RoleSchema } from './user.ts'

/** How long an invitation link stays valid after it is sent (or sent again). */
export const INVITATION_VALIDITY_DAYS = 14

/** Where an invitation stands; derived from its timestamps and the clock. */
export const INVITATION_STATUSES = ['pending', 'accepted', 'expired', 'revoked'] as const
/** One of {@link INVITATION_STATUSES}. */
export const InvitationStatusSchema = z.enum(INVITATION_STATUSES)
/** pending | accepted | expired | revoked */
export type InvitationStatus = z.infer<typeof InvitationStatusSchema>

/** An e-mail address as a login uses it: trimmed and lower-cased. */
export const LoginEmailSchema = z.string().trim().toLowerCase().max(200).pipe(z.email())

/**
 * What an operator sends to invite one person: a company member needs `companyId`; a candidate is linked
 * to the hub's candidate record with that e-mail (or to `candidateId` when several records share it).
 * `locale` defaults to the person's own language (their account's, or the candidate record's best one),
 * else the hub's (Korean).
 */
export const InvitationInputSchema = z
  .strictObject({
    email: LoginEmailSchema,
    role: RoleSchema,
    companyId: IdSchema.optional(),
    candidateId: IdSchema.optional(),
    name: ShortTextSchema.optional(),
    locale: UiLocaleSchema.optional(),
  })
  .superRefine((input, context) => {
    if (input.role === 'company' && !input.companyId)
      context.addIssue({ code: 'custom', path: ['companyId'], message: 'a company member needs a company' })
    if (input.role !== 'company' && input.companyId)
      context.addIssue({
        code: 'custom',
        path: ['companyId'],
        message: 'only company members have a company',
      })
    if (input.role !== 'candidate' && input.candidateId)
      context.addIssue({
        code: 'custom',
        path: ['candidateId'],
        message: 'only candidates are linked to a candidate record',
      })
  })
/** An invitation as the operator writes it. */
export type InvitationInput = z.infer<typeof InvitationInputSchema>

/** "Invite every applicant of this program who has no login yet"; `locale` overrides each one's language. */
export const ProgramInvitationInputSchema = z.strictObject({ locale: UiLocaleSchema.optional() })
/** Options of a bulk invitation. */
export type ProgramInvitationInput = z.infer<typeof ProgramInvitationInputSchema>

/** An invitation token: 32 random bytes in base64url (43 characters). */
export const InvitationTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'must be the 43-character code from the invitation link')

/**
 * What the invitee sends from the accept page. A new login sets `name` and `password`; a person who has
 * a login already confirms it with their current `password`. Candidates must agree to the processing of
 * their personal data (`hasConsented: true`).
 */
export const InvitationAcceptInputSchema = z.strictObject({
  token: InvitationTokenSchema,
  name: ShortTextSchema.optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
  locale: UiLocaleSchema,
  hasConsented: z.boolean().optional(),
})
/** An acceptance as the invitee sends it. */
export type InvitationAcceptInput = z.infer<typeof InvitationAcceptInputSchema>

/** An invitation as the People page lists it (the token is never shown again after sending). */
export interface InvitationView {
  readonly id: string
  readonly email: string
  readonly name: string
  readonly role: Role
  readonly companyId: string | null
  readonly companyName: string | null
  readonly candidateId: string | null
  readonly candidateName: string | null
  readonly locale: UiLocale
  readonly status: InvitationStatus
  readonly createdAt: string
  readonly expiresAt: string
  readonly lastSentAt: string
  readonly sentCount: number
  readonly acceptedAt: string | null
  readonly revokedAt: string | null
  readonly invitedBy: string | null
  /** Whether a login with this e-mail exists already (accepting then adds the role to it). */
  readonly hasAccount: boolean
}

/** An invitation just sent (or sent again): the view plus its link, shown once so it can be copied. */
export interface SentInvitation extends InvitationView {
  readonly acceptUrl: string
}

/** What the public accept page learns from a token; personal details only while the invitation is open. */
export interface InvitationPreview {
  readonly status: InvitationStatus
  readonly hubName: string
  readonly role: Role
  readonly companyName: string | null
  readonly email: string | null
  readonly name: string | null
  readonly locale: UiLocale
  readonly expiresAt: string
  /** A login with this e-mail exists: the invitee confirms their password instead of choosing one. */
  readonly hasAccount: boolean
  /** Candidates agree to the processing of their personal data before their login is created. */
  readonly needsConsent: boolean
}

/** The outcome of accepting an invitation (the answer also carries the session cookie). */
export interface InvitationAcceptance {
  readonly userId: string
  readonly role: Role
  readonly isNewAccount: boolean
}

/** Counts of a bulk "invite the program's applicants". */
export interface ProgramInvitationResult {
  /** Applicants considered (withdrawn applications excepted). */
  readonly applicants: number
  readonly invited: number
  readonly alreadyHasLogin: number
  readonly alreadyInvited: number
  readonly withoutEmail: number
  /** Applicants whose e-mail another applicant of the list uses too (only the first is invited). */
  readonly duplicateEmail: number
}

/** One role a member of the hub holds. */
export interface MemberGrant {
  readonly id: string
  readonly role: Role
  readonly companyId: string | null
  readonly companyName: string | null
  readonly candidateId: string | null
  readonly candidateName: string | null
}

/** A person with a login in the hub and their roles. */
export interface HubMember {
  readonly userId: string
  readonly name: string
  readonly email: string
  readonly locale: UiLocale | null
  readonly createdAt: string
  readonly lastSignInAt: string | null
  readonly grants: readonly MemberGrant[]
}

/** The People page: members, and (operators only) invitations. */
export interface HubPeople {
  readonly members: readonly HubMember[]
  readonly invitations: readonly InvitationView[]
}
