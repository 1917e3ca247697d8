import { z } from 'zod'
import { IdSchema, IsoDateSchema, LongTextSchema, ShortTextSchema } from './common.ts'

/** The kinds of program a hub runs. */
export const PROGRAM_KINDS = [
  'internship',
  'company_project',
  'course',
  'mentoring',
  'bootcamp',
  'technology_demand',
] as const
/** One of {@link PROGRAM_KINDS}. */
export const ProgramKindSchema = z.enum(PROGRAM_KINDS)

/** The phases of a program's timeline, in order. */
export const PROGRAM_PHASES = [
  'call_open',
  'eligibility_check',
  'ranking',
  'ranking_freeze',
  'match',
  'publish',
  'acceptance_deadline',
  'second_round',
  'running',
  'closed',
] as const
/** One of {@link PROGRAM_PHASES}. */
export const ProgramPhaseSchema = z.enum(PROGRAM_PHASES)
/** A program phase. */
export type ProgramPhase = z.infer<typeof ProgramPhaseSchema>

/** One dated step of a program's timeline. */
export const TimelineStepSchema = z.strictObject({
  phase: ProgramPhaseSchema,
  startsOn: IsoDateSchema,
})

/** Matching mechanisms the engine offers. */
export const MATCHING_MECHANISMS = ['candidate-proposing', 'position-proposing', 'max-fit'] as const

/** How a program's match runs are configured. */
export const MatchingConfigSchema = z.strictObject({
  mechanism: z.enum(MATCHING_MECHANISMS).default('candidate-proposing'),
  tieBreakSeed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
  stableImprovementCycles: z.boolean().default(true),
  groupCap: z
    .strictObject({
      attribute: z.enum(['nationality', 'institution']),
      maxPerCompany: z.number().int().min(1),
    })
    .optional(),
  scoreWeights: z.record(z.string(), z.number().min(0).max(100)).default({}),
})
/** A program's matching configuration. */
export type MatchingConfig = z.infer<typeof MatchingConfigSchema>

/** What an operator writes about a program. */
export const ProgramInputSchema = z.strictObject({
  kind: ProgramKindSchema,
  title: ShortTextSchema,
  description: LongTextSchema.default(''),
  timeline: z.array(TimelineStepSchema).max(PROGRAM_PHASES.length).default([]),
  capacity: z.number().int().min(0).max(100_000),
  matchingConfig: MatchingConfigSchema.default({
    mechanism: 'candidate-proposing',
    tieBreakSeed: 1,
    stableImprovementCycles: true,
    scoreWeights: {},
  }),
})
/** Program fields as written. */
export type ProgramInput = z.infer<typeof ProgramInputSchema>

/** A matching market the hub runs: a call, applications, rankings, match rounds and placements. */
export const ProgramSchema = ProgramInputSchema.extend({
  id: IdSchema,
  hubId: IdSchema,
  phase: ProgramPhaseSchema,
  createdAt: z.string(),
})
/** A stored program. */
export type Program = z.infer<typeof ProgramSchema>
