import type { Kysely } from 'kysely'
import type { Database } from '../../store/index.ts'

/** Deletes every session of `userId` except `keepSessionId` (null: all of them). Returns how many ended. */
export async function endOtherSessions(
  db: Kysely<Database>,
  userId: string,
  keepSessionId: string | null,
): Promise<number> {
  let query = db.deleteFrom('authSession').where('userId', '=', userId)
  if (keepSessionId !== null) query = query.where('id', '!=', keepSessionId)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}
