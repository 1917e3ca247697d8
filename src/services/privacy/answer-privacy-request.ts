import { AppError } from '../../domain/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { eraseCandidate } from './erase-candidate.ts'
import { type PrivacyRequestView, toPrivacyRequestView } from './privacy-request-view.ts'

/**
 * An operator answers a request: `done` (an erasure or withdrawal request then erases the candidate's personal
 * data, in the same transaction) or `refused`, with an answer the candidate reads. A request is answered once.
 */
export async function answerPrivacyRequest(
  context: ServiceContext,
  requestId: string,
  input: { readonly status: 'done' | 'refused'; readonly answer: string },
): Promise<PrivacyRequestView> {
  const { db, actor } = context
  requireRole(actor, 'operator')
  const hubId = hubIdOf(actor)
  const request = await db
    .selectFrom('privacyRequest')
    .selectAll()
    .where('id', '=', requestId)
    .where('hubId', '=', hubId)
    .executeTakeFirst()
  if (!request) throw new AppError('not_found', `no privacy request ${requestId}`)
  if (request.status !== 'open') throw new AppError('conflict', 'this request was answered already')
  const now = context.now()
  if (input.status === 'done' && (request.kind === 'erasure' || request.kind === 'withdraw_consent'))
    await eraseCandidate(db, { candidateId: request.candidateId, hubId, now, actorUserId: actor.userId })
  const row = await db
    .updateTable('privacyRequest')
    .set({ status: input.status, answer: input.answer, answeredAt: now, answeredBy: actor.userId })
    .where('id', '=', requestId)
    .returningAll()
    .executeTakeFirstOrThrow()
  await recordAudit(db, actor, [
    {
      action: 'update',
      entityType: 'privacy_request',
      entityId: requestId,
      detail: { status: input.status },
    },
  ])
  return toPrivacyRequestView(row)
}
