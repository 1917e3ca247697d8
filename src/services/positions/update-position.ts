import type { Position, PositionInput } from '../../domain/index.ts'
import { fromPositionInput, toPosition } from '../../store/index.ts'
import { requireCompanyAccess, requireRole } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { getPosition } from './get-position.ts'

/** Changes a position (operator, or a member of its company). */
export async function updatePosition(
  context: ServiceContext,
  positionId: string,
  patch: Partial<PositionInput>,
): Promise<Position> {
  requireRole(context.actor, 'operator', 'company')
  const current = await getPosition(context, positionId)
  requireCompanyAccess(context.actor, current.companyId, 'position')
  const values = fromPositionInput(patch)
  if (Object.keys(values).length === 0) return current
  const row = await context.db
    .updateTable('position')
    .set(values)
    .where('id', '=', positionId)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toPosition(row)
}
