import { AppError, type Application } from '../../domain/index.ts'
import { toApplication } from '../../store/index.ts'
import { candidateIdOf, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import { queueNotifications } from '../notifications/index.ts'
import { getProgram } from '../programs/index.ts'
import { isRankingFrozen } from '../rankings/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { programPath } from './program-path.ts'

/**
 * The signed-in candidate withdraws an application. Allowed until rank lists freeze (after that the
 * match is being prepared; a placed candidate declines the offer instead). Audited; the candidate gets a
 * confirmation.
 */
export async function withdrawOwnApplication(
  context: ServiceContext,
  applicationId: string,
  reason?: string,
): Promise<Application> {
  const { db, actor } = context
  requireRole(actor, 'candidate')
  const candidateId = candidateIdOf(actor)
  const row = await db
    .selectFrom('application')
    .innerJoin('candidate', 'candidate.id', 'application.candidateId')
    .select(['application.id', 'application.programId', 'application.status', 'candidate.fullName'])
    .where('application.id', '=', applicationId)
    .where('application.candidateId', '=', candidateId ?? '00000000-0000-0000-0000-000000000000')
    .executeTakeFirst()
  if (!row) throw new AppError('not_found', `no application ${applicationId}`)
  if (row.status === 'withdrawn') throw new AppError('conflict', 'this application was withdrawn already')
  const program = await getProgram(context, row.programId)
  if (isRankingFrozen(program.phase)) {
    throw new AppError(
      'phase_closed',
      'applications can no longer be withdrawn: rank lists are frozen and the match is being prepared',
    )
  }
  const updated = await db
    .updateTable('application')
    .set({ status: 'withdrawn' })
    .where('id', '=', applicationId)
    .returningAll()
    .executeTakeFirstOrThrow()
  await recordAudit(db, actor, [
    {
      action: 'update',
      entityType: 'application',
      entityId: applicationId,
      detail: { withdrawn: true, previousStatus: row.status, ...(reason ? { reason } : {}) },
    },
  ])
  await queueNotifications(db, [
    {
      hubId: program.hubId,
      userId: actor.userId,
      email: actor.email,
      locale: actor.locale,
      kind: 'application_withdrawn',
      params: { name: row.fullName, program: program.title },
      link: programPath(program.id),
    },
  ])
  return toApplication(updated)
}
