import type { Kysely } from 'kysely'
import { AppError } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'

/** Throws `not_found` unless `positionId` is offered in the program by `companyId`. */
export async function requireOwnProgramPosition(
  db: Kysely<Database>,
  programId: string,
  companyId: string,
  positionId: string,
): Promise<void> {
  const position = await db
    .selectFrom('programPosition')
    .innerJoin('position', 'position.id', 'programPosition.positionId')
    .select('position.companyId')
    .where('programPosition.programId', '=', programId)
    .where('position.id', '=', positionId)
    .executeTakeFirst()
  if (!position || position.companyId !== companyId)
    throw new AppError('not_found', `no position ${positionId}`)
}
