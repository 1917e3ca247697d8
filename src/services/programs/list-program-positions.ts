import type { Position } from '../../domain/index.ts'
import { toPosition } from '../../store/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { getProgram } from './get-program.ts'

/** A position as offered in a program: its seats there and its company's name. */
export interface ProgramPosition extends Position {
  readonly seats: number
  readonly companyName: string
}

/** The positions offered in a program (public to everyone taking part in it). */
export async function listProgramPositions(
  context: ServiceContext,
  programId: string,
): Promise<ProgramPosition[]> {
  await getProgram(context, programId)
  const rows = await context.db
    .selectFrom('programPosition')
    .innerJoin('position', 'position.id', 'programPosition.positionId')
    .innerJoin('company', 'company.id', 'position.companyId')
    .selectAll('position')
    .select(['programPosition.capacity as programCapacity', 'company.name as companyName'])
    .where('programPosition.programId', '=', programId)
    .orderBy('company.name')
    .orderBy('position.title')
    .execute()
  return rows.map(({ programCapacity, companyName, ...row }) => ({
    ...toPosition(row),
    seats: programCapacity ?? row.capacity,
    companyName,
  }))
}
