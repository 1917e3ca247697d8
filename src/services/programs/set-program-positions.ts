import { sql } from 'kysely'
import { AppError } from '../../domain/index.ts'
import { listPositionIdsInHub } from '../../store/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { getProgram } from './get-program.ts'
import { listProgramPositions, type ProgramPosition } from './list-program-positions.ts'

/** One position of a program and its seats (null = the position's own capacity). */
export interface ProgramSeatEntry {
  readonly positionId: string
  readonly seats: number | null
}

/**
 * Sets which positions a program offers and with how many seats: listed positions join or keep taking
 * part with the given seats, others leave. A position that already has placements in the program cannot
 * leave it (`conflict`), so published results keep their seats.
 */
export async function setProgramPositions(
  context: ServiceContext,
  programId: string,
  entries: readonly ProgramSeatEntry[],
): Promise<ProgramPosition[]> {
  const { db, actor } = context
  requireRole(actor, 'operator')
  await getProgram(context, programId)
  const seen = new Map<string, number>()
  const duplicates = entries.flatMap((entry, index) => {
    const first = seen.get(entry.positionId)
    seen.set(entry.positionId, first ?? index)
    return first === undefined
      ? []
      : [{ path: `body.positions.${index}.positionId`, message: `listed twice (also item ${first + 1})` }]
  })
  if (duplicates.length > 0) throw new AppError('validation_failed', 'a position is listed twice', duplicates)
  const ids = entries.map((entry) => entry.positionId)
  const known = new Set(await listPositionIdsInHub(db, hubIdOf(actor), ids))
  const missing = entries.flatMap((entry, index) =>
    known.has(entry.positionId)
      ? []
      : [{ path: `body.positions.${index}.positionId`, message: `no position ${entry.positionId}` }],
  )
  if (missing.length > 0) throw new AppError('not_found', 'some positions do not exist in this hub', missing)

  const current = await db
    .selectFrom('programPosition')
    .select('positionId')
    .where('programId', '=', programId)
    .execute()
  const leaving = current.map((row) => row.positionId).filter((id) => !seen.has(id))
  if (leaving.length > 0) {
    const placed = await db
      .selectFrom('placement')
      .innerJoin('position', 'position.id', 'placement.positionId')
      .select(['position.id', 'position.title'])
      .distinct()
      .where('placement.programId', '=', programId)
      .where('placement.positionId', 'in', leaving)
      .execute()
    if (placed.length > 0) {
      throw new AppError(
        'conflict',
        `positions with placements cannot leave the program: ${placed.map((row) => row.title).join(', ')}`,
        placed.map((row) => ({ path: `position ${row.id}`, message: `${row.title} has placements` })),
      )
    }
    await db
      .deleteFrom('programPosition')
      .where('programId', '=', programId)
      .where('positionId', 'in', leaving)
      .execute()
  }
  if (entries.length > 0) {
    await db
      .insertInto('programPosition')
      .values(entries.map((entry) => ({ programId, positionId: entry.positionId, capacity: entry.seats })))
      .onConflict((conflict) =>
        conflict
          .columns(['programId', 'positionId'])
          .doUpdateSet({ capacity: (eb) => eb.ref('excluded.capacity') })
          .where(sql<boolean>`program_position.capacity is distinct from excluded.capacity`),
      )
      .execute()
  }
  return listProgramPositions(context, programId)
}
