import { hubIdOf, requireRole } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { loadRun } from './load-run.ts'

/** The stored market or result file of a run, byte for byte (operator). */
export async function getMatchRunFile(context: ServiceContext, runId: string, file: 'market' | 'result') {
  requireRole(context.actor, 'operator')
  const run = await loadRun(context.db, hubIdOf(context.actor), runId)
  return { text: file === 'market' ? run.market : run.result, fileName: `ieum-${file}-${run.id}.json` }
}
