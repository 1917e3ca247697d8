import { AppError, type UiLocale } from '../../domain/index.ts'
import { explainMatch, formatExplanation, recommendCandidates } from '../../scoring/index.ts'
import { hasRole, requireCompanyAccess, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { loadProgramScoring } from './load-program-scoring.ts'

/** A company's recommended shortlist for one of its positions, each with its explanation in `locale`. */
export async function recommendForPosition(
  context: ServiceContext,
  programId: string,
  positionId: string,
  options: { k: number; locale: UiLocale },
) {
  const { db, actor } = context
  requireRole(actor, 'operator', 'company', 'reviewer')
  await getProgram(context, programId)
  const scoring = await loadProgramScoring(db, programId)
  const position = scoring.positions.get(positionId)
  if (!position) throw new AppError('not_found', `no position ${positionId} in this program`)
  if (!hasRole(actor, 'reviewer')) requireCompanyAccess(actor, position.companyId, 'position')
  const shortlist = recommendCandidates(scoring.index, positionId, options.k).map((recommendation) => {
    const candidate = scoring.candidates.get(recommendation.id)!
    const explanation = explainMatch(scoring.index, recommendation.id, positionId)
    return {
      candidateId: candidate.id,
      fullName: candidate.fullName,
      nationality: candidate.nationality,
      residenceCountry: candidate.residenceCountry,
      score: recommendation.score,
      explanation,
      text: formatExplanation(explanation, options.locale),
    }
  })
  await recordAudit(db, actor, [
    {
      action: 'read',
      entityType: 'candidate',
      entityId: null,
      detail: { programId, positionId, shortlist: shortlist.length },
    },
  ])
  return { positionId, positionTitle: position.title, shortlist }
}
