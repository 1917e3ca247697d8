import { AppError } from '../../domain/index.ts'
import { listPositionIdsInHub } from '../../store/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { getProgram } from './get-program.ts'

/** Adds positions to a program (operator); a position already in it is left as it is. */
export async function addProgramPositions(
  context: ServiceContext,
  programId: string,
  positionIds: readonly string[],
): Promise<void> {
  requireRole(context.actor, 'operator')
  await getProgram(context, programId)
  if (positionIds.length === 0) return
  const found = await listPositionIdsInHub(context.db, hubIdOf(context.actor), positionIds)
  const missing = positionIds.filter((id) => !found.includes(id))
  if (missing.length > 0) throw new AppError('not_found', `no position ${missing.join(', ')}`)
  await context.db
    .insertInto('programPosition')
    .values(positionIds.map((positionId) => ({ programId, positionId, capacity: null })))
    .onConflict((oc) => oc.columns(['programId', 'positionId']).doNothing())
    .execute()
}
