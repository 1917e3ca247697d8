import type { NextRoundPreview, OfferSummary, RoundOffers } from '../../domain/index.ts'
import { listPositionLabels, selectPublishedRuns } from '../../store/index.ts'
import { requireRole } from '../access/index.ts'
import { acceptanceDeadlineOf, getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { buildProgramMarket } from './build-program-market.ts'

const AFTER_DEADLINE_PHASES: readonly string[] = ['second_round', 'running', 'closed']

/**
 * The answers to a program's offers round by round, and a preview of the next round built from the same
 * snapshot a run would use: accepted placements and pending offers keep their seats, candidates who
 * declined leave, every other eligible applicant without a placement takes part.
 */
export async function getOfferSummary(context: ServiceContext, programId: string): Promise<OfferSummary> {
  const { db, actor } = context
  requireRole(actor, 'operator')
  const program = await getProgram(context, programId)
  const runs = await selectPublishedRuns(db, programId).select(['id', 'round', 'publishedAt']).execute()
  const placements = await db
    .selectFrom('placement')
    .select(['matchRunId', 'positionId', 'status'])
    .where('programId', '=', programId)
    .execute()
  const rounds: RoundOffers[] = runs.map((run) => {
    const own = placements.filter((p) => p.matchRunId === run.id)
    const count = (status: string) => own.filter((p) => p.status === status).length
    return {
      round: run.round,
      runId: run.id,
      publishedAt: run.publishedAt?.toISOString() ?? null,
      offers: own.length,
      accepted: count('accepted'),
      declined: count('declined'),
      pending: count('offered'),
      expired: count('expired'),
    }
  })
  const deadline = acceptanceDeadlineOf(program.timeline) || null
  const today = context.now().toISOString().slice(0, 10)
  const isDeadlinePassed =
    AFTER_DEADLINE_PHASES.includes(program.phase) || (deadline !== null && deadline < today)
  let nextRound: NextRoundPreview | null = null
  const last = rounds.at(-1)
  if (last) {
    const round = last.round + 1
    const market = await buildProgramMarket(db, programId, { round })
    const labels = await listPositionLabels(
      db,
      market.positions.map((p) => p.id),
    )
    const labelOf = new Map(labels.map((row) => [row.id, row]))
    const declinedAt = new Map<string, number>()
    for (const p of placements)
      if (p.status === 'declined') declinedAt.set(p.positionId, (declinedAt.get(p.positionId) ?? 0) + 1)
    const drafts = await db
      .selectFrom('matchRun')
      .select('id')
      .where('programId', '=', programId)
      .where('round', '=', round)
      .where('status', '=', 'draft')
      .execute()
    nextRound = {
      round,
      candidates: market.candidates.length,
      seats: market.positions.reduce((sum, p) => sum + p.capacity, 0),
      acceptedKept: placements.filter((p) => p.status === 'accepted').length,
      pendingKept: placements.filter((p) => p.status === 'offered').length,
      declinedExcluded: placements.filter((p) => p.status === 'declined').length,
      drafts: drafts.length,
      positions: market.positions
        .filter((p) => p.capacity > 0)
        .map((p) => ({
          positionId: p.id,
          title: labelOf.get(p.id)?.title ?? p.id,
          companyName: labelOf.get(p.id)?.companyName ?? '',
          freeSeats: p.capacity,
          declined: declinedAt.get(p.id) ?? 0,
        }))
        .sort(
          (a, b) =>
            b.declined - a.declined ||
            a.companyName.localeCompare(b.companyName) ||
            a.title.localeCompare(b.title),
        ),
    }
  }
  return {
    programId,
    phase: program.phase,
    acceptanceDeadline: deadline,
    isDeadlinePassed,
    rounds,
    nextRound,
  }
}
