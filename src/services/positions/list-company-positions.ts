import type { Position } from '../../domain/index.ts'
import { toPosition } from '../../store/index.ts'
import { getCompany } from '../companies/index.ts'
import type { ServiceContext } from '../service-context.ts'

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
