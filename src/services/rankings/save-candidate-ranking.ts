import { AppError, type RankingView } from '../../domain/index.ts'
import { candidateIdOf, requireRole } from '../access/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { checkRankEntries } from './check-rank-entries.ts'
import { getCandidateRanking } from './get-candidate-ranking.ts'
import { isRankingFrozen } from './is-ranking-frozen.ts'
import { requireRankableApplication } from './require-rankable-application.ts'
import { writeRanking } from './write-ranking.ts'

/** Saves the signed-in candidate's rank list (positions of the program, best first; no ties). */
export async function saveCandidateRanking(
  context: ServiceContext,
  programId: string,
  entries: readonly string[],
): Promise<RankingView> {
  const { db, actor } = context
  requireRole(actor, 'candidate')
  const candidateId = candidateIdOf(actor)
  if (!candidateId) throw new AppError('not_found', 'this account has no candidate profile')
  const program = await getProgram(context, programId)
  if (isRankingFrozen(program.phase)) {
    throw new AppError('phase_closed', 'rank lists of this program are frozen and can no longer change')
  }
  // The match leaves out applicants found not eligible, so their list would be silently ignored: refuse it.
  await requireRankableApplication(db, programId, candidateId)
  const positions = await db
    .selectFrom('programPosition')
    .select('positionId')
    .where('programId', '=', programId)
    .execute()
  checkRankEntries(entries, new Set(positions.map((p) => p.positionId)), 'position')
  await writeRanking(
    db,
    context.now(),
    { programId, side: 'candidate', candidateId, companyId: null, positionId: null },
    entries,
  )
  return getCandidateRanking(context, programId)
}
