import { AppError, type Role, type SentInvitation, type UiLocale } from '../../domain/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'
import type { InvitationOptions } from './create-invitation.ts'
import { hubNameOf } from './hub-name-of.ts'
import { expiryFrom } from './invitation-expiry.ts'
import { invitationStatusOf } from './invitation-status.ts'
import { buildAcceptUrl, createInvitationToken } from './invitation-token.ts'
import { loadInvitationView } from './load-invitation-view.ts'
import { sendInvitationEmails } from './send-invitation-emails.ts'

/**
 * Sends an open or expired invitation again with a new link valid for 14 days; the old link stops working.
 * `locale` changes the language of this and later e-mails. Accepted or revoked invitations answer `conflict`.
 */
export async function resendInvitation(
  { db, actor, now: clock }: ServiceContext,
  invitationId: string,
  input: { readonly locale?: UiLocale },
  options: InvitationOptions,
): Promise<SentInvitation> {
  requireRole(actor, 'operator')
  const hubId = hubIdOf(actor)
  const now = clock()
  const row = await db
    .selectFrom('invitation')
    .leftJoin('company', 'company.id', 'invitation.companyId')
    .leftJoin('authUser', 'authUser.email', 'invitation.email')
    .select([
      'invitation.id',
      'invitation.email',
      'invitation.name',
      'invitation.role',
      'invitation.locale',
      'invitation.expiresAt',
      'invitation.acceptedAt',
      'invitation.revokedAt',
      'company.name as companyName',
      'authUser.id as userId',
    ])
    .where('invitation.id', '=', invitationId)
    .where('invitation.hubId', '=', hubId)
    .forUpdate('invitation')
    .executeTakeFirst()
  if (!row) throw new AppError('not_found', `no invitation ${invitationId}`)
  const status = invitationStatusOf(row, now)
  if (status === 'accepted') throw new AppError('conflict', 'this invitation has been accepted already')
  if (status === 'revoked')
    throw new AppError('conflict', 'this invitation has been revoked; send a new invitation instead')
  const { token, tokenSha256 } = createInvitationToken()
  const expiresAt = expiryFrom(now)
  const locale = input.locale ?? (row.locale as UiLocale)
  await db
    .updateTable('invitation')
    .set((eb) => ({ tokenSha256, expiresAt, locale, lastSentAt: now, sentCount: eb('sentCount', '+', 1) }))
    .where('id', '=', row.id)
    .execute()
  await sendInvitationEmails(db, options.baseUrl, [
    {
      hubId,
      hubName: await hubNameOf(db, hubId),
      inviterName: actor.name,
      email: row.email,
      name: row.name,
      role: row.role as Role,
      companyName: row.companyName,
      locale,
      token,
      expiresAt,
      userId: row.userId,
    },
  ])
  await recordAudit(db, actor, [
    { action: 'update', entityType: 'invitation', entityId: row.id, detail: { resent: true, locale } },
  ])
  return {
    ...(await loadInvitationView(db, hubId, row.id, now)),
    acceptUrl: buildAcceptUrl(options.baseUrl, token),
  }
}
