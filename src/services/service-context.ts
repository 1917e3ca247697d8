import type { Kysely } from 'kysely'
import type { Actor } from '../domain/index.ts'
import type { Database } from '../store/index.ts'

/** The time source of a use case: the real clock in production, a fixed or moving one in tests. */
export type Clock = () => Date

/** The real clock: the one place services read the machine's time (the API, CLI and demo seeding pass it). */
export const systemClock: Clock = () => new Date()

/** What every use case receives: the database (or the open transaction), who is calling and the clock. */
export interface ServiceContext {
  readonly db: Kysely<Database>
  readonly actor: Actor
  /** Today's date and time for this use case (deadlines, expiry, timestamps): never `new Date()`. */
  readonly now: Clock
}
