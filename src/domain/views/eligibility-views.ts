import type { Application } from '../application.ts'
import type { UiLocale } from '../common.ts'
import type { EligibilityReason, EligibilityRule, EligibilityVerdict } from '../eligibility-rule.ts'

/** A reason with its sentence in one locale. */
export type LocalizedEligibilityReason = EligibilityReason & { readonly text: string }

/** A verdict whose reasons carry their sentence in one locale. */
export type LocalizedEligibilityVerdict = Omit<EligibilityVerdict, 'reasons'> & {
  readonly locale: UiLocale
  readonly reasons: readonly LocalizedEligibilityReason[]
}

/** A rule with its condition written in one locale. */
export interface LocalizedEligibilityRule {
  readonly rule: EligibilityRule
  readonly text: string
}

/** An application's eligibility as operators and reviewers see it. */
export interface ApplicationEligibility {
  readonly applicationId: string
  readonly candidateId: string
  readonly fullName: string
  readonly nationality: string
  readonly status: Application['status']
  readonly verdict: EligibilityVerdict | null
  readonly isOverridden: boolean
  readonly overrideReason: string | null
  readonly overriddenBy: string | null
  /** The operator's display name and when they decided (from the audit log), null without an override. */
  readonly overriddenByName: string | null
  readonly overriddenAt: string | null
}

/** What a check did: the day it measured from, the program dates it used, and the outcome counts. */
export interface EligibilityCheckSummary {
  readonly programId: string
  readonly referenceDate: string
  readonly programStart: string | null
  readonly programEnd: string | null
  /** Applications evaluated (every one not withdrawn). */
  readonly checked: number
  /** Final statuses after the check, overrides included. */
  readonly eligible: number
  readonly ineligible: number
  /** Applications whose operator override was kept (their verdict was refreshed, their status not). */
  readonly overridden: number
}

/** What a rule set would decide if it were saved and checked now, beside what is stored today. */
export interface EligibilityRulesPreview extends EligibilityCheckSummary {
  /** Applications whose final status would differ from their current one (submitted counts as a change). */
  readonly changed: number
  /** Applications that would become eligible / ineligible (overrides keep their status, so never here). */
  readonly becomeEligible: number
  readonly becomeIneligible: number
}
