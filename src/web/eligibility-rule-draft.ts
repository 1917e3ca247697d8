import { type EligibilityRule, type EligibilityRuleKind, EligibilityRuleSchema } from '../domain/index.ts'
import type { Message } from './message.ts'

// The eligibility rule form's state: a rule as editable text fields, and back to a rule checked by the
// domain's own schema, with a message per invalid field (no React here, so it is tested on its own).

/** The editable fields of a rule, kept as text while the operator types. */
export interface RuleDraft {
  /** A key for React lists (not stored). */
  readonly key: string
  /** The stored rule id, kept so that verdicts keep pointing at it. */
  readonly id?: string
  readonly kind: EligibilityRuleKind
  readonly note: string
  readonly months: string
  readonly enrolledCountry: string
  readonly country: string
  readonly countries: readonly string[]
  readonly language: string
  readonly level: string
  readonly statuses: readonly string[]
  readonly hoursPerWeek: string
  readonly date: string
  readonly weeks: string
  /** The operator changed this rule: its errors show at once instead of on save. */
  readonly isTouched?: boolean
}

/** The fields a rule kind asks for, in the order the form shows them. */
export const FIELDS_OF_KIND: Readonly<Record<EligibilityRuleKind, readonly RuleField[]>> = {
  enrolled_or_recent_graduate: ['months', 'enrolledCountry'],
  studying_in_country: ['country'],
  nationality_in: ['countries'],
  nationality_not_in: ['countries'],
  language_min: ['language', 'level'],
  visa_allowed: ['statuses'],
  d2_max_hours: ['hoursPerWeek'],
  d10_max_months: ['months'],
  available_from_by: ['date'],
  available_for_weeks: ['weeks'],
  min_hours: ['hoursPerWeek'],
}

/** A field of a rule draft. */
export type RuleField =
  | 'months'
  | 'enrolledCountry'
  | 'country'
  | 'countries'
  | 'language'
  | 'level'
  | 'statuses'
  | 'hoursPerWeek'
  | 'date'
  | 'weeks'
  | 'note'

/** Validation messages by field. */
export type RuleErrors = Partial<Record<RuleField, Message>>

/** Allowed ranges, as the domain schema has them (the messages name them). */
export const RANGES = {
  months: { min: 1, max: 120 },
  hoursPerWeek: { min: 1, max: 60 },
  weeks: { min: 1, max: 156 },
} as const

/** What a new rule of each kind starts with: the values a Korean hub most often uses. */
const DEFAULTS: Readonly<Record<EligibilityRuleKind, Partial<RuleDraft>>> = {
  enrolled_or_recent_graduate: { months: '12' },
  studying_in_country: { country: 'KR' },
  nationality_in: { countries: [] },
  nationality_not_in: { countries: ['KR'] },
  language_min: { language: 'en', level: 'B1' },
  visa_allowed: { statuses: ['D-2', 'D-10', 'abroad'] },
  d2_max_hours: { hoursPerWeek: '25' },
  d10_max_months: { months: '6' },
  available_from_by: { date: '' },
  available_for_weeks: { weeks: '8' },
  min_hours: { hoursPerWeek: '20' },
}

const EMPTY: Omit<RuleDraft, 'key' | 'kind'> = {
  note: '',
  months: '',
  enrolledCountry: '',
  country: '',
  countries: [],
  language: '',
  level: 'B1',
  statuses: [],
  hoursPerWeek: '',
  date: '',
  weeks: '',
}

/** A fresh draft of `kind` with its usual values. */
export function createRuleDraft(kind: EligibilityRuleKind, key: string): RuleDraft {
  return { ...EMPTY, ...DEFAULTS[kind], key, kind }
}

/** Changes a draft's kind, keeping its note and id and filling the new kind's usual values. */
export function changeRuleKind(draft: RuleDraft, kind: EligibilityRuleKind): RuleDraft {
  return { ...createRuleDraft(kind, draft.key), note: draft.note, ...(draft.id && { id: draft.id }) }
}

