/**
 * Degrees, their status and graduation dates in ko/en/vi ("B.S. in CS, 2021", "석사 졸업 예정 2025.08",
 * "Kỹ sư CNTT, tốt nghiệp 06/2023"). Works line by line on folded text.
 */
import { type AnalyzedText, createEvidence, lineOf } from './analyze-text.ts'
import type { ExtractedEducation } from './extraction-types.ts'
import type { EducationLevel, EducationStatus } from './scoring-types.ts'

/** Education levels from lowest to highest; the index is the rank used by the score. */
export const EDUCATION_LEVELS: readonly EducationLevel[] = [
  'none',
  'highschool',
  'associate',
  'bachelor',
  'master',
  'phd',
]

const DEGREE_PATTERNS: readonly (readonly [RegExp, EducationLevel])[] = [
  [/\bph\.?\s?d\b|\bdoctorate\b|\bdoctoral\b|박사|\btien si\b/g, 'phd'],
  [/\bmaster'?s?\b|\bm\.s\.|\bm\.sc\b|\bmsc\b|\bm\.eng\b|\bmeng\b|석사|\bthac si\b|\bcao hoc\b/g, 'master'],
  [
    /\bbachelor'?s?\b|\bb\.s\.|\bb\.sc\b|\bbsc\b|\bb\.eng\b|\bbeng\b|\bb\.?tech\b|\bundergraduate\b|\bb\.a\.|학사|학부|대학교|\bcu nhan\b|\bbang ky su\b|\bky su\b(?=.*\b(?:dai hoc|truong|tot nghiep|university)\b)|\bdai hoc\b|\buniversity degree\b|\bsinh vien\b|\buniversity student\b|대학생|학부생/g,
    'bachelor',
  ],
  [/\bassociate degree\b|전문학사|전문대|\bcao dang\b/g, 'associate'],
  [/\bhigh school\b|고등학교|\bthpt\b/g, 'highschool'],
]

const ENROLLED =
  /expected|anticipated|\bcandidate\b|\bstudent\b|\bsinh vien\b|대학생|학부생|in progress|\bpresent\b|\bcurrent\b|재학|예정|수료 예정|\bdu kien\b|\bdang hoc\b|\bsinh vien nam\b|\bnow\b|\bhien tai\b/
const GRADUATED = /graduat|졸업|\btot nghiep\b|\bcompleted\b|\bawarded\b/

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
}

function pad(month: number): string {
  return month < 10 ? `0${month}` : String(month)
}

/** The latest date in a line, as `YYYY-MM` or `YYYY`; null if none. */
export function findLatestDate(line: string): string | null {
  let bestKey = -1
  let best: string | null = null
  const consider = (year: number, month: number | null): void => {
    if (year < 1950 || year > 2100 || (month !== null && (month < 1 || month > 12))) return
    const key = year * 100 + (month ?? 0)
    if (key > bestKey) {
      bestKey = key
      best = month === null ? String(year) : `${year}-${pad(month)}`
    }
  }
  for (const match of line.matchAll(/\b((?:19|20)\d{2})\s*(?:[.\-/]|년)\s*(\d{1,2})(?![0-9])/g)) {
    consider(Number(match[1]), Number(match[2]))
  }
  for (const match of line.matchAll(/(?<![0-9.])(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})\b/g)) {
    consider(Number(match[2]), Number(match[1]))
  }
  for (const match of line.matchAll(/\bthang\s*(\d{1,2})\s*(?:\/|nam|-)\s*((?:19|20)\d{2})\b/g)) {
    consider(Number(match[2]), Number(match[1]))
  }
  for (const match of line.matchAll(
    /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*((?:19|20)\d{2})\b/g,
  )) {
    consider(Number(match[2]), MONTHS[match[1]!] ?? null)
  }
  for (const match of line.matchAll(/(?<![0-9])((?:19|20)\d{2})(?![0-9])/g)) consider(Number(match[1]), null)
  return best
}

/**
 * Degrees found in `text`, one per level named on a line, highest level first. Status: "expected /
 * 예정 / dự kiến" → enrolled; "graduated / 졸업 / tốt nghiệp" or a date alone → graduated; else unknown.
 */
export function extractEducation(text: AnalyzedText): ExtractedEducation[] {
  const found: ExtractedEducation[] = []
  const seenLines = new Set<string>()
  for (const [pattern, level] of DEGREE_PATTERNS) {
    for (const match of text.folded.matchAll(pattern)) {
      const [lineStart, lineEnd] = lineOf(text, match.index)
      const key = `${lineStart}:${level}`
      if (seenLines.has(key)) continue
      seenLines.add(key)
      const line = text.folded.slice(lineStart, lineEnd)
      const date = findLatestDate(line)
      let status: EducationStatus = 'unknown'
      if (ENROLLED.test(line)) status = 'enrolled'
      else if (GRADUATED.test(line) || date !== null) status = 'graduated'
      found.push({
        level,
        status,
        ...(date === null ? {} : { graduationDate: date }),
        confidence: date === null ? 0.7 : 0.85,
        evidence: createEvidence(text, match.index, match.index + match[0].length, true),
      })
    }
  }
  return found.sort((a, b) => EDUCATION_LEVELS.indexOf(b.level) - EDUCATION_LEVELS.indexOf(a.level))
}
