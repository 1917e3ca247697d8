import type { EligibilityRule } from '../../domain/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { loadRules } from './evaluate-program-applications.ts'

/** A program's eligibility rules, for anyone taking part in it (calls are public). */
export async function getEligibilityRules(
  context: ServiceContext,
  programId: string,
): Promise<EligibilityRule[]> {
  await getProgram(context, programId)
  return loadRules(context, programId)
}
