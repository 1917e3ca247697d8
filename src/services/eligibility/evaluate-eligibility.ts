import {
  type Candidate,
  type EligibilityReason,
  type EligibilityReasonCode,
  type EligibilityRule,
  type EligibilityVerdict,
  LANGUAGE_LEVELS,
} from '../../domain/index.ts'
import { addMonths, countDaysBetween } from './calendar-days.ts'

/** The candidate fields eligibility looks at. */
export type EligibilityCandidate = Pick<
  Candidate,
  'nationality' | 'languages' | 'education' | 'visaStatus' | 'availableFrom' | 'availableTo' | 'hoursPerWeek'
>

/** When the check happens (no clock inside) and, where known, when the program runs (`YYYY-MM-DD`). */
export interface EligibilityOptions {
  /** "Graduated within N months" and open availability are measured from this day. */
  readonly referenceDate: string
  readonly programStart?: string
  readonly programEnd?: string
}

/** Degrees that count as university studies; a high-school or bootcamp record does not. */
const UNIVERSITY_DEGREES: ReadonlySet<string> = new Set(['associate', 'bachelor', 'master', 'doctorate'])

type Outcome = { code: EligibilityReasonCode; isMet: boolean; params: EligibilityReason['params'] }

const met = (code: EligibilityReasonCode, params: Outcome['params']): Outcome => ({
  code,
  isMet: true,
  params,
})
const unmet = (code: EligibilityReasonCode, params: Outcome['params']): Outcome => ({
  code,
  isMet: false,
  params,
})

const levelRank = (level: string): number =>
  LANGUAGE_LEVELS.indexOf(level as (typeof LANGUAGE_LEVELS)[number])

