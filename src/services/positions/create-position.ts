import type { Position, PositionInput } from '../../domain/index.ts'
import { toPosition, toPositionValues } from '../../store/index.ts'
import { requireRole } from '../access/index.ts'
import { getCompany } from '../companies/index.ts'
import type { ServiceContext } from '../service-context.ts'

/** Adds a position to a company (operator, or a member of that company). */
export async function createPosition(
  context: ServiceContext,
  companyId: string,
  input: PositionInput,
): Promise<Position> {
  requireRole(context.actor, 'operator', 'company')
  await getCompany(context, companyId)
  const row = await context.db
    .insertInto('position')
    .values(toPositionValues(companyId, input))
    .returningAll()
    .executeTakeFirstOrThrow()
  return toPosition(row)
}
