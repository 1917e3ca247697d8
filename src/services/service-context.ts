import type { Kysely } from 'kysely'
import type { Actor } from '../domain/index.ts'
import type { Database } from '../store/index.ts'

/** What every use case receives: the database (or the open transaction) and who is calling. */
export interface ServiceContext {
  readonly db: Kysely<Database>
  readonly actor: Actor
}
