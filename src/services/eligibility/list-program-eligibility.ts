import type { ApplicationEligibility } from '../../domain/index.ts'
import { requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { loadApplicationEligibility } from './load-application-eligibility.ts'

/** Every application's eligibility in a program, for operators and reviewers (audited: personal data). */
export async function listProgramEligibility(
  context: ServiceContext,
  programId: string,
): Promise<ApplicationEligibility[]> {
  requireRole(context.actor, 'operator', 'reviewer')
  await getProgram(context, programId)
  const list = await loadApplicationEligibility(context, { programId })
  await recordAudit(context.db, context.actor, [
    {
      action: 'read',
      entityType: 'application',
      entityId: null,
      detail: { programId, eligibility: list.length },
    },
  ])
  return list
}
