import { AppError } from '../../domain/index.ts'
import { listCompanyMembers } from '../../store/index.ts'
import { candidateIdOf, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import { queueNotifications } from '../notifications/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'

/** Phases in which published offers can be answered; the operator closes the window by moving on. */
const OFFER_OPEN_PHASES: readonly string[] = ['publish', 'acceptance_deadline', 'second_round']

/** The signed-in candidate accepts or declines an offer before the acceptance deadline. */
export async function respondToOffer(
  context: ServiceContext,
  placementId: string,
  decision: 'accept' | 'decline',
) {
  const { db, actor } = context
  requireRole(actor, 'candidate')
  const placement = await db
    .selectFrom('placement')
    .innerJoin('position', 'position.id', 'placement.positionId')
    .innerJoin('candidate', 'candidate.id', 'placement.candidateId')
    .select([
      'placement.id',
      'placement.status',
      'placement.programId',
      'placement.candidateId',
      'position.title',
      'position.companyId',
      'candidate.fullName',
    ])
    .where('placement.id', '=', placementId)
    .executeTakeFirst()
  if (!placement || placement.candidateId !== candidateIdOf(actor))
    throw new AppError('not_found', `no offer ${placementId}`)
  if (placement.status !== 'offered')
    throw new AppError('conflict', `this offer was ${placement.status} already`)
  const program = await getProgram(context, placement.programId)
  if (!OFFER_OPEN_PHASES.includes(program.phase)) {
    throw new AppError('phase_closed', 'the acceptance deadline has passed; offers can no longer be answered')
  }
  const status = decision === 'accept' ? 'accepted' : 'declined'
  await db
    .updateTable('placement')
    .set({ status, decidedAt: context.now() })
    .where('id', '=', placementId)
    .execute()
  const members = await listCompanyMembers(db, [placement.companyId])
  await queueNotifications(
    db,
    members.map((member) => ({
      hubId: member.hubId,
      userId: member.id,
      email: member.email,
      locale: member.locale ?? 'ko',
      kind: decision === 'accept' ? 'offer_accepted' : 'offer_declined',
      params: { program: program.title, candidate: placement.fullName, position: placement.title },
    })),
  )
  await recordAudit(db, actor, [
    { action: 'update', entityType: 'placement', entityId: placementId, detail: { status } },
  ])
  return { id: placementId, status }
}
