/** Eligibility: rules evaluated purely, verdicts in ko/en/vi, and the use cases that store them. */
export * from './check-eligibility.ts'
export { DEMO_ELIGIBILITY_RULES } from './demo-eligibility-rules.ts'
export { describeEligibilityReason } from './describe-eligibility-reason.ts'
export { describeEligibilityRule } from './describe-eligibility-rule.ts'
export {
  type EligibilityCandidate,
  type EligibilityOptions,
  evaluateEligibility,
} from './evaluate-eligibility.ts'
export * from './localize-eligibility-verdict.ts'
