import type { EligibilityReason, EligibilityRule, EligibilityVerdict, UiLocale } from '../../domain/index.ts'
import { describeEligibilityReason } from './describe-eligibility-reason.ts'
import { describeEligibilityRule } from './describe-eligibility-rule.ts'

/** A reason with its sentence in one locale. */
export type LocalizedEligibilityReason = EligibilityReason & { readonly text: string }

/** A verdict whose reasons carry their sentence in one locale. */
export type LocalizedEligibilityVerdict = Omit<EligibilityVerdict, 'reasons'> & {
  readonly locale: UiLocale
  readonly reasons: readonly LocalizedEligibilityReason[]
}

/** Adds to every reason of a verdict its sentence in `locale`. */
export function localizeEligibilityVerdict(
  verdict: EligibilityVerdict,
  locale: UiLocale,
): LocalizedEligibilityVerdict {
  return {
    ...verdict,
    locale,
    reasons: verdict.reasons.map((reason) => ({
      ...reason,
      text: describeEligibilityReason(reason, locale),
    })),
  }
}

/** Rules with their condition in `locale`, for showing a program's rules. */
export function localizeEligibilityRules(
  rules: readonly EligibilityRule[],
  locale: UiLocale,
): { rule: EligibilityRule; text: string }[] {
  return rules.map((rule) => ({ rule, text: describeEligibilityRule(rule, locale) }))
}
