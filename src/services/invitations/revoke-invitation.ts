import { AppError, type InvitationView } from '../../domain/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { invitationStatusOf } from './invitation-status.ts'
import { loadInvitationView } from './load-invitation-view.ts'

/** Revokes an open or expired invitation: its link stops working. Revoking twice is harmless. */
export async function revokeInvitation(
  { db, actor, now: clock }: ServiceContext,
  invitationId: string,
): Promise<InvitationView> {
  requireRole(actor, 'operator')
  const hubId = hubIdOf(actor)
  const now = clock()
  const row = await db
    .selectFrom('invitation')
    .select(['id', 'expiresAt', 'acceptedAt', 'revokedAt'])
    .where('id', '=', invitationId)
    .where('hubId', '=', hubId)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw new AppError('not_found', `no invitation ${invitationId}`)
  const status = invitationStatusOf(row, now)
  if (status === 'accepted')
    throw new AppError(
      'conflict',
      'this invitation has been accepted; remove the role from the person instead',
    )
  if (status !== 'revoked') {
    await db
      .updateTable('invitation')
      .set({ revokedAt: now, revokedBy: actor.userId })
      .where('id', '=', row.id)
      .execute()
    await recordAudit(db, actor, [
      { action: 'update', entityType: 'invitation', entityId: row.id, detail: { revoked: true } },
    ])
  }
  return loadInvitationView(db, hubId, row.id, now)
}
