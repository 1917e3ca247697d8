import type { Company, CompanyInput } from '../../domain/index.ts'
import { toCompany } from '../../store/index.ts'
import { hasRole, requireRole } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { getCompany } from './get-company.ts'

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
