import { AppError, type CandidateRoundResult } from '../../domain/index.ts'
import { explainCandidate, type MatchingResult } from '../../matching/index.ts'
import { listPositionLabels, selectPublishedRuns } from '../../store/index.ts'
import { candidateIdOf, requireRole } from '../access/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'

/**
 * The signed-in candidate's published outcomes in a program, round by round: the placement and its status,
 * or an honest "not matched", with why not for every position ranked above.
 */
export async function getOwnResults(
  context: ServiceContext,
  programId: string,
): Promise<CandidateRoundResult[]> {
  const { db, actor } = context
  requireRole(actor, 'candidate')
  const candidateId = candidateIdOf(actor)
  if (!candidateId) throw new AppError('not_found', 'this account has no candidate profile')
  const program = await getProgram(context, programId)
  const runs = await selectPublishedRuns(db, programId)
    .select(['id', 'round', 'result', 'publishedAt'])
    .execute()
  const results: CandidateRoundResult[] = []
  for (const run of runs) {
    const result = JSON.parse(run.result) as MatchingResult
    const explanation = explainCandidate(result, candidateId) ?? undefined
    const unmatched = result.unmatched.find((u) => u.candidate === candidateId)
    const placement = await db
      .selectFrom('placement')
      .select(['id', 'status', 'positionId'])
      .where('matchRunId', '=', run.id)
      .where('candidateId', '=', candidateId)
      .executeTakeFirst()
    const labelRows = await listPositionLabels(db, [
      ...(explanation?.reasons.map((r) => r.position) ?? []),
      ...(placement ? [placement.positionId] : []),
    ])
    const labels = new Map(labelRows.map((row) => [row.id, row]))
    const placedLabel = placement ? labels.get(placement.positionId) : undefined
    results.push({
      round: run.round,
      runId: run.id,
      publishedAt: run.publishedAt?.toISOString() ?? null,
      isInMarket: explanation !== undefined || unmatched !== undefined,
      placement:
        placement && placedLabel
          ? {
              id: placement.id,
              status: placement.status,
              positionId: placement.positionId,
              positionTitle: placedLabel.title,
              companyName: placedLabel.companyName,
              choiceRank: explanation?.choiceRank ?? null,
            }
          : null,
      unmatchedReason: unmatched?.reason ?? null,
      reasons: (explanation?.reasons ?? []).map((reason) => ({
        code: reason.code,
        positionId: reason.position,
        positionTitle: labels.get(reason.position)?.title ?? reason.position,
        companyName: labels.get(reason.position)?.companyName ?? '',
        cutoffRank: reason.cutoffRank ?? null,
        candidateRank: reason.candidateRank ?? null,
        isTie: reason.isTie ?? false,
      })),
      acceptanceDeadline:
        program.timeline.find((step) => step.phase === 'acceptance_deadline')?.startsOn ?? null,
    })
  }
  return results
}
