import type { MatchRunSummary } from '../../domain/index.ts'
import { requireRole } from '../access/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { summariseMatchRun } from './summarise-match-run.ts'

/** A program's match runs, newest first (operator). */
export async function listMatchRuns(context: ServiceContext, programId: string): Promise<MatchRunSummary[]> {
  requireRole(context.actor, 'operator')
  await getProgram(context, programId)
  const rows = await context.db
    .selectFrom('matchRun')
    .selectAll()
    .where('programId', '=', programId)
    .orderBy('createdAt', 'desc')
    .execute()
  return Promise.all(rows.map((row) => summariseMatchRun(context.db, row)))
}
