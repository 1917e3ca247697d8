import type { Kysely } from 'kysely'
import type { InvitationView, Role, UiLocale } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'
import { invitationStatusOf } from './invitation-status.ts'

/** Invitations of a hub with the names the People page shows, newest first. */
export async function loadInvitationViews(
  db: Kysely<Database>,
  filter: { readonly hubId: string; readonly ids?: readonly string[] },
  now: Date,
): Promise<InvitationView[]> {
  if (filter.ids && filter.ids.length === 0) return []
  let query = db
    .selectFrom('invitation')
    .leftJoin('company', 'company.id', 'invitation.companyId')
    .leftJoin('candidate', 'candidate.id', 'invitation.candidateId')
    .leftJoin('authUser as inviter', 'inviter.id', 'invitation.createdBy')
    .leftJoin('authUser as existing', 'existing.email', 'invitation.email')
    .select([
      'invitation.id',
      'invitation.email',
      'invitation.name',
      'invitation.role',
      'invitation.companyId',
      'company.name as companyName',
      'invitation.candidateId',
      'candidate.fullName as candidateName',
      'invitation.locale',
      'invitation.createdAt',
      'invitation.expiresAt',
      'invitation.lastSentAt',
      'invitation.sentCount',
      'invitation.acceptedAt',
      'invitation.revokedAt',
      'inviter.name as invitedBy',
      'existing.id as existingUserId',
    ])
    .where('invitation.hubId', '=', filter.hubId)
  if (filter.ids) query = query.where('invitation.id', 'in', filter.ids)
  const rows = await query.orderBy('invitation.createdAt', 'desc').orderBy('invitation.id').execute()
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    companyId: row.companyId,
    companyName: row.companyName,
    candidateId: row.candidateId,
    candidateName: row.candidateName,
    locale: row.locale as UiLocale,
    status: invitationStatusOf(row, now),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastSentAt: row.lastSentAt.toISOString(),
    sentCount: row.sentCount,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    invitedBy: row.invitedBy,
    hasAccount: row.existingUserId !== null,
  }))
}
