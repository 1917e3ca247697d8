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
/** A dated step of a program's timeline. */
export type TimelineStep = z.infer<typeof TimelineStepSchema>

/**
 * A program's timeline: each phase at most once, and dates that follow the order of {@link PROGRAM_PHASES}
 * (two phases may start on the same day). A problem names the step (`timeline.3.startsOn`).
 */
export const TimelineSchema = z
  .array(TimelineStepSchema)
  .max(PROGRAM_PHASES.length)
  .superRefine((steps, context) => {
    const seen = new Set<ProgramPhase>()
    steps.forEach((step, index) => {
      if (seen.has(step.phase)) {
        context.addIssue({ code: 'custom', path: [index, 'phase'], message: `${step.phase} appears twice` })
      }
      seen.add(step.phase)
    })
    const ordered = steps
      .map((step, index) => ({ ...step, index, order: PROGRAM_PHASES.indexOf(step.phase) }))
      .sort((a, b) => a.order - b.order)
    for (let next = 1; next < ordered.length; next++) {
      const before = ordered[next - 1]!
      const step = ordered[next]!
      if (step.startsOn < before.startsOn) {
        context.addIssue({
          code: 'custom',
          path: [step.index, 'startsOn'],
          message: `${step.phase} (${step.startsOn}) must not start before ${before.phase} (${before.startsOn})`,
        })
      }
    }
  })

/** Matching mechanisms the engine offers. */
export const MATCHING_MECHANISMS = ['candidate-proposing', 'position-proposing', 'max-fit'] as const

/** The weighted components of a fit score (the scoring library's FIT_COMPONENTS, named here for forms). */
export const SCORE_WEIGHT_COMPONENTS = [
  'requiredSkills',
  'preferredSkills',
  'languages',
  'workMode',
  'availability',
  'education',
  'experience',
  'assessment',
] as const
/** One of {@link SCORE_WEIGHT_COMPONENTS}. */
export type ScoreWeightComponent = (typeof SCORE_WEIGHT_COMPONENTS)[number]
/** The points each component weighs when a program sets none (the scoring library's defaults). */
export const DEFAULT_SCORE_WEIGHTS: Readonly<Record<ScoreWeightComponent, number>> = {
  requiredSkills: 40,
  preferredSkills: 10,
  languages: 15,
  workMode: 10,
  availability: 10,
  education: 5,
  experience: 5,
  assessment: 5,
}

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
  /** Weights that override the defaults, component by component; they are rescaled to sum to 100. */
  scoreWeights: z
    .partialRecord(z.enum(SCORE_WEIGHT_COMPONENTS), z.number().min(0).max(100))
    .default({})
    .refine(
      (weights) => SCORE_WEIGHT_COMPONENTS.some((name) => (weights[name] ?? DEFAULT_SCORE_WEIGHTS[name]) > 0),
      'at least one component needs a weight above 0',
    ),
  /** Most candidates a company takes in a round across all its positions, by company id (none = no cap). */
  companyCaps: z.record(IdSchema, z.number().int().min(0).max(10_000)).optional(),
})
/** A program's matching configuration. */
export type MatchingConfig = z.infer<typeof MatchingConfigSchema>

/** How many seats a program plans to fill in all (the positions' seats are set one by one). */
const ProgramCapacitySchema = z.number().int().min(0).max(100_000)

/** What an operator writes about a program. */
export const ProgramInputSchema = z.strictObject({
  kind: ProgramKindSchema,
  title: ShortTextSchema,
  description: LongTextSchema.default(''),
  timeline: TimelineSchema.default([]),
  capacity: ProgramCapacitySchema,
  matchingConfig: MatchingConfigSchema.default({
    mechanism: 'candidate-proposing',
    tieBreakSeed: 1,
    stableImprovementCycles: true,
    scoreWeights: {},
  }),
})
/** Program fields as written. */
export type ProgramInput = z.infer<typeof ProgramInputSchema>

/**
 * A change to a program: any of its fields, and its phase. No defaults (unlike `ProgramInputSchema.partial()`,
 * which in zod 4 would fill every left-out field with its default and so wipe it).
 */
export const ProgramPatchSchema = z.strictObject({
  kind: ProgramKindSchema.optional(),
  title: ShortTextSchema.optional(),
  description: LongTextSchema.optional(),
  timeline: TimelineSchema.optional(),
  capacity: ProgramCapacitySchema.optional(),
  matchingConfig: MatchingConfigSchema.optional(),
  phase: ProgramPhaseSchema.optional(),
})
/** A change to a program. */
export type ProgramPatch = z.infer<typeof ProgramPatchSchema>

/** A matching market the hub runs: a call, applications, rankings, match rounds and placements. */
export const ProgramSchema = ProgramInputSchema.extend({
  id: IdSchema,
  hubId: IdSchema,
  phase: ProgramPhaseSchema,
  createdAt: z.string(),
})
/** A stored program. */
export type Program = z.infer<typeof ProgramSchema>
