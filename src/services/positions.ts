import { AppError, type Position, type PositionInput } from '../domain/index.ts'
import { findPositionInHub, fromPositionInput, toPosition, toPositionValues } from '../store/index.ts'
import { hasRole, hubIdOf, requireCompanyAccess, requireRole } from './access/index.ts'
import { getCompany } from './companies.ts'
import type { ServiceContext } from './service-context.ts'

/** A company's positions (operator, reviewer, or a member of that company). */
export async function listCompanyPositions(context: ServiceContext, companyId: string): Promise<Position[]> {
  await getCompany(context, companyId)
  const rows = await context.db
    .selectFrom('position')
    .selectAll()
    .where('companyId', '=', companyId)
    .orderBy('title')
    .execute()
  return rows.map(toPosition)
}

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
