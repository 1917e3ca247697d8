/**
 * Minimal structural input and output types of the scoring library. They are plain JSON-serialisable data so
 * that the domain model, the API and the CLI can map onto them without importing anything else from here.
 *
 * Conventions: dates are ISO `YYYY-MM-DD` strings; skills are taxonomy ids (see `SKILL_TAXONOMY`); skill
 * levels run 1 (aware) … 5 (expert); language levels are CEFR-like 0 (none) … 6 (C2 / native); an optional
 * field left out means "unknown", and unknown values count half in the soft components (never a filter).
 */

/** How a candidate is willing to work, or how a position is staffed. */
export type WorkMode = 'remote' | 'onsite' | 'hybrid'

/** Highest education reached or being studied, ordered from lowest to highest. */
export type EducationLevel = 'none' | 'highschool' | 'associate' | 'bachelor' | 'master' | 'phd'

/** Whether the education above is finished. */
export type EducationStatus = 'graduated' | 'enrolled' | 'unknown'

/** A skill a candidate has (or a position needs): taxonomy id and level 1–5. */
export interface SkillLevel {
  readonly skill: string
  readonly level: number
}

/** A language a candidate speaks: ISO 639-1 code (`ko`, `en`, `vi`, …) and CEFR-like level 0–6. */
export interface LanguageLevel {
  readonly code: string
  readonly level: number
}

/** A candidate as the scoring library sees it. Only `id` and `skills` are required. */
export interface ScoringCandidate {
  readonly id: string
  /** Duplicates are allowed and collapse to the highest level (keyword stuffing cannot add weight). */
  readonly skills: readonly SkillLevel[]
  readonly languages?: readonly LanguageLevel[]
  readonly education?: {
    readonly level: EducationLevel
    readonly status: EducationStatus
    /** Actual or expected graduation date. */
    readonly graduationDate?: string
  }
  readonly yearsOfExperience?: number
  /** Modes the candidate accepts; unknown when absent. */
  readonly workModes?: readonly WorkMode[]
  /** Free-form location key compared as text: `COUNTRY-City`, e.g. `VN-Hanoi`, `KR-Seoul`. */
  readonly location?: string
  /** UTC offset of the candidate's working day, in minutes (Hanoi 420, Seoul 540). */
  readonly utcOffsetMinutes?: number
  readonly isWillingToRelocate?: boolean
  readonly availableFrom?: string
  readonly availableUntil?: string
  readonly hoursPerWeek?: number
  /** Score of a hub assessment, 0–100, when the candidate took one. */
  readonly assessmentScore?: number
  /** ISO 3166-1 alpha-2, e.g. `VN`. */
  readonly nationality?: string
  /** Visa or status code, e.g. `D-10`, `E-7`, `F-2`, `citizen`. */
  readonly visa?: string
}

/** A skill a position needs: taxonomy id, minimum level 1–5, and whether lacking it excludes the candidate. */
export interface RequiredSkill {
  readonly skill: string
  readonly minLevel: number
  /** A mandatory skill is a hard filter: no exact-or-more-specific skill at `minLevel` excludes the pair. */
  readonly isMandatory?: boolean
}

/** A language a position needs; `isHard` turns a shortfall into an exclusion instead of lower points. */
export interface LanguageRequirement {
  readonly code: string
  readonly minLevel: number
  readonly isHard?: boolean
}

/** Filters a position applies before scoring; each failure excludes the pair with a reason. */
export interface HardRequirements {
  readonly minAssessmentScore?: number
  /** Visa or status codes accepted; absent = any. A candidate of unknown visa fails a present list. */
  readonly allowedVisas?: readonly string[]
  /** Nationalities a program is legally restricted to (e.g. a government scheme); absent = any. */
  readonly allowedNationalities?: readonly string[]
  /** For remote or hybrid work: largest accepted time-zone difference in hours. */
  readonly maxTimeZoneDifferenceHours?: number
  /** The candidate must accept the position's work mode (onsite also needs the same city or relocation). */
  readonly isWorkModeRequired?: boolean
  /** The candidate must be available on the start date. */
  readonly isStartDateRequired?: boolean
  readonly minHoursPerWeek?: number
  readonly minEducationLevel?: EducationLevel
  readonly minYearsOfExperience?: number
}

