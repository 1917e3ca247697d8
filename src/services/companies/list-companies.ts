import type { Company } from '../../domain/index.ts'
import { toCompany } from '../../store/index.ts'
import { companyIdsOf, hasRole, hubIdOf, requireRole } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'

/** Companies the actor may see: all of the hub's for operators and reviewers, their own for members. */
export async function listCompanies({ db, actor }: ServiceContext): Promise<Company[]> {
  requireRole(actor, 'operator', 'reviewer', 'company')
  let query = db.selectFrom('company').selectAll().where('hubId', '=', hubIdOf(actor))
  if (!hasRole(actor, 'operator') && !hasRole(actor, 'reviewer')) {
    const own = companyIdsOf(actor)
    if (own.length === 0) return []
    query = query.where('id', 'in', own)
  }
  return (await query.orderBy('name').execute()).map(toCompany)
}
