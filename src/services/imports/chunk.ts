import type { Kysely } from 'kysely'
import type { Database } from '../../store/index.ts'

export const LOOKUP_CHUNK = 1000

export type Db = Kysely<Database>

export const chunk = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  )
