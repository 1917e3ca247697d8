import { ENGINE_VERSION } from '../../matching/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { loadRun } from './load-run.ts'
import { type StoredOptions, sha256, solveMarketFile } from './solve-market-file.ts'

/** Runs a stored run again from its market file and options; the result must be identical byte for byte. */
export async function rerunMatchRun(context: ServiceContext, runId: string) {
  requireRole(context.actor, 'operator')
  const run = await loadRun(context.db, hubIdOf(context.actor), runId)
  const resultText = solveMarketFile(run.market, JSON.parse(run.options) as StoredOptions)
  const digest = sha256(resultText)
  return {
    runId,
    isIdentical: resultText === run.result,
    storedResultSha256: run.resultSha256,
    rerunResultSha256: digest,
    engineVersion: ENGINE_VERSION,
    storedEngineVersion: run.engineVersion,
  }
}
