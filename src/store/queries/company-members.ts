import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'

/** The logins that are members of these companies, with their language and company (none asked, no query). */
export async function listCompanyMembers(db: Kysely<Database>, companyIds: readonly string[]) {
  if (companyIds.length === 0) return []
  return db
    .selectFrom('roleGrant')
    .innerJoin('authUser', 'authUser.id', 'roleGrant.userId')
    .innerJoin('company', 'company.id', 'roleGrant.companyId')
    .select([
      'authUser.id',
      'authUser.email',
      'authUser.locale',
      'roleGrant.hubId',
      'company.id as companyId',
      'company.name as companyName',
    ])
    .where('roleGrant.companyId', 'in', [...companyIds])
    .execute()
}
