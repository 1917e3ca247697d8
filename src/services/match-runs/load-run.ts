import type { Kysely } from 'kysely'
import { AppError } from '../../domain/index.ts'
import { type Database, findRunInHub } from '../../store/index.ts'

/** A stored match run of the hub; another hub's run answers not found. */
export async function loadRun(db: Kysely<Database>, hubId: string, runId: string) {
  const run = await findRunInHub(db, hubId, runId)
  if (!run) throw new AppError('not_found', `no match run ${runId}`)
  return run
}

/** A stored match run row. */
export type StoredRun = Awaited<ReturnType<typeof loadRun>>