function evaluateRule(candidate: EligibilityCandidate, rule: EligibilityRule, options: EligibilityOptions) {
  const universities = candidate.education.filter((entry) => UNIVERSITY_DEGREES.has(entry.degree))
  const enrolled = universities.filter((entry) => entry.status === 'enrolled')
  switch (rule.kind) {
    case 'enrolled_or_recent_graduate': {
      const { months, enrolledCountry } = rule
      const enrolledThere = enrolled.find(
        (entry) => enrolledCountry === undefined || entry.country === enrolledCountry,
      )
      if (enrolledThere) return met('currently_enrolled', { country: enrolledThere.country })
      const graduated = universities.filter((entry) => entry.status === 'graduated')
      // ISO dates sort as text; the latest graduation is the one that can still be recent.
      const latest = graduated
        .flatMap((entry) => (entry.graduationDate ? [entry.graduationDate] : []))
        .sort()
        .at(-1)
      if (latest !== undefined && options.referenceDate <= addMonths(latest, months))
        return met('graduated_within_months', { months, graduationDate: latest })
      // An undated degree may be the recent one: asking for the date is more useful than "too long ago".
      if (graduated.some((entry) => !entry.graduationDate))
        return unmet('graduation_date_missing', { months })
      if (latest !== undefined) return unmet('graduated_too_long_ago', { months, graduationDate: latest })
      const elsewhere = enrolled[0]
      if (elsewhere && enrolledCountry !== undefined)
        return unmet('enrolled_outside_country', {
          requiredCountry: enrolledCountry,
          country: elsewhere.country,
        })
      return unmet('no_education', { months })
    }
    case 'studying_in_country':
      return enrolled.some((entry) => entry.country === rule.country)
        ? met('currently_enrolled', { country: rule.country })
        : unmet('not_enrolled_in_country', { requiredCountry: rule.country })
    case 'nationality_in': {
      const params = { nationality: candidate.nationality, countries: [...rule.countries] }
      return rule.countries.includes(candidate.nationality)
        ? met('nationality_allowed', params)
        : unmet('nationality_not_allowed', params)
    }
    case 'nationality_not_in': {
      const params = { nationality: candidate.nationality, countries: [...rule.countries] }
      return rule.countries.includes(candidate.nationality)
        ? unmet('nationality_excluded', params)
        : met('nationality_allowed', params)
    }
    case 'language_min': {
      const { language, level: required } = rule
      const levels = candidate.languages.filter((entry) => entry.language === language).map((e) => e.level)
      if (levels.length === 0) return unmet('language_missing', { language, required })
      const best = levels.reduce((a, b) => (levelRank(b) > levelRank(a) ? b : a))
      const params = { language, level: best, required }
      return levelRank(best) >= levelRank(required)
        ? met('language_level_met', params)
        : unmet('language_level_below', params)
    }
    case 'visa_allowed': {
      const params = { visaStatus: candidate.visaStatus, statuses: [...rule.statuses] }
      return rule.statuses.includes(candidate.visaStatus)
        ? met('visa_allowed', params)
        : unmet('visa_not_allowed', params)
    }
    case 'd2_max_hours': {
      if (candidate.visaStatus !== 'D-2')
        return met('d2_not_applicable', { visaStatus: candidate.visaStatus })
      const params = { hoursPerWeek: candidate.hoursPerWeek, maxHours: rule.hoursPerWeek }
      return candidate.hoursPerWeek <= rule.hoursPerWeek
        ? met('d2_hours_within_limit', params)
        : unmet('d2_hours_over_limit', params)
    }
    case 'd10_max_months': {
      if (candidate.visaStatus !== 'D-10')
        return met('d10_not_applicable', { visaStatus: candidate.visaStatus })
      const { programStart, programEnd } = options
      // Without program dates the limit cannot be checked; the candidate is not to blame, so it counts as met
      // and the distinct code lets the operator see it.
      if (programStart === undefined || programEnd === undefined)
        return met('d10_duration_unknown', { months: rule.months })
      const params = { months: rule.months, programStart, programEnd }
      return programEnd <= addMonths(programStart, rule.months)
        ? met('d10_duration_within_limit', params)
        : unmet('d10_duration_over_limit', params)
    }
    case 'available_from_by': {
      const { availableFrom } = candidate
      if (availableFrom === undefined) return unmet('availability_missing', { date: rule.date })
      const params = { availableFrom, date: rule.date }
      return availableFrom <= rule.date
        ? met('available_in_time', params)
        : unmet('available_too_late', params)
    }
    case 'available_for_weeks': {
      // Time counts from when both the candidate and the program are ready; with neither known, from the check.
      const starts = [candidate.availableFrom, options.programStart].filter(
        (d): d is string => d !== undefined,
      )
      const from = starts.sort().at(-1) ?? options.referenceDate
      const to = candidate.availableTo
      if (to === undefined) return met('available_open_ended', { weeks: rule.weeks, from })
      const days = countDaysBetween(from, to) + 1 // both ends included
      const params = { weeks: rule.weeks, availableWeeks: Math.max(0, Math.floor(days / 7)), from, to }
      return days >= rule.weeks * 7
        ? met('available_weeks_enough', params)
        : unmet('available_weeks_too_few', params)
    }
    case 'min_hours': {
      const params = { hoursPerWeek: candidate.hoursPerWeek, minHours: rule.hoursPerWeek }
      return candidate.hoursPerWeek >= rule.hoursPerWeek
        ? met('hours_enough', params)
        : unmet('hours_too_few', params)
    }
  }
}

/**
 * Evaluates every rule for one candidate: eligible when all are met (no rules: eligible). One reason per
 * rule, in rule order, met or not, with the values that decided it. Pure: the reference date is an input.
 */
export function evaluateEligibility(
  candidate: EligibilityCandidate,
  rules: readonly EligibilityRule[],
  options: EligibilityOptions,
): EligibilityVerdict {
  const reasons = rules.map((rule): EligibilityReason => {
    const outcome = evaluateRule(candidate, rule, options)
    return { ...(rule.id !== undefined && { ruleId: rule.id }), kind: rule.kind, ...outcome }
  })
  return {
    isEligible: reasons.every((reason) => reason.isMet),
    referenceDate: options.referenceDate,
    reasons,
  }
}
