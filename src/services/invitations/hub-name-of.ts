import type { Kysely } from 'kysely'
import type { Database } from '../../store/index.ts'

export async function hubNameOf(db: Kysely<Database>, hubId: string): Promise<string> {
  const hub = await db.selectFrom('hub').select('name').where('id', '=', hubId).executeTakeFirstOrThrow()
  return hub.name
}
