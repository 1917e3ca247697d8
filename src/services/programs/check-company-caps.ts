import { AppError, type ProgramInput } from '../../domain/index.ts'
import { hubIdOf } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'

/** Company caps must name companies of the hub (a cap on an unknown id would silently do nothing). */
export async function checkCompanyCaps(
  { db, actor }: ServiceContext,
  input: Partial<ProgramInput>,
): Promise<void> {
  const ids = Object.keys(input.matchingConfig?.companyCaps ?? {})
  if (ids.length === 0) return
  const found = await db
    .selectFrom('company')
    .select('id')
    .where('id', 'in', ids)
    .where('hubId', '=', hubIdOf(actor))
    .execute()
  const known = new Set(found.map((row) => row.id))
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length > 0) {
    throw new AppError(
      'validation_failed',
      `company caps name companies that are not in this hub: ${unknown.join(', ')}`,
      unknown.map((id) => ({ path: `body.matchingConfig.companyCaps.${id}`, message: 'no such company' })),
    )
  }
}