/** A position (a seat group of a company) as the scoring library sees it. */
export interface ScoringPosition {
  readonly id: string
  readonly requiredSkills: readonly RequiredSkill[]
  readonly preferredSkills?: readonly RequiredSkill[]
  readonly languages?: readonly LanguageRequirement[]
  readonly workMode?: WorkMode
  readonly location?: string
  readonly utcOffsetMinutes?: number
  readonly startDate?: string
  readonly endDate?: string
  readonly hoursPerWeek?: number
  readonly education?: {
    readonly minLevel: EducationLevel
    /** The candidate should have graduated (or expect to) by this date. */
    readonly graduatedBy?: string
  }
  readonly minYearsOfExperience?: number
  /** Number of seats; used for demand figures. Default 1. */
  readonly seats?: number
  readonly hard?: HardRequirements
}

/** The named components of a fit score, in display order. */
export const FIT_COMPONENTS = [
  'requiredSkills',
  'preferredSkills',
  'languages',
  'workMode',
  'availability',
  'education',
  'experience',
  'assessment',
] as const

/** One of {@link FIT_COMPONENTS}. */
export type FitComponent = (typeof FIT_COMPONENTS)[number]

/** Per-program weights of the components; they are rescaled to sum to 100. */
export type ScoringWeights = Readonly<Record<FitComponent, number>>

/** Options shared by every scoring entry point; all optional. */
export interface ScoringOptions {
  /** Partial weights override the defaults component by component. */
  readonly weights?: Partial<ScoringWeights>
  /** Value 0–1 of the assessment component for a candidate without an assessment. Default 0.5. */
  readonly missingAssessmentValue?: number
}

/** Score given to an excluded pair in score matrices (scores are otherwise 0–100). */
export const EXCLUDED_SCORE = -1

/** Codes of hard-filter failures. */
export type ExclusionCode =
  | 'missing_mandatory_skill'
  | 'language_below_minimum'
  | 'work_mode_incompatible'
  | 'time_zone_too_far'
  | 'not_available_on_start'
  | 'hours_below_minimum'
  | 'education_below_minimum'
  | 'experience_below_minimum'
  | 'assessment_below_minimum'
  | 'visa_not_allowed'
  | 'nationality_not_allowed'

/** Parameter values carried by explanation items (skill ids, levels, hours, dates…). */
export type ExplanationParams = Readonly<Record<string, string | number>>

/** Why a pair is excluded: a code plus the values a formatter needs. */
export interface ExclusionReason {
  readonly code: ExclusionCode
  readonly params: ExplanationParams
}

/** Codes of explanation items (what matched, what is missing). */
export type ExplanationCode =
  | 'skill_matched'
  | 'skill_level_below'
  | 'skill_matched_related'
  | 'skill_missing'
  | 'no_requirement'
  | 'language_met'
  | 'language_below'
  | 'language_missing'
  | 'work_mode_match'
  | 'work_mode_other_city'
  | 'work_mode_mismatch'
  | 'time_zone_difference'
  | 'unknown_value'
  | 'available_on_start'
  | 'available_late'
  | 'availability_partial'
  | 'hours_match'
  | 'hours_short'
  | 'education_met'
  | 'education_pending'
  | 'education_below'
  | 'experience_met'
  | 'experience_short'
  | 'assessment_score'
  | 'assessment_missing'

/** One line of an explanation. */
export interface ExplanationItem {
  readonly code: ExplanationCode
  readonly params: ExplanationParams
}

/** One component of a fit: weight (points it is worth), value 0–1, points = weight × value, and its items. */
export interface ComponentExplanation {
  readonly component: FitComponent
  readonly weight: number
  readonly value: number
  readonly points: number
  readonly items: readonly ExplanationItem[]
}

/** The full, JSON-serialisable explanation of one candidate × position pair. */
export interface FitExplanation {
  readonly candidateId: string
  readonly positionId: string
  /** 0–100 rounded to 2 decimals, or {@link EXCLUDED_SCORE} when a hard filter failed. */
  readonly score: number
  /** Sum of the component points, also given for excluded pairs (what the score would have been). */
  readonly softScore: number
  readonly isExcluded: boolean
  readonly exclusions: readonly ExclusionReason[]
  readonly components: readonly ComponentExplanation[]
}

/** A recommended counterpart with its score. */
export interface Recommendation {
  readonly id: string
  readonly score: number
}

/** Locales the explanation formatter renders. */
export type ScoringLocale = 'ko' | 'en' | 'vi'
