import type {
  EligibilityRule,
  EligibilityVerdict,
  LocalizedEligibilityRule,
  LocalizedEligibilityVerdict,
  UiLocale,
} from '../../domain/index.ts'
import { describeEligibilityReason } from './describe-eligibility-reason.ts'
import { describeEligibilityRule } from './describe-eligibility-rule.ts'

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
): LocalizedEligibilityRule[] {
  return rules.map((rule) => ({ rule, text: describeEligibilityRule(rule, locale) }))
}
