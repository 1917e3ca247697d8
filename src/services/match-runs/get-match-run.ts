import type { MatchRunSummary } from '../../domain/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { loadRun } from './load-run.ts'
import { summariseMatchRun } from './summarise-match-run.ts'

/** One run's summary (operator). */
export async function getMatchRun(context: ServiceContext, runId: string): Promise<MatchRunSummary> {
  requireRole(context.actor, 'operator')
  return summariseMatchRun(context.db, await loadRun(context.db, hubIdOf(context.actor), runId))
}
