import { z } from 'zod'

/** Most rows one page of any list route returns. */
export const MAX_PAGE_SIZE = 100
/** Rows a page holds when the caller names no limit. */
export const DEFAULT_PAGE_SIZE = 50

/**
 * The query every paginated list route accepts (each route adds its own `sort` enum and filters with
 * `PageQuerySchema.extend({ sort: z.enum([...]).default(...), status: ... })`). `cursor` is opaque: the
 * `nextCursor` of the previous page, encoding the keyset position (sort value + id) of its last row.
 */
export const PageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: z.string().min(1).max(1000).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().trim().max(200).optional(),
})
/** The parsed page query. */
export type PageQuery = z.infer<typeof PageQuerySchema>

/** One page of a list: the rows, the cursor of the next page (null on the last) and the count of all matches. */
export interface Page<T> {
  readonly items: readonly T[]
  readonly nextCursor: string | null
  readonly total: number
}

/** The response schema of a page of `item`s, for a route's `response[200]`. */
export function pageSchemaOf<T extends z.ZodType>(item: T) {
  return z.strictObject({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int().min(0),
  })
}
