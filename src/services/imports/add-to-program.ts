import { AppError } from '../../domain/index.ts'
import { findProgramInHub, listPositionsByExternalKeyInHub } from '../../store/index.ts'
import { chunk, type Db, LOOKUP_CHUNK } from './chunk.ts'
import type { ImportKind } from './import-columns.ts'
import { IMPORT_BATCH_SIZE } from './import-records.ts'

/** The program an import adds rows to: in the actor's hub, not closed. */
export async function findImportProgram(db: Db, hubId: string, kind: ImportKind, programId: string) {
  if (kind === 'companies') {
    throw new AppError('validation_failed', 'companies take part in a program through their positions', [
      { path: 'body.programId', message: 'import positions or candidates into a program, not companies' },
    ])
  }
  const program = await findProgramInHub(db, hubId, programId)
  if (!program) throw new AppError('not_found', `no program ${programId}`)
  if (program.phase === 'closed') throw new AppError('phase_closed', 'the program is closed')
  return program
}

/** Ids of the hub's records with these external keys (positions: keyed by company id and key). */
async function findIdsByKey(
  db: Db,
  hubId: string,
  kind: 'candidates' | 'positions',
  keys: readonly string[],
): Promise<string[]> {
  const ids: string[] = []
  for (const part of chunk(keys, LOOKUP_CHUNK)) {
    const rows =
      kind === 'candidates'
        ? await db
            .selectFrom('candidate')
            .select('id')
            .where('hubId', '=', hubId)
            .where('externalKey', 'in', part)
            .execute()
        : await listPositionsByExternalKeyInHub(db, hubId, part)
    for (const row of rows) ids.push(row.id)
  }
  return ids
}

/**
 * Adds the imported rows to the program: positions join it with their own capacity as seats, candidates
 * get a submitted application. Rows already in it are left alone, so a re-import adds nothing.
 */
export async function addToProgram(
  db: Db,
  hubId: string,
  kind: 'candidates' | 'positions',
  programId: string,
  keys: readonly string[],
): Promise<{ added: number; already: number }> {
  const ids = await findIdsByKey(db, hubId, kind, keys)
  let added = 0
  for (const part of chunk(ids, IMPORT_BATCH_SIZE)) {
    const rows =
      kind === 'candidates'
        ? await db
            .insertInto('application')
            .values(part.map((candidateId) => ({ programId, candidateId, status: 'submitted' })))
            .onConflict((conflict) => conflict.columns(['programId', 'candidateId']).doNothing())
            .returning('id')
            .execute()
        : await db
            .insertInto('programPosition')
            .values(part.map((positionId) => ({ programId, positionId, capacity: null })))
            .onConflict((conflict) => conflict.columns(['programId', 'positionId']).doNothing())
            .returning('positionId as id')
            .execute()
    added += rows.length
  }
  return { added, already: ids.length - added }
}
