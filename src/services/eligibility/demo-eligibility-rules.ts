import type { EligibilityRule } from '../../domain/index.ts'

/**
 * The demo global internship's rules: students or recent graduates (12 months), English B1 or better,
 * a visa that allows the internship, the D-2 part-time limit of 25 hours a week in term, and the D-10
 * limit of 6 months of internship per company.
 */
export const DEMO_ELIGIBILITY_RULES: readonly EligibilityRule[] = [
  {
    id: 'student-or-recent-graduate',
    kind: 'enrolled_or_recent_graduate',
    months: 12,
    note: 'Students, or graduates of the last 12 months counted from the eligibility check.',
  },
  { id: 'english-b1', kind: 'language_min', language: 'en', level: 'B1' },
  {
    id: 'visa',
    kind: 'visa_allowed',
    statuses: ['D-2', 'D-10', 'abroad', 'none_needed', 'F-2', 'F-4', 'F-5'],
    note: 'Applicants abroad intern remotely or come on a visa the hub arranges.',
  },
  {
    id: 'd2-hours',
    kind: 'd2_max_hours',
    hoursPerWeek: 25,
    note: 'D-2 students may work part-time only, with the university’s permission.',
  },
  { id: 'd10-months', kind: 'd10_max_months', months: 6 },
]
