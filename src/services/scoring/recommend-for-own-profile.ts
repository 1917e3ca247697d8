import { AppError, type UiLocale } from '../../domain/index.ts'
import { explainMatch, formatExplanation, recommendPositions } from '../../scoring/index.ts'
import { candidateIdOf, requireRole } from '../access/index.ts'
import { getProgram } from '../programs/index.ts'
import { requireRankableApplication } from '../rankings/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { loadProgramScoring } from './load-program-scoring.ts'

/**
 * The signed-in candidate's recommended positions in a program, with explanations in `locale`. Only for an
 * application in the running: not applied or withdrawn is `application_inactive`, found not eligible is
 * `application_ineligible` (with the verdict's unmet reasons in `locale` as issues).
 */
export async function recommendForOwnProfile(
  context: ServiceContext,
  programId: string,
  options: { k: number; locale: UiLocale },
) {
  requireRole(context.actor, 'candidate')
  const candidateId = candidateIdOf(context.actor)
  await getProgram(context, programId)
  await requireRankableApplication(context.db, programId, candidateId, options.locale)
  const scoring = await loadProgramScoring(context.db, programId)
  if (!candidateId || !scoring.candidates.has(candidateId)) {
    throw new AppError('application_inactive', 'apply to this program to see recommended positions')
  }
  return recommendPositions(scoring.index, candidateId, options.k).map((recommendation) => {
    const position = scoring.positions.get(recommendation.id)!
    const explanation = explainMatch(scoring.index, candidateId, recommendation.id)
    return {
      positionId: position.id,
      title: position.title,
      companyId: position.companyId,
      score: recommendation.score,
      text: formatExplanation(explanation, options.locale),
    }
  })
}
