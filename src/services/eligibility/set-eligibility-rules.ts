import type { EligibilityRule } from '../../domain/index.ts'
import { requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'

/** Replaces a program's eligibility rules (operator). Returns the stored rules. */
export async function setEligibilityRules(
  context: ServiceContext,
  programId: string,
  rules: readonly EligibilityRule[],
): Promise<EligibilityRule[]> {
  requireRole(context.actor, 'operator')
  await getProgram(context, programId)
  await context.db
    .updateTable('program')
    .set({ eligibilityRules: JSON.stringify(rules) })
    .where('id', '=', programId)
    .execute()
  await recordAudit(context.db, context.actor, [
    {
      action: 'update',
      entityType: 'program',
      entityId: programId,
      detail: { eligibilityRules: rules.length },
    },
  ])
  return [...rules]
}
