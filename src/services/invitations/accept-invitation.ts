import type { Kysely } from 'kysely'
import {
  type Actor,
  AppError,
  type InvitationAcceptance,
  type InvitationAcceptInput,
  type InvitationPreview,
  type InvitationStatus,
  type Role,
  type UiLocale,
} from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'
import { createUserAccount, verifyPassword } from '../accounts/index.ts'
import { recordAudit } from '../audit/index.ts'
import { systemClock } from '../service-context.ts'
import { invitationStatusOf } from './invitation-status.ts'
import { hashInvitationToken } from './invitation-token.ts'

/** Why a link no longer works, in the words of the error answer. */
const CLOSED_MESSAGES: Readonly<Record<Exclude<InvitationStatus, 'pending'>, string>> = {
  accepted: 'this invitation has been used already; sign in instead',
  expired: 'this invitation has expired; ask the hub to send it again',
  revoked: 'this invitation has been withdrawn by the hub',
}

function unknownToken(): AppError {
  return new AppError('not_found', 'this invitation link is not valid', [
    { path: 'token', message: 'no invitation has this code' },
  ])
}

/**
 * What the public accept page shows for a token: the hub, the role and company, and, while the invitation
 * is open, the e-mail, the name to pre-fill and whether a login exists already. An unknown token answers
 * `not_found`; a used, expired or revoked one answers its status without personal details.
 */
export async function previewInvitation(
  db: Kysely<Database>,
  token: string,
  options: { readonly now?: Date } = {},
): Promise<InvitationPreview> {
  const now = options.now ?? systemClock()
  const row = await db
    .selectFrom('invitation')
    .innerJoin('hub', 'hub.id', 'invitation.hubId')
    .leftJoin('company', 'company.id', 'invitation.companyId')
    .leftJoin('candidate', 'candidate.id', 'invitation.candidateId')
    .leftJoin('authUser', 'authUser.email', 'invitation.email')
    .select([
      'invitation.email',
      'invitation.name',
      'invitation.role',
      'invitation.locale',
      'invitation.expiresAt',
      'invitation.acceptedAt',
      'invitation.revokedAt',
      'hub.name as hubName',
      'company.name as companyName',
      'candidate.fullName as candidateName',
      'authUser.id as userId',
      'authUser.name as userName',
    ])
    .where('invitation.tokenSha256', '=', hashInvitationToken(token))
    .executeTakeFirst()
  if (!row) throw unknownToken()
  const status = invitationStatusOf(row, now)
  const isOpen = status === 'pending'
  return {
    status,
    hubName: row.hubName,
    role: row.role as Role,
    companyName: row.companyName,
    email: isOpen ? row.email : null,
    name: isOpen ? row.userName || row.name || row.candidateName || '' : null,
    locale: row.locale as UiLocale,
    expiresAt: row.expiresAt.toISOString(),
    hasAccount: isOpen && row.userId !== null,
    needsConsent: row.role === 'candidate',
  }
}

/**
 * Adds an invitation's role to an existing login (unless it holds it already, linking the candidate record)
 * and saves the language it accepted in. A login with another candidate profile answers `conflict`.
 */
async function addRoleToLogin(
  db: Kysely<Database>,
  {
    userId,
    grant,
    locale,
    now,
  }: {
    readonly userId: string
    readonly grant: {
      readonly role: Role
      readonly hubId: string
      readonly companyId: string | null
      readonly candidateId: string | null
    }
    readonly locale: InvitationAcceptInput['locale']
    readonly now: Date
  },
): Promise<void> {
  const grants = await db
    .selectFrom('roleGrant')
    .select(['role', 'companyId', 'candidateId'])
    .where('userId', '=', userId)
    .where('hubId', '=', grant.hubId)
    .execute()
  if (
    grant.role === 'candidate' &&
    grants.some((held) => held.role === 'candidate' && held.candidateId !== grant.candidateId)
  )
    throw new AppError('conflict', 'this login has a candidate profile already')
  const holdsRole = grants.some(
    (held) =>
      held.role === grant.role &&
      held.companyId === grant.companyId &&
      held.candidateId === grant.candidateId,
  )
  if (!holdsRole) {
    await db
      .insertInto('roleGrant')
      .values({ userId, ...grant })
      .execute()
    if (grant.candidateId)
      await db.updateTable('candidate').set({ userId }).where('id', '=', grant.candidateId).execute()
  }
  await db.updateTable('authUser').set({ locale, updatedAt: now }).where('id', '=', userId).execute()
}

