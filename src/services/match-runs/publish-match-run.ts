import type { Kysely } from 'kysely'
import { AppError, type MatchRunSummary } from '../../domain/index.ts'
import type { Market, MatchingResult } from '../../matching/index.ts'
import { type Database, findPublishedRunId } from '../../store/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import { notifyRunPublished } from '../notifications/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { loadRun, type StoredRun } from './load-run.ts'
import { summariseMatchRun } from './summarise-match-run.ts'

/**
 * Writes a publication: the run becomes the round's result, other drafts of the round are superseded,
 * every assignment becomes an offer, and the program moves to the acceptance deadline (or second round).
 */
async function recordPublication(
  db: Kysely<Database>,
  run: StoredRun,
  result: MatchingResult,
  publishedAt: Date,
): Promise<void> {
  await db
    .updateTable('matchRun')
    .set({ status: 'published', publishedAt })
    .where('id', '=', run.id)
    .execute()
  await db
    .updateTable('matchRun')
    .set({ status: 'superseded' })
    .where('programId', '=', run.programId)
    .where('round', '=', run.round)
    .where('status', '=', 'draft')
    .execute()
  if (result.assignments.length > 0) {
    await db
      .insertInto('placement')
      .values(
        result.assignments.map((a) => ({
          programId: run.programId,
          matchRunId: run.id,
          candidateId: a.candidate,
          positionId: a.position,
          status: 'offered',
          round: run.round,
          decidedAt: null,
        })),
      )
      .execute()
  }
  await db
    .updateTable('program')
    .set({ phase: run.round === 1 ? 'acceptance_deadline' : 'second_round' })
    .where('id', '=', run.programId)
    .execute()
}

/**
 * Publishes a draft: it becomes the round's result, other drafts of the round are superseded, every
 * assignment becomes an offer, and every candidate and company is notified — nobody is left without an outcome.
 */
export async function publishMatchRun(context: ServiceContext, runId: string): Promise<MatchRunSummary> {
  const { db, actor } = context
  requireRole(actor, 'operator')
  const hubId = hubIdOf(actor)
  // Load and check: only a draft of a round not yet published.
  const run = await loadRun(db, hubId, runId)
  if (run.status !== 'draft') throw new AppError('conflict', `run ${runId} is ${run.status}, not a draft`)
  if (await findPublishedRunId(db, run.programId, run.round))
    throw new AppError('conflict', `round ${run.round} has been published already`)
  const program = await getProgram(context, run.programId)
  const result = JSON.parse(run.result) as MatchingResult
  const market = JSON.parse(run.market) as Market
  // Write, then tell everyone concerned.
  await recordPublication(db, run, result, context.now())
  await notifyRunPublished(db, { hubId, program, round: run.round, market, result })
  await recordAudit(db, actor, [
    {
      action: 'update',
      entityType: 'match_run',
      entityId: runId,
      detail: { published: true, placements: result.assignments.length },
    },
  ])
  return summariseMatchRun(db, await loadRun(db, hubId, runId))
}
