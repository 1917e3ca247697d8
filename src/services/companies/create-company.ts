import type { Company, CompanyInput } from '../../domain/index.ts'
import { toCompany, toCompanyValues } from '../../store/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'

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
