import type { CatalogPosition } from '../../domain/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { getProgram } from './get-program.ts'

/** Every position of the hub, marked with whether it takes part in the program and with how many seats (operator). */
export async function listPositionCatalog(
  context: ServiceContext,
  programId: string,
): Promise<CatalogPosition[]> {
  requireRole(context.actor, 'operator')
  await getProgram(context, programId)
  const rows = await context.db
    .selectFrom('position')
    .innerJoin('company', 'company.id', 'position.companyId')
    .leftJoin('programPosition', (join) =>
      join
        .onRef('programPosition.positionId', '=', 'position.id')
        .on('programPosition.programId', '=', programId),
    )
    .select([
      'position.id',
      'position.externalKey',
      'position.title',
      'position.kind',
      'position.workMode',
      'position.location',
      'position.capacity',
      'company.id as companyId',
      'company.name as companyName',
      'programPosition.programId as joinedProgramId',
      'programPosition.capacity as programSeats',
    ])
    .where('company.hubId', '=', hubIdOf(context.actor))
    .orderBy('company.name')
    .orderBy('position.title')
    .orderBy('position.id')
    .execute()
  return rows.map(({ joinedProgramId, programSeats, ...row }) => ({
    ...row,
    isInProgram: joinedProgramId !== null,
    programSeats: joinedProgramId !== null ? programSeats : null,
  }))
}
