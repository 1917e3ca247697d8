import { AppError, type Candidate, type CandidateInput } from '../../domain/index.ts'
import { fromCandidateInput, toCandidate } from '../../store/index.ts'
import { candidateIdOf, hasRole, hubIdOf } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { assertEmailUnclaimed } from './assert-email-unclaimed.ts'

/** Changes a candidate's profile (the candidate themself or an operator). Audited with the changed fields. */
export async function updateCandidate(
  context: ServiceContext,
  candidateId: string,
  patch: Partial<CandidateInput>,
): Promise<Candidate> {
  const { db, actor } = context
  if (!hasRole(actor, 'operator') && candidateIdOf(actor) !== candidateId) {
    throw new AppError('not_found', `no candidate ${candidateId}`)
  }
  const values = fromCandidateInput(patch)
  if (!hasRole(actor, 'operator')) delete (values as { externalKey?: string }).externalKey
  if (patch.email !== undefined)
    await assertEmailUnclaimed(db, {
      email: patch.email,
      hubId: hubIdOf(actor),
      candidateId,
      path: 'body.email',
    })
  const row = await db
    .updateTable('candidate')
    .set({ ...values, updatedAt: context.now() })
    .where('id', '=', candidateId)
    .where('hubId', '=', hubIdOf(actor))
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new AppError('not_found', `no candidate ${candidateId}`)
  await recordAudit(db, actor, [
    {
      action: 'update',
      entityType: 'candidate',
      entityId: candidateId,
      detail: { fields: Object.keys(values) },
    },
  ])
  return toCandidate(row)
}
