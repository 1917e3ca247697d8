import { AppError, type ApplicationEligibility } from '../../domain/index.ts'
import { requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { loadApplicationEligibility } from './load-application-eligibility.ts'

/**
 * Removes an operator's override (operator): the application's status goes back to what its stored
 * verdict says, or to submitted if it was never checked. The reason is recorded in the audit log.
 */
export async function clearEligibilityOverride(
  context: ServiceContext,
  applicationId: string,
  input: { reason: string },
): Promise<ApplicationEligibility> {
  const { db, actor } = context
  requireRole(actor, 'operator')
  const reason = input.reason.trim()
  const [current] = await loadApplicationEligibility(context, { applicationId })
  if (!current) throw new AppError('not_found', `no application ${applicationId}`)
  if (!current.isOverridden) throw new AppError('conflict', 'this application has no override to remove')
  if (current.status === 'withdrawn')
    throw new AppError('conflict', 'this application was withdrawn; its eligibility cannot be changed')
  const status =
    current.verdict === null ? 'submitted' : current.verdict.isEligible ? 'eligible' : 'ineligible'
  await db
    .updateTable('application')
    .set({ status, overrideReason: null, overriddenBy: null })
    .where('id', '=', applicationId)
    .execute()
  await recordAudit(db, actor, [
    {
      action: 'update',
      entityType: 'application',
      entityId: applicationId,
      detail: {
        eligibilityOverrideRemoved: current.status,
        previousReason: current.overrideReason,
        status,
        reason,
      },
    },
  ])
  const [updated] = await loadApplicationEligibility(context, { applicationId })
  if (!updated) throw new AppError('not_found', `no application ${applicationId}`)
  return updated
}
