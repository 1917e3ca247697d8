import type { Application } from '../application.ts'
import type { Candidate, DEGREES } from '../candidate.ts'
import type { LanguageLevel, UiLocale } from '../common.ts'
import type { ProgramPhase } from '../program.ts'
import type { LocalizedEligibilityVerdict } from './eligibility-views.ts'

type Degree = (typeof DEGREES)[number]

/** Profile fields a candidate must fill before applying (a self-registered profile starts without them). */
export type RequiredProfileField = 'nationality' | 'residenceCountry' | 'city' | 'visaStatus'

/** A skill's name in the three interface languages. */
export type SkillLabel = Readonly<Record<UiLocale, string>>

/** The signed-in candidate's profile with what is still missing and the names of their skills. */
export interface OwnProfile extends Candidate {
  readonly missingFields: readonly RequiredProfileField[]
  readonly isProfileComplete: boolean
  /** When the profile was first complete, or null. */
  readonly profileCompletedAt: string | null
  readonly skillLabels: Readonly<Record<string, SkillLabel>>
}

/** The candidate's standing in one program: the rules' answer for their profile today, and their application. */
export interface OwnProgramEligibility {
  readonly programId: string
  readonly programPhase: ProgramPhase
  /** The day rules such as "graduated within 12 months" are measured from (the eligibility-check day). */
  readonly referenceDate: string
  /** Required profile fields still empty: the preview cannot be trusted until they are filled. */
  readonly missingFields: readonly RequiredProfileField[]
  /** The rules evaluated against the profile as it is now, each reason written in `locale`. */
  readonly preview: LocalizedEligibilityVerdict
  /** The application, if any. */
  readonly application: {
    readonly id: string
    readonly status: Application['status']
    readonly submittedAt: string
    /** A person (an operator) decided the status, whatever the rules say. */
    readonly isOverridden: boolean
  } | null
  /** The verdict of the hub's official check, once it has run. */
  readonly official: LocalizedEligibilityVerdict | null
  readonly canApply: boolean
  readonly canWithdraw: boolean
  /** When the call closes and when withdrawing stops (the timeline's next phases), where known. */
  readonly callClosesOn: string | null
  readonly withdrawUntil: string | null
}

/** One skill found in a CV, ready for the profile form: id, level, how sure, where, and its names. */
export interface CvSkillSuggestion {
  readonly skill: string
  readonly level: number
  readonly confidence: number
  readonly label: SkillLabel
  /** The phrases it was found in. */
  readonly evidence: readonly string[]
}

/** What a pasted CV suggests for the profile; the candidate corrects it before saving. */
export interface CvProfileSuggestion {
  readonly status: 'extracted' | 'nothing_extracted'
  readonly reason: string | null
  readonly textLanguages: readonly string[]
  readonly warnings: readonly string[]
  readonly skills: readonly CvSkillSuggestion[]
  readonly languages: readonly {
    readonly language: string
    readonly level: LanguageLevel
    readonly source: string
    readonly confidence: number
    readonly evidence: string
  }[]
  /** The highest degree; institution, field and country are not read from the text and stay to be filled. */
  readonly education: {
    readonly degree: Degree
    readonly status: 'enrolled' | 'graduated' | null
    readonly graduationDate: string | null
    readonly confidence: number
    readonly evidence: string
  } | null
  readonly yearsOfExperience: { readonly years: number; readonly evidence: string } | null
}
