import { z } from 'zod'

/** Longest free-text field accepted anywhere (a CV or a project description). */
export const MAX_LONG_TEXT = 20_000
/** Longest short text (names, titles, cities). */
export const MAX_SHORT_TEXT = 200

/** A server-assigned identifier: a UUID, never a counter, so ids cannot be guessed. */
export const IdSchema = z.uuid()
/** An identifier as the API and database store it. */
export type Id = z.infer<typeof IdSchema>

/** A key that the hub's own files use for a row (CSV re-imports are matched on it). */
export const ExternalKeySchema = z.string().trim().min(1).max(100)

/** Short free text: trimmed, 1–200 characters. */
export const ShortTextSchema = z.string().trim().min(1).max(MAX_SHORT_TEXT)
/** Long free text, up to 20,000 characters. */
export const LongTextSchema = z.string().max(MAX_LONG_TEXT)

/** A calendar date written `YYYY-MM-DD`. */
export const IsoDateSchema = z.iso.date()

/** An ISO 3166-1 alpha-2 country code in capitals (`VN`, `KR`). */
export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as VN or KR')

/** Skill level from 1 (basic) to 5 (expert). */
export const SkillLevelSchema = z.number().int().min(1).max(5)

/** One skill with a level; `skill` is a taxonomy id such as `pytorch` or a free label. */
export const SkillLevelEntrySchema = z.strictObject({
  skill: z.string().trim().min(1).max(80),
  level: SkillLevelSchema,
})
/** A skill and its level. */
export type SkillLevelEntry = z.infer<typeof SkillLevelEntrySchema>

/** Language proficiency on the CEFR scale, plus `native`. */
export const LANGUAGE_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const
/** One of {@link LANGUAGE_LEVELS}. */
export const LanguageLevelSchema = z.enum(LANGUAGE_LEVELS)
/** A CEFR level or `native`. */
export type LanguageLevel = z.infer<typeof LanguageLevelSchema>

/** A language (ISO 639-1, e.g. `ko`, `en`, `vi`) with a level. */
export const LanguageEntrySchema = z.strictObject({
  language: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code such as ko, en or vi'),
  level: LanguageLevelSchema,
})
/** A language and its level. */
export type LanguageEntry = z.infer<typeof LanguageEntrySchema>

/** How work is done. */
export const WORK_MODES = ['remote', 'onsite', 'hybrid'] as const
/** One of {@link WORK_MODES}. */
export const WorkModeSchema = z.enum(WORK_MODES)
/** remote | onsite | hybrid */
export type WorkMode = z.infer<typeof WorkModeSchema>

/** An IANA time zone name such as `Asia/Seoul` or `Asia/Ho_Chi_Minh`. */
export const TimeZoneSchema = z
  .string()
  .regex(/^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/, 'must be an IANA time zone such as Asia/Seoul')
  .max(64)

/** User-interface languages Ieum speaks. */
export const UI_LOCALES = ['ko', 'en', 'vi'] as const
/** One of {@link UI_LOCALES}. */
export const UiLocaleSchema = z.enum(UI_LOCALES)
/** ko | en | vi */
export type UiLocale = z.infer<typeof UiLocaleSchema>
