import type { EligibilityRule, EligibilityRulesPreview } from '../../domain/index.ts'
import { requireRole } from '../access/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { evaluateProgramApplications } from './evaluate-program-applications.ts'

/**
 * Evaluates a draft rule set against every application without storing anything (operator), so that an
 * operator sees the effect of a change before saving it.
 */
export async function previewEligibilityRules(
  context: ServiceContext,
  programId: string,
  rules: readonly EligibilityRule[],
  options: { referenceDate?: string } = {},
): Promise<EligibilityRulesPreview> {
  requireRole(context.actor, 'operator')
  const program = await getProgram(context, programId)
  const { referenceDate, programStart, programEnd, outcomes } = await evaluateProgramApplications(
    context,
    program,
    rules,
    options,
  )
  const eligible = outcomes.filter((outcome) => outcome.status === 'eligible').length
  const changes = outcomes.filter((outcome) => outcome.status !== outcome.previousStatus)
  return {
    programId,
    referenceDate,
    programStart,
    programEnd,
    checked: outcomes.length,
    eligible,
    ineligible: outcomes.length - eligible,
    overridden: outcomes.filter((outcome) => outcome.isOverridden).length,
    changed: changes.length,
    becomeEligible: changes.filter((outcome) => outcome.status === 'eligible').length,
    becomeIneligible: changes.filter((outcome) => outcome.status === 'ineligible').length,
  }
}
