/**
 * Output types of profile extraction. Every extracted item carries a confidence 0–1 and the text it came
 * from, so people can check and correct it before it feeds a score; all of it is plain JSON.
 */
import type { EducationLevel, EducationStatus } from './scoring-types.ts'

/** Where an item was found: the mention's span in the original text, the mention, and its clause. */
export interface EvidenceSpan {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly context: string
}

/** A skill found in a text: taxonomy id, estimated level 1–5, and up to three distinct mentions. */
export interface ExtractedSkill {
  readonly skill: string
  readonly level: number
  readonly confidence: number
  /** How many times it was mentioned; shown, never used by the score (repetition is not evidence). */
  readonly mentions: number
  readonly evidence: readonly EvidenceSpan[]
}

/** Where a language level came from. */
export type LanguageLevelSource =
  | 'topik'
  | 'ielts'
  | 'toeic'
  | 'toefl'
  | 'opic'
  | 'vstep'
  | 'jlpt'
  | 'hsk'
  | 'cefr'
  | 'self_reported'

/** A language and CEFR-like level 0–6 (A1 = 1 … C2/native = 6). */
export interface ExtractedLanguage {
  readonly code: string
  readonly level: number
  readonly source: LanguageLevelSource
  readonly confidence: number
  /** For position texts: stated as a must ("필수", "required", "bắt buộc"). */
  readonly isHard: boolean
  readonly evidence: EvidenceSpan
}

/** A degree with its status and graduation date (`YYYY-MM`, or `YYYY` when the month is not given). */
export interface ExtractedEducation {
  readonly level: EducationLevel
  readonly status: EducationStatus
  readonly graduationDate?: string
  readonly confidence: number
  readonly evidence: EvidenceSpan
}

/** Years of professional experience stated in a text. */
export interface ExtractedYears {
  readonly years: number
  readonly confidence: number
  readonly evidence: EvidenceSpan
}

/** Why nothing was extracted. */
export type NothingExtractedReason = 'empty' | 'unreadable' | 'no_recognised_content'

/** Warnings about the text as a whole. */
export type ExtractionWarning = 'keyword_stuffing_suspected'

/** Scripts and languages seen in a text. */
export type TextLanguage = 'ko' | 'en' | 'vi'

/** What was extracted from a CV. `status: 'nothing_extracted'` comes with empty lists, never guesses. */
export interface CandidateExtraction {
  readonly status: 'extracted' | 'nothing_extracted'
  readonly reason?: NothingExtractedReason
  readonly textLanguages: readonly TextLanguage[]
  readonly skills: readonly ExtractedSkill[]
  readonly languages: readonly ExtractedLanguage[]
  /** Highest degree found. */
  readonly education: ExtractedEducation | null
  readonly yearsOfExperience: ExtractedYears | null
  readonly warnings: readonly ExtractionWarning[]
}

/** What was extracted from a position description. */
export interface PositionExtraction {
  readonly status: 'extracted' | 'nothing_extracted'
  readonly reason?: NothingExtractedReason
  readonly textLanguages: readonly TextLanguage[]
  readonly requiredSkills: readonly ExtractedSkill[]
  readonly preferredSkills: readonly ExtractedSkill[]
  readonly languages: readonly ExtractedLanguage[]
  /** Lowest degree named as a requirement. */
  readonly education: ExtractedEducation | null
  readonly minYearsOfExperience: ExtractedYears | null
  readonly warnings: readonly ExtractionWarning[]
}
