import type { Kysely } from 'kysely'
import type { Database } from '../../store/index.ts'

export async function readRanking(
  db: Kysely<Database>,
  where: {
    programId: string
    side: 'candidate' | 'company'
    candidateId?: string
    companyId?: string
    positionId?: string | null
  },
) {
  let query = db
    .selectFrom('ranking')
    .selectAll()
    .where('programId', '=', where.programId)
    .where('side', '=', where.side)
  query = where.candidateId
    ? query.where('candidateId', '=', where.candidateId)
    : query.where('candidateId', 'is', null)
  query = where.companyId
    ? query.where('companyId', '=', where.companyId)
    : query.where('companyId', 'is', null)
  query = where.positionId
    ? query.where('positionId', '=', where.positionId)
    : query.where('positionId', 'is', null)
  return query.executeTakeFirst()
}
