import { z } from 'zod'
import { VISA_STATUSES } from './candidate.ts'
import { CountryCodeSchema, IsoDateSchema, LanguageLevelSchema } from './common.ts'

/** The kinds of eligibility rule, in the order an operator's form lists them. */
export const ELIGIBILITY_RULE_KINDS = [
  'enrolled_or_recent_graduate',
  'studying_in_country',
  'nationality_in',
  'nationality_not_in',
  'language_min',
  'visa_allowed',
  'd2_max_hours',
  'd10_max_months',
  'available_from_by',
  'available_for_weeks',
  'min_hours',
] as const

/** Every rule may carry an operator-chosen id (reasons point back to it) and a free note. */
const RULE_BASE = {
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1–64 lowercase letters, digits, _ or -')
    .optional(),
  note: z.string().trim().max(500).optional(),
}

const CountryListSchema = z.array(CountryCodeSchema).min(1).max(250)
const MonthsSchema = z.number().int().min(1).max(120)
const HoursSchema = z.number().int().min(1).max(60)

/**
 * One eligibility condition, as structured data an operator can read and the engine can evaluate.
 * A program's rules all have to hold (AND); each rule's reason says why it held or not.
 */
export const EligibilityRuleSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      ...RULE_BASE,
      kind: z.literal('enrolled_or_recent_graduate'),
      months: MonthsSchema,
      /** Only enrolment at a university in this country counts (graduation may be anywhere). */
      enrolledCountry: CountryCodeSchema.optional(),
    })
    .describe('enrolled at a university, or graduated within `months` of the reference date'),
  z
    .strictObject({ ...RULE_BASE, kind: z.literal('studying_in_country'), country: CountryCodeSchema })
    .describe('enrolled at a university in `country`'),
  z
    .strictObject({ ...RULE_BASE, kind: z.literal('nationality_in'), countries: CountryListSchema })
    .describe('nationality is one of `countries`'),
  z
    .strictObject({ ...RULE_BASE, kind: z.literal('nationality_not_in'), countries: CountryListSchema })
    .describe('nationality is none of `countries`'),
  z
    .strictObject({
      ...RULE_BASE,
      kind: z.literal('language_min'),
      language: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code such as ko, en or vi'),
      level: LanguageLevelSchema,
    })
    .describe('speaks `language` at `level` or higher (native is highest)'),
  z
    .strictObject({
      ...RULE_BASE,
      kind: z.literal('visa_allowed'),
      statuses: z.array(z.enum(VISA_STATUSES)).min(1).max(VISA_STATUSES.length),
    })
    .describe('visa status is one of `statuses`'),
  z
    .strictObject({ ...RULE_BASE, kind: z.literal('d2_max_hours'), hoursPerWeek: HoursSchema })
    .describe('a D-2 (student) visa holder offers at most `hoursPerWeek` hours a week'),
  z
    .strictObject({ ...RULE_BASE, kind: z.literal('d10_max_months'), months: MonthsSchema })
    .describe('for a D-10 visa holder the program lasts at most `months` months'),
  z
    .strictObject({ ...RULE_BASE, kind: z.literal('available_from_by'), date: IsoDateSchema })
    .describe('available to start on or before `date`'),
  z
    .strictObject({
      ...RULE_BASE,
      kind: z.literal('available_for_weeks'),
      weeks: z.number().int().min(1).max(156),
    })
    .describe('available for at least `weeks` weeks'),
  z
    .strictObject({ ...RULE_BASE, kind: z.literal('min_hours'), hoursPerWeek: HoursSchema })
    .describe('offers at least `hoursPerWeek` hours a week'),
])
/** An eligibility rule. */
export type EligibilityRule = z.infer<typeof EligibilityRuleSchema>
/** One of {@link ELIGIBILITY_RULE_KINDS}. */
export type EligibilityRuleKind = (typeof ELIGIBILITY_RULE_KINDS)[number]

/** A program's rule set: at most 50 rules, ids unique where given. */
export const EligibilityRulesSchema = z
  .array(EligibilityRuleSchema)
  .max(50)
  .superRefine((rules, context) => {
    const seen = new Set<string>()
    rules.forEach((rule, index) => {
      if (rule.id === undefined) return
      if (seen.has(rule.id))
        context.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate rule id ${rule.id}` })
      seen.add(rule.id)
    })
  })

/** Why a rule held or not; each code has a sentence in every UI locale. */
export const ELIGIBILITY_REASON_CODES = [
  'currently_enrolled',
  'graduated_within_months',
  'graduated_too_long_ago',
  'graduation_date_missing',
  'enrolled_outside_country',
  'no_education',
  'not_enrolled_in_country',
  'nationality_allowed',
  'nationality_not_allowed',
  'nationality_excluded',
  'language_level_met',
  'language_level_below',
  'language_missing',
  'visa_allowed',
  'visa_not_allowed',
  'd2_not_applicable',
  'd2_hours_within_limit',
  'd2_hours_over_limit',
  'd10_not_applicable',
  'd10_duration_within_limit',
  'd10_duration_over_limit',
  'd10_duration_unknown',
  'available_in_time',
  'available_too_late',
  'availability_missing',
  'available_weeks_enough',
  'available_weeks_too_few',
  'available_open_ended',
  'hours_enough',
  'hours_too_few',
] as const
/** One of {@link ELIGIBILITY_REASON_CODES}. */
export type EligibilityReasonCode = (typeof ELIGIBILITY_REASON_CODES)[number]

/** A reason parameter: a date, number, code or list of codes. */
export const EligibilityParamSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])

/** The outcome of one rule for one candidate. */
export const EligibilityReasonSchema = z.strictObject({
  ruleId: z.string().optional(),
  kind: z.enum(ELIGIBILITY_RULE_KINDS),
  code: z.enum(ELIGIBILITY_REASON_CODES),
  params: z.record(z.string(), EligibilityParamSchema),
  isMet: z.boolean(),
})
/** Why one rule held or not. */
export type EligibilityReason = z.infer<typeof EligibilityReasonSchema>

/** A candidate's verdict: eligible when every rule is met; `reasons[i]` is about rule `i`. */
export const EligibilityVerdictSchema = z.strictObject({
  isEligible: z.boolean(),
  referenceDate: IsoDateSchema,
  reasons: z.array(EligibilityReasonSchema),
})
/** An eligibility verdict. */
export type EligibilityVerdict = z.infer<typeof EligibilityVerdictSchema>
