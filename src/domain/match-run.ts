import { z } from 'zod'
import { IdSchema } from './common.ts'
import { MATCHING_MECHANISMS } from './program.ts'

/** A match run is a draft until an operator publishes it. */
export const MATCH_RUN_STATUSES = ['draft', 'published', 'superseded'] as const

/** One execution of the engine on a program's frozen snapshot. */
export const MatchRunSchema = z.strictObject({
  id: IdSchema,
  programId: IdSchema,
  round: z.number().int().min(1),
  mechanism: z.enum(MATCHING_MECHANISMS),
  seed: z.number().int(),
  status: z.enum(MATCH_RUN_STATUSES),
  engineVersion: z.string(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
})
/** A stored match run (its market and result files are stored beside it). */
export type MatchRun = z.infer<typeof MatchRunSchema>

/** An offer made by a published run, and the candidate's answer. */
export const PLACEMENT_STATUSES = ['offered', 'accepted', 'declined', 'expired'] as const

/** A candidate placed at a position. */
export const PlacementSchema = z.strictObject({
  id: IdSchema,
  programId: IdSchema,
  matchRunId: IdSchema,
  candidateId: IdSchema,
  positionId: IdSchema,
  status: z.enum(PLACEMENT_STATUSES),
  decidedAt: z.string().nullable(),
})
/** A stored placement. */
export type Placement = z.infer<typeof PlacementSchema>
