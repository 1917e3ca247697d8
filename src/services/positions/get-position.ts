import { AppError, type Position } from '../../domain/index.ts'
import { findPositionInHub, toPosition } from '../../store/index.ts'
import { hasRole, hubIdOf, requireCompanyAccess } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'

/** One position; positions taking part in a program are public to that program's participants. */
export async function getPosition({ db, actor }: ServiceContext, positionId: string): Promise<Position> {
  const row = await findPositionInHub(db, hubIdOf(actor), positionId)
  if (!row) throw new AppError('not_found', `no position ${positionId}`)
  if (hasRole(actor, 'company') && !hasRole(actor, 'operator')) {
    const isInOpenProgram = await db
      .selectFrom('programPosition')
      .select('positionId')
      .where('positionId', '=', positionId)
      .executeTakeFirst()
    if (!isInOpenProgram) requireCompanyAccess(actor, row.companyId, 'position')
  }
  return toPosition(row)
}
