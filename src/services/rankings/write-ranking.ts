import type { Kysely } from 'kysely'
import type { RankEntry } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'
import { readRanking } from './read-ranking.ts'

export async function writeRanking(
  db: Kysely<Database>,
  now: Date,
  key: {
    programId: string
    side: 'candidate' | 'company'
    candidateId: string | null
    companyId: string | null
    positionId: string | null
  },
  entries: readonly RankEntry[],
) {
  const existing = await readRanking(db, {
    programId: key.programId,
    side: key.side,
    ...(key.candidateId && { candidateId: key.candidateId }),
    ...(key.companyId && { companyId: key.companyId }),
    positionId: key.positionId,
  })
  if (existing) {
    await db
      .updateTable('ranking')
      .set({ entries: JSON.stringify(entries), updatedAt: now })
      .where('id', '=', existing.id)
      .execute()
  } else {
    await db
      .insertInto('ranking')
      .values({ ...key, entries: JSON.stringify(entries) })
      .execute()
  }
}
