/** Eligibility: rules evaluated purely, verdicts in ko/en/vi, and the use cases that store them. */

export { checkProgramEligibility } from './check-program-eligibility.ts'
export { clearEligibilityOverride } from './clear-eligibility-override.ts'
export { DEMO_ELIGIBILITY_RULES } from './demo-eligibility-rules.ts'
export { describeEligibilityReason } from './describe-eligibility-reason.ts'
export { describeEligibilityRule } from './describe-eligibility-rule.ts'
export {
  type EligibilityCandidate,
  type EligibilityOptions,
  evaluateEligibility,
} from './evaluate-eligibility.ts'
export { getEligibilityRules } from './get-eligibility-rules.ts'
export { getOwnEligibility, type OwnEligibility } from './get-own-eligibility.ts'
export { listProgramEligibility } from './list-program-eligibility.ts'
export * from './localize-eligibility-verdict.ts'
export { overrideEligibility } from './override-eligibility.ts'
export { previewEligibilityRules } from './preview-eligibility-rules.ts'
export { setEligibilityRules } from './set-eligibility-rules.ts'
