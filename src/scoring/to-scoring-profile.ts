/**
 * Turns (possibly corrected) extractions into scoring inputs. Facts a text cannot give — work mode,
 * location, dates, hours, assessment, visa — come from `extra`, which also overrides anything extracted.
 */
import type { CandidateExtraction, PositionExtraction } from './extraction-types.ts'
import type { ScoringCandidate, ScoringPosition } from './scoring-types.ts'

/** `YYYY-MM` → that month's 28th, `YYYY` → 31 December: a conservative date for "graduated by" checks. */
export function toGraduationDay(date: string | undefined): string | undefined {
  if (date === undefined) return undefined
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-28`
  if (/^\d{4}$/.test(date)) return `${date}-12-31`
  return date
}

/** A scoring candidate from a CV extraction; `extra` fields win over extracted ones. */
export function toScoringCandidate(
  id: string,
  extraction: CandidateExtraction,
  extra: Partial<Omit<ScoringCandidate, 'id'>> = {},
): ScoringCandidate {
  const education = extraction.education
  const graduationDate = toGraduationDay(education?.graduationDate)
  return {
    id,
    skills: extraction.skills.map((item) => ({ skill: item.skill, level: item.level })),
    ...(extraction.languages.length > 0
      ? { languages: extraction.languages.map((item) => ({ code: item.code, level: item.level })) }
      : {}),
    ...(education === null
      ? {}
      : {
          education: {
            level: education.level,
            status: education.status,
            ...(graduationDate === undefined ? {} : { graduationDate }),
          },
        }),
    ...(extraction.yearsOfExperience === null
      ? {}
      : { yearsOfExperience: extraction.yearsOfExperience.years }),
    ...extra,
  }
}

/** A scoring position from a position-text extraction; `extra` fields win over extracted ones. */
export function toScoringPosition(
  id: string,
  extraction: PositionExtraction,
  extra: Partial<Omit<ScoringPosition, 'id'>> = {},
): ScoringPosition {
  return {
    id,
    requiredSkills: extraction.requiredSkills.map((item) => ({ skill: item.skill, minLevel: item.level })),
    preferredSkills: extraction.preferredSkills.map((item) => ({ skill: item.skill, minLevel: item.level })),
    languages: extraction.languages.map((item) => ({
      code: item.code,
      minLevel: item.level,
      isHard: item.isHard,
    })),
    ...(extraction.education === null ? {} : { education: { minLevel: extraction.education.level } }),
    ...(extraction.minYearsOfExperience === null
      ? {}
      : { minYearsOfExperience: extraction.minYearsOfExperience.years }),
    ...extra,
  }
}
