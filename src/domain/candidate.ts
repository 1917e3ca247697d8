import { z } from 'zod'
import {
  CountryCodeSchema,
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

/** Where a candidate is in their studies. */
export const EDUCATION_STATUSES = ['enrolled', 'graduated', 'on_leave', 'withdrawn'] as const
/** Degree levels. */
export const DEGREES = ['high_school', 'associate', 'bachelor', 'master', 'doctorate', 'bootcamp'] as const

/** One education record. */
export const EducationSchema = z.strictObject({
  institution: ShortTextSchema,
  country: CountryCodeSchema,
  degree: z.enum(DEGREES),
  field: ShortTextSchema,
  status: z.enum(EDUCATION_STATUSES),
  graduationDate: IsoDateSchema.optional().describe('expected or actual'),
})
/** An education record. */
export type Education = z.infer<typeof EducationSchema>

/** One job or project in a candidate's history. */
export const ExperienceSchema = z.strictObject({
  organisation: ShortTextSchema,
  role: ShortTextSchema,
  months: z.number().int().min(0).max(600),
  summary: z.string().max(2000).default(''),
})
/** A job or project. */
export type Experience = z.infer<typeof ExperienceSchema>

/** Korean visa statuses that decide what work a foreign candidate may take. */
export const VISA_STATUSES = [
  'none_needed',
  'D-2',
  'D-4',
  'D-10',
  'E-7',
  'F-2',
  'F-4',
  'F-5',
  'H-1',
  'other',
  'abroad',
] as const

/** What a candidate writes about themself (or an operator imports). */
export const CandidateInputSchema = z.strictObject({
  externalKey: ExternalKeySchema.optional(),
  fullName: ShortTextSchema,
  email: z.email().max(200),
  nationality: CountryCodeSchema,
  residenceCountry: CountryCodeSchema,
  city: ShortTextSchema,
  timeZone: TimeZoneSchema,
  languages: z.array(LanguageEntrySchema).max(10).default([]),
  education: z.array(EducationSchema).max(10).default([]),
  skills: z.array(SkillLevelEntrySchema).max(80).default([]),
  experience: z.array(ExperienceSchema).max(30).default([]),
  links: z.array(z.url().max(300)).max(10).default([]),
  availableFrom: IsoDateSchema.optional(),
  availableTo: IsoDateSchema.optional(),
  hoursPerWeek: z.number().int().min(1).max(60).default(40),
  workModePreference: z.array(WorkModeSchema).min(1).max(3).default(['remote', 'onsite', 'hybrid']),
  visaStatus: z.enum(VISA_STATUSES),
  cvText: LongTextSchema.default(''),
})
/** Candidate fields as written. */
export type CandidateInput = z.infer<typeof CandidateInputSchema>

/** A person who applies to programs. Personal data: every read and change is audited. */
export const CandidateSchema = CandidateInputSchema.extend({
  id: IdSchema,
  hubId: IdSchema,
  userId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
/** A stored candidate. */
export type Candidate = z.infer<typeof CandidateSchema>
