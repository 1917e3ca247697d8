import type { CvProfileSuggestion, DEGREES, LanguageLevel } from '../../domain/index.ts'
import { extractCandidateProfile } from '../../scoring/index.ts'
import { labelSkills } from './label-skills.ts'

const CEFR_BY_LEVEL: readonly LanguageLevel[] = ['A1', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2']

const NATIVE_WORDS = /native|mother tongue|모국어|원어민|tiếng mẹ đẻ|tieng me de|bản ngữ|ban ngu|bản xứ/i

const DEGREE_BY_LEVEL: Readonly<Record<string, (typeof DEGREES)[number] | undefined>> = {
  highschool: 'high_school',
  associate: 'associate',
  bachelor: 'bachelor',
  master: 'master',
  phd: 'doctorate',
}

/** `YYYY-MM` → that month's last day, `YYYY` → 31 December, else as given. */
function toCalendarDate(value: string | undefined): string | null {
  if (value === undefined) return null
  const month = /^(\d{4})-(\d{2})$/.exec(value)
  if (month) {
    const lastDay = new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).getUTCDate()
    return `${value}-${String(lastDay).padStart(2, '0')}`
  }
  if (/^\d{4}$/.test(value)) return `${value}-12-31`
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null
}

/**
 * Reads a pasted CV (Korean, English, Vietnamese or mixed) with the scoring extractor and turns what it
 * found into profile fields: skills with levels, language levels (CEFR), the highest degree and years of
 * experience, each with the words it came from. Stores nothing; never guesses what the text does not say.
 */
export function suggestProfileFromCv(text: string): CvProfileSuggestion {
  const extraction = extractCandidateProfile(text)
  const education = extraction.education
  const degree = education ? DEGREE_BY_LEVEL[education.level] : undefined
  return {
    status: extraction.status,
    reason: extraction.reason ?? null,
    textLanguages: extraction.textLanguages,
    warnings: extraction.warnings,
    skills: [...extraction.skills]
      .sort((a, b) => b.confidence - a.confidence || b.level - a.level || a.skill.localeCompare(b.skill))
      .flatMap((item) => {
        const label = labelSkills([item.skill])[item.skill]
        if (!label) return []
        return [
          {
            skill: item.skill,
            level: Math.min(5, Math.max(1, Math.round(item.level))),
            confidence: item.confidence,
            label,
            evidence: item.evidence.map((span) => span.context || span.text),
          },
        ]
      }),
    languages: extraction.languages.flatMap((item) => {
      if (!/^[a-z]{2}$/.test(item.code) || item.level < 1) return []
      const isNative = item.level >= 6 && NATIVE_WORDS.test(item.evidence.context)
      const level: LanguageLevel = isNative ? 'native' : (CEFR_BY_LEVEL[Math.min(6, item.level)] ?? 'A1')
      return [
        {
          language: item.code,
          level,
          source: item.source,
          confidence: item.confidence,
          evidence: item.evidence.context || item.evidence.text,
        },
      ]
    }),
    education:
      education && degree
        ? {
            degree,
            status: education.status === 'unknown' ? null : education.status,
            graduationDate: toCalendarDate(education.graduationDate),
            confidence: education.confidence,
            evidence: education.evidence.context || education.evidence.text,
          }
        : null,
    yearsOfExperience: extraction.yearsOfExperience
      ? {
          years: extraction.yearsOfExperience.years,
          evidence:
            extraction.yearsOfExperience.evidence.context || extraction.yearsOfExperience.evidence.text,
        }
      : null,
  }
}
