import type { RankEntry, RankingView } from '../../domain/index.ts'
import { requireCompanyAccess, requireRole } from '../access/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { programFacts } from './program-facts.ts'
import { readRanking } from './read-ranking.ts'

/** A company's rank list of applicants (for all its positions, or one position when `positionId` is set). */
export async function getCompanyRanking(
  context: ServiceContext,
  programId: string,
  companyId: string,
  positionId: string | null = null,
): Promise<RankingView> {
  requireRole(context.actor, 'operator', 'company')
  requireCompanyAccess(context.actor, companyId, 'company')
  const program = await getProgram(context, programId)
  const row = await readRanking(context.db, { programId, side: 'company', companyId, positionId })
  return {
    entries: (row?.entries as RankEntry[] | undefined) ?? [],
    updatedAt: row?.updatedAt.toISOString() ?? null,
    ...programFacts(program),
  }
}
