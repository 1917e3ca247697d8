import { computeSkillSupplyDemand } from '../../scoring/index.ts'
import { requireRole } from '../access/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { loadProgramScoring } from './load-program-scoring.ts'

/** Per skill, how many applicants offer it and how many seats require it: the talent-gap table. */
export async function getSkillSupplyDemand(context: ServiceContext, programId: string) {
  requireRole(context.actor, 'operator', 'reviewer')
  await getProgram(context, programId)
  const scoring = await loadProgramScoring(context.db, programId)
  return computeSkillSupplyDemand(scoring.index)
}