/** A stored rule as a draft. */
export function draftFromRule(rule: EligibilityRule, key: string): RuleDraft {
  const base: RuleDraft = {
    ...EMPTY,
    key,
    kind: rule.kind,
    note: rule.note ?? '',
    ...(rule.id && { id: rule.id }),
  }
  switch (rule.kind) {
    case 'enrolled_or_recent_graduate':
      return { ...base, months: String(rule.months), enrolledCountry: rule.enrolledCountry ?? '' }
    case 'studying_in_country':
      return { ...base, country: rule.country }
    case 'nationality_in':
    case 'nationality_not_in':
      return { ...base, countries: rule.countries }
    case 'language_min':
      return { ...base, language: rule.language, level: rule.level }
    case 'visa_allowed':
      return { ...base, statuses: rule.statuses }
    case 'd2_max_hours':
    case 'min_hours':
      return { ...base, hoursPerWeek: String(rule.hoursPerWeek) }
    case 'd10_max_months':
      return { ...base, months: String(rule.months) }
    case 'available_from_by':
      return { ...base, date: rule.date }
    case 'available_for_weeks':
      return { ...base, weeks: String(rule.weeks) }
  }
}

/** A whole number typed as text, or NaN (an empty field is not zero). */
function readWholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN
}

/** The rule a draft stands for, as the API takes it (not yet validated). */
function buildRule(draft: RuleDraft): Record<string, unknown> {
  const rule: Record<string, unknown> = { kind: draft.kind }
  if (draft.id) rule.id = draft.id
  if (draft.note.trim()) rule.note = draft.note.trim()
  for (const field of FIELDS_OF_KIND[draft.kind]) {
    if (field === 'months' || field === 'hoursPerWeek' || field === 'weeks')
      rule[field] = readWholeNumber(draft[field])
    else if (field === 'enrolledCountry') {
      if (draft.enrolledCountry) rule.enrolledCountry = draft.enrolledCountry
    } else rule[field] = draft[field]
  }
  return rule
}

/** The message for an invalid field, naming what it takes. */
function messageFor(field: RuleField, draft: RuleDraft): Message {
  switch (field) {
    case 'months':
    case 'hoursPerWeek':
    case 'weeks':
      return draft[field].trim() === ''
        ? { key: 'eligibilityScreen.errors.required' }
        : { key: 'eligibilityScreen.errors.wholeNumber', values: RANGES[field] }
    case 'countries':
      return { key: 'eligibilityScreen.errors.countries' }
    case 'statuses':
      return { key: 'eligibilityScreen.errors.statuses' }
    case 'date':
      return { key: 'eligibilityScreen.errors.date' }
    case 'note':
      return { key: 'eligibilityScreen.errors.note', values: { max: 500 } }
    default:
      return { key: 'eligibilityScreen.errors.pick' }
  }
}

/** Reads a field name from a validation path (`months`, `countries.0`, …). */
export function fieldOfPath(path: readonly PropertyKey[]): RuleField | null {
  const [first] = path
  const fields: readonly RuleField[] = [...new Set(Object.values(FIELDS_OF_KIND).flat()), 'note']
  return fields.find((field) => field === first) ?? null
}

/** Validates a draft with the domain's own schema: the rule, or a message per invalid field. */
export function readRuleDraft(draft: RuleDraft): { rule: EligibilityRule | null; errors: RuleErrors } {
  const parsed = EligibilityRuleSchema.safeParse(buildRule(draft))
  if (parsed.success) return { rule: parsed.data, errors: {} }
  const errors: RuleErrors = {}
  for (const issue of parsed.error.issues) {
    const field = fieldOfPath(issue.path) ?? FIELDS_OF_KIND[draft.kind][0] ?? 'note'
    errors[field] ??= messageFor(field, draft)
  }
  return { rule: null, errors }
}

/** A message for a field the server refused (the same wording as the form's own checks). */
export function messageForServerIssue(draft: RuleDraft, path: readonly string[]): [RuleField, Message] {
  const field = fieldOfPath(path) ?? FIELDS_OF_KIND[draft.kind][0] ?? 'note'
  return [field, messageFor(field, draft)]
}
