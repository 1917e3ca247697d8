import { AppError, type ApplicationEligibility } from '../../domain/index.ts'
import { requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { loadApplicationEligibility } from './load-application-eligibility.ts'

/**
 * Sets an application eligible or ineligible by hand (operator), whatever the rules say; the reason and
 * the operator are recorded on the application and in the audit log, and later checks keep the decision.
 */
export async function overrideEligibility(
  context: ServiceContext,
  applicationId: string,
  input: { isEligible: boolean; reason: string },
): Promise<ApplicationEligibility> {
  const { db, actor } = context
  requireRole(actor, 'operator')
  const reason = input.reason.trim()
  if (reason.length < 3 || reason.length > 1000) {
    throw new AppError('validation_failed', 'an override needs a reason of 3 to 1000 characters', [
      { path: 'reason', message: 'must be 3 to 1000 characters' },
    ])
  }
  const [current] = await loadApplicationEligibility(context, { applicationId })
  if (!current) throw new AppError('not_found', `no application ${applicationId}`)
  if (current.status === 'withdrawn')
    throw new AppError('conflict', 'this application was withdrawn; its eligibility cannot be overridden')
  const status = input.isEligible ? 'eligible' : 'ineligible'
  await db
    .updateTable('application')
    .set({ status, overrideReason: reason, overriddenBy: actor.userId })
    .where('id', '=', applicationId)
    .execute()
  await recordAudit(db, actor, [
    {
      action: 'update',
      entityType: 'application',
      entityId: applicationId,
      detail: { eligibilityOverride: status, previousStatus: current.status, reason },
    },
  ])
  const [updated] = await loadApplicationEligibility(context, { applicationId })
  if (!updated) throw new AppError('not_found', `no application ${applicationId}`)
  return updated
}
