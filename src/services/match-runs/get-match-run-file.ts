import { hubIdOf, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { loadRun } from './load-run.ts'

/** The stored market or result file of a run, byte for byte (operator). */
export async function getMatchRunFile(context: ServiceContext, runId: string, file: 'market' | 'result') {
  requireRole(context.actor, 'operator')
  const run = await loadRun(context.db, hubIdOf(context.actor), runId)
  // The files hold candidate ids and rank lists: each download is audited like an export.
  await recordAudit(context.db, context.actor, [
    { action: 'export', entityType: 'match_run_file', entityId: run.id, detail: { file } },
  ])
  return { text: file === 'market' ? run.market : run.result, fileName: `ieum-${file}-${run.id}.json` }
}
