import type { ApplicantFit, RankEntry, ScoreDerivedRanking } from '../../domain/index.ts'
import { EXCLUDED_SCORE, explainPair, scoreMatrix } from '../../scoring/index.ts'
import { requireCompanyAccess, requireRole } from '../access/index.ts'
import { getProgram } from '../programs/index.ts'
import { deriveScoreRankings, loadProgramScoring } from '../scoring/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { requireOwnProgramPosition } from './require-own-program-position.ts'

/**
 * The ranking a company would get from fit scores for one of its positions (exactly the list the match uses
 * for a position nobody ranked), or for all its positions at once (each applicant by their best fit over the
 * company's positions). Companies start from it and edit.
 */
export async function getScoreDerivedCompanyRanking(
  context: ServiceContext,
  programId: string,
  companyId: string,
  positionId: string | null = null,
): Promise<ScoreDerivedRanking> {
  const { db, actor } = context
  requireRole(actor, 'operator', 'company')
  requireCompanyAccess(actor, companyId, 'company')
  await getProgram(context, programId)
  if (positionId) await requireOwnProgramPosition(db, programId, companyId, positionId)
  const scoring = await loadProgramScoring(db, programId)
  const { candidateIds, positionIds } = scoring.index
  const ownColumns = positionIds.flatMap((id, column) =>
    (positionId ? id === positionId : scoring.positions.get(id)?.companyId === companyId) ? [column] : [],
  )
  if (ownColumns.length === 0) return { positionId, entries: [], fits: [] }
  const matrix = scoreMatrix(scoring.index)
  const fits: ApplicantFit[] = []
  candidateIds.forEach((candidateId, row) => {
    let best = EXCLUDED_SCORE
    for (const column of ownColumns) best = Math.max(best, matrix[row * positionIds.length + column]!)
    if (best !== EXCLUDED_SCORE) {
      fits.push({ candidateId, score: best, isExcluded: false })
      return
    }
    // Excluded everywhere: report the score the applicant would have had, so the company can judge.
    let soft = 0
    for (const column of ownColumns) soft = Math.max(soft, explainPair(scoring.index, row, column).softScore)
    fits.push({ candidateId, score: soft, isExcluded: true })
  })
  let entries: RankEntry[]
  if (positionId) {
    entries = deriveScoreRankings(scoring).get(positionId) ?? []
  } else {
    const kept = fits
      .filter((fit) => !fit.isExcluded)
      .sort((a, b) => b.score - a.score || (a.candidateId < b.candidateId ? -1 : 1))
    const tiers: string[][] = []
    let lastScore: number | null = null
    for (const fit of kept) {
      if (fit.score !== lastScore) tiers.push([])
      tiers[tiers.length - 1]!.push(fit.candidateId)
      lastScore = fit.score
    }
    entries = tiers.map((tier) => (tier.length === 1 ? tier[0]! : tier))
  }
  return { positionId, entries, fits }
}