/**
 * Accepts an invitation in the caller's transaction: creates the login with its role (a candidate's login
 * is linked to their record, a company member's to the company) or, when a login with the e-mail exists,
 * checks its password and adds the role to it; then marks the invitation accepted, records a candidate's
 * consent with its time, and audits it all. The caller signs the user in after the transaction commits.
 *
 * Unknown token: `not_found`. Used, expired or revoked: `conflict`. Wrong password of an existing login:
 * `unauthenticated`. Missing name (new login) or consent (candidate): `validation_failed`.
 */
export async function acceptInvitation(
  db: Kysely<Database>,
  input: InvitationAcceptInput,
  options: { readonly now?: Date } = {},
): Promise<InvitationAcceptance & { readonly email: string }> {
  const now = options.now ?? systemClock()
  const invitation = await db
    .selectFrom('invitation')
    .selectAll()
    .where('tokenSha256', '=', hashInvitationToken(input.token))
    .forUpdate()
    .executeTakeFirst()
  if (!invitation) throw unknownToken()
  const status = invitationStatusOf(invitation, now)
  if (status !== 'pending')
    throw new AppError('conflict', CLOSED_MESSAGES[status], [{ path: 'body.token', message: status }])
  const role = invitation.role as Role
  if (role === 'candidate' && input.hasConsented !== true) {
    throw new AppError(
      'validation_failed',
      'a candidate must agree to the processing of their personal data',
      [{ path: 'body.hasConsented', message: 'consent is required' }],
    )
  }
  const grant = {
    role,
    hubId: invitation.hubId,
    companyId: invitation.companyId,
    candidateId: invitation.candidateId,
  }
  if (invitation.candidateId) {
    const candidate = await db
      .selectFrom('candidate')
      .select('userId')
      .where('id', '=', invitation.candidateId)
      .executeTakeFirstOrThrow()
    const existing = await db
      .selectFrom('authUser')
      .select('id')
      .where('email', '=', invitation.email)
      .executeTakeFirst()
    if (candidate.userId && candidate.userId !== existing?.id)
      throw new AppError('conflict', 'this candidate profile is linked to another login already')
  }

  const user = await db
    .selectFrom('authUser')
    .innerJoin('authAccount', 'authAccount.userId', 'authUser.id')
    .select(['authUser.id', 'authUser.name', 'authAccount.password'])
    .where('authUser.email', '=', invitation.email)
    .where('authAccount.providerId', '=', 'credential')
    .executeTakeFirst()
  let userId: string
  const isNewAccount = user === undefined
  if (user) {
    const isPasswordRight =
      user.password !== null && (await verifyPassword({ hash: user.password, password: input.password }))
    if (!isPasswordRight) {
      throw new AppError('unauthenticated', `the password does not match the login ${invitation.email}`, [
        { path: 'body.password', message: 'wrong password' },
      ])
    }
    userId = user.id
    await addRoleToLogin(db, { userId, grant, locale: input.locale, now })
  } else {
    const name = input.name?.trim()
    if (!name)
      throw new AppError('validation_failed', 'a new login needs a name', [
        { path: 'body.name', message: 'required' },
      ])
    userId = await createUserAccount(db, {
      email: invitation.email,
      name,
      password: input.password,
      locale: input.locale,
      grants: [grant],
      now,
    })
  }
  await db
    .updateTable('invitation')
    .set({
      acceptedAt: now,
      acceptedUserId: userId,
      consentedAt: role === 'candidate' ? now : null,
    })
    .where('id', '=', invitation.id)
    .execute()
  // The new member is the actor of their own acceptance.
  const actor: Actor = {
    userId,
    email: invitation.email,
    name: user?.name ?? input.name ?? '',
    locale: input.locale,
    grants: [],
  }
  await recordAudit(db, actor, [
    ...(isNewAccount ? [{ action: 'create' as const, entityType: 'user', entityId: userId }] : []),
    {
      action: 'create',
      entityType: 'role_grant',
      entityId: userId,
      detail: {
        role,
        companyId: grant.companyId,
        candidateId: grant.candidateId,
        invitationId: invitation.id,
      },
    },
    { action: 'update', entityType: 'invitation', entityId: invitation.id, detail: { accepted: true } },
    ...(grant.candidateId
      ? [
          {
            action: 'update' as const,
            entityType: 'candidate',
            entityId: grant.candidateId,
            detail: { personalDataConsentAt: now.toISOString(), consentLocale: input.locale, userId },
          },
        ]
      : []),
  ])
  return { userId, role, isNewAccount, email: invitation.email }
}
