import { z } from 'zod'
import { IdSchema, LongTextSchema } from './common.ts'

/** Where an application stands. */
export const APPLICATION_STATUSES = ['submitted', 'eligible', 'ineligible', 'withdrawn'] as const

/** Statuses that take part in ranking and matching (before the eligibility check: submitted; after: eligible). */
export const RANKABLE_APPLICATION_STATUSES = ['submitted', 'eligible'] as const

/** What a candidate writes when applying. */
export const ApplicationInputSchema = z.strictObject({
  programId: IdSchema,
  motivation: LongTextSchema.default(''),
})

/** A candidate's application to a program. */
export const ApplicationSchema = z.strictObject({
  id: IdSchema,
  programId: IdSchema,
  candidateId: IdSchema,
  status: z.enum(APPLICATION_STATUSES),
  motivation: LongTextSchema,
  submittedAt: z.string(),
})
/** A stored application. */
export type Application = z.infer<typeof ApplicationSchema>
