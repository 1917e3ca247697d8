import type { Candidate, LanguageLevel } from '../../domain/index.ts'
import type { EducationLevel, ScoringCandidate } from '../../scoring/index.ts'

export const CEFR: Readonly<Record<LanguageLevel, number>> = {
  A1: 1,
  A2: 2,
  B1: 3,
  B2: 4,
  C1: 5,
  C2: 6,
  native: 6,
}

const DEGREE_LEVEL: Readonly<Record<string, EducationLevel>> = {
  high_school: 'highschool',
  bootcamp: 'highschool',
  associate: 'associate',
  bachelor: 'bachelor',
  master: 'master',
  doctorate: 'phd',
}

const LEVEL_ORDER: readonly EducationLevel[] = [
  'none',
  'highschool',
  'associate',
  'bachelor',
  'master',
  'phd',
]

/** UTC offset of a time zone on a fixed day (so scores do not depend on the clock), in minutes. */
export function utcOffsetMinutes(timeZone: string, day = '2027-01-15'): number | undefined {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(
      new Date(`${day}T12:00:00Z`),
    )
    const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? ''
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
    if (!match) return name === 'GMT' ? 0 : undefined
    const minutes = Number(match[2]) * 60 + Number(match[3])
    return match[1] === '-' ? -minutes : minutes
  } catch {
    return undefined
  }
}

/** A stored candidate as the scoring library sees them. */
export function toScoringCandidateOf(candidate: Candidate): ScoringCandidate {
  const highest = [...candidate.education].sort(
    (a, b) =>
      LEVEL_ORDER.indexOf(DEGREE_LEVEL[b.degree] ?? 'none') -
      LEVEL_ORDER.indexOf(DEGREE_LEVEL[a.degree] ?? 'none'),
  )[0]
  const months = candidate.experience.reduce((sum, item) => sum + item.months, 0)
  const offset = utcOffsetMinutes(candidate.timeZone)
  return {
    id: candidate.id,
    skills: candidate.skills,
    languages: candidate.languages.map((l) => ({ code: l.language, level: CEFR[l.level] })),
    ...(highest && {
      education: {
        level: DEGREE_LEVEL[highest.degree] ?? 'none',
        status:
          highest.status === 'enrolled'
            ? 'enrolled'
            : highest.status === 'graduated'
              ? 'graduated'
              : 'unknown',
        ...(highest.graduationDate && { graduationDate: highest.graduationDate }),
      },
    }),
    yearsOfExperience: Math.round((months / 12) * 10) / 10,
    workModes: candidate.workModePreference,
    location: `${candidate.residenceCountry}-${candidate.city}`,
    ...(offset !== undefined && { utcOffsetMinutes: offset }),
    ...(candidate.availableFrom && { availableFrom: candidate.availableFrom }),
    ...(candidate.availableTo && { availableUntil: candidate.availableTo }),
    hoursPerWeek: candidate.hoursPerWeek,
    nationality: candidate.nationality,
    visa: candidate.visaStatus,
  }
}
