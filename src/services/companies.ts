import { AppError, type Company, type CompanyInput } from '../domain/index.ts'
import { toCompany, toCompanyValues } from '../store/index.ts'
import { companyIdsOf, hasRole, hubIdOf, requireCompanyAccess, requireRole } from './access/index.ts'
import type { ServiceContext } from './service-context.ts'

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

/** Registers a company in the operator's hub. */
export async function createCompany({ db, actor }: ServiceContext, input: CompanyInput): Promise<Company> {
  requireRole(actor, 'operator')
  const row = await db
    .insertInto('company')
    .values(toCompanyValues(hubIdOf(actor), input))
    .returningAll()
    .executeTakeFirstOrThrow()
  return toCompany(row)
}

/** Changes a company's details (operator, or a member of that company). */
export async function updateCompany(
  context: ServiceContext,
  companyId: string,
  patch: Partial<CompanyInput>,
): Promise<Company> {
  const { db, actor } = context
  requireRole(actor, 'operator', 'company')
  await getCompany(context, companyId)
  const row = await db
    .updateTable('company')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.domain !== undefined && { domain: patch.domain }),
      ...(patch.size !== undefined && { size: patch.size }),
      ...(patch.location !== undefined && { location: patch.location }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...(patch.website !== undefined && { website: patch.website }),
      ...(patch.externalKey !== undefined &&
        hasRole(actor, 'operator') && { externalKey: patch.externalKey }),
    })
    .where('id', '=', companyId)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toCompany(row)
}
