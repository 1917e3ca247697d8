import { z } from 'zod'
import {
  ExternalKeySchema,
  IdSchema,
  IsoDateSchema,
  LanguageEntrySchema,
  LongTextSchema,
  ShortTextSchema,
  SkillLevelEntrySchema,
  TimeZoneSchema,
  WorkModeSchema,
} from './common.ts'

/** What a seat is: the programs in the mission each offer one of these. */
export const POSITION_KINDS = [
  'internship',
  'project',
  'course_seat',
  'mentoring_slot',
  'technology_demand',
  'compute_allocation',
] as const
/** One of {@link POSITION_KINDS}. */
export const PositionKindSchema = z.enum(POSITION_KINDS)

/** What a company member or operator writes about a position. */
export const PositionInputSchema = z.strictObject({
  externalKey: ExternalKeySchema.optional(),
  kind: PositionKindSchema,
  title: ShortTextSchema,
  description: LongTextSchema.default(''),
  requiredSkills: z.array(SkillLevelEntrySchema).max(40).default([]),
  preferredSkills: z.array(SkillLevelEntrySchema).max(40).default([]),
  languages: z.array(LanguageEntrySchema).max(10).default([]),
  workMode: WorkModeSchema,
  location: ShortTextSchema,
  timeZone: TimeZoneSchema.default('Asia/Seoul'),
  startDate: IsoDateSchema.optional(),
  endDate: IsoDateSchema.optional(),
  hoursPerWeek: z.number().int().min(1).max(60).default(40),
  capacity: z.number().int().min(0).max(10_000),
  stipendKrw: z.number().int().min(0).max(100_000_000).optional().describe('monthly stipend in KRW'),
  subsidyKrw: z.number().int().min(0).max(100_000_000).optional().describe('monthly subsidy in KRW'),
})
/** Position fields as written. */
export type PositionInput = z.infer<typeof PositionInputSchema>

/** An internship, project, course seat or mentoring slot offered by a company. */
export const PositionSchema = PositionInputSchema.extend({
  id: IdSchema,
  companyId: IdSchema,
  createdAt: z.string(),
})
/** A stored position. */
export type Position = z.infer<typeof PositionSchema>
