import { AppError, type Company } from '../../domain/index.ts'
import { toCompany } from '../../store/index.ts'
import { hasRole, hubIdOf, requireCompanyAccess, requireRole } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'

/** One company, if the actor may see it. */
export async function getCompany({ db, actor }: ServiceContext, companyId: string): Promise<Company> {
  requireRole(actor, 'operator', 'reviewer', 'company')
  if (!hasRole(actor, 'reviewer')) requireCompanyAccess(actor, companyId, 'company')
  const row = await db
    .selectFrom('company')
    .selectAll()
    .where('id', '=', companyId)
    .where('hubId', '=', hubIdOf(actor))
    .executeTakeFirst()
  if (!row) throw new AppError('not_found', `no company ${companyId}`)
  return toCompany(row)
}
