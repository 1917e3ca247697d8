import { z } from 'zod'
import { IdSchema } from './common.ts'

/** One rank: a single id, or several ids tied at the same rank. */
export const RankEntrySchema = z.union([IdSchema, z.array(IdSchema).min(2).max(1000)])

/** A rank-order list as written: most preferred first; ties as inner arrays. */
export const RankingInputSchema = z.strictObject({
  entries: z.array(RankEntrySchema).max(5000),
})

/** Who ranks: a candidate ranks positions; a company ranks candidates (for all its positions or one). */
export const RANKING_SIDES = ['candidate', 'company'] as const

/** A stored rank-order list. */
export const RankingSchema = z.strictObject({
  id: IdSchema,
  programId: IdSchema,
  side: z.enum(RANKING_SIDES),
  candidateId: IdSchema.nullable(),
  companyId: IdSchema.nullable(),
  positionId: IdSchema.nullable(),
  entries: z.array(RankEntrySchema),
  updatedAt: z.string(),
})
/** A stored rank-order list. */
export type Ranking = z.infer<typeof RankingSchema>
