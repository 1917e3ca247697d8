import type { RankEntry, RankingView } from '../../domain/index.ts'
import { candidateIdOf, requireRole } from '../access/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { programFacts } from './program-facts.ts'
import { readRanking } from './read-ranking.ts'

/** The signed-in candidate's rank list of a program's positions. */
export async function getCandidateRanking(context: ServiceContext, programId: string): Promise<RankingView> {
  requireRole(context.actor, 'candidate')
  const candidateId = candidateIdOf(context.actor)
  const program = await getProgram(context, programId)
  const row = candidateId
    ? await readRanking(context.db, { programId, side: 'candidate', candidateId })
    : undefined
  return {
    entries: (row?.entries as RankEntry[] | undefined) ?? [],
    updatedAt: row?.updatedAt.toISOString() ?? null,
    ...programFacts(program),
  }
}
