/**
 * Years of professional experience in ko/en/vi ("5+ years of experience", "경력 3년", "3년차",
 * "3 năm kinh nghiệm", "kinh nghiệm 2 năm"), on folded text. Months count as fractions of a year.
 */
import { type AnalyzedText, createEvidence } from './analyze-text.ts'
import type { ExtractedYears } from './extraction-types.ts'

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`
const YEAR_PATTERNS: readonly RegExp[] = [
  new RegExp(
    String.raw`${NUMBER}\s*\+?\s*(?:years?|yrs?)(?:\s+of)?(?:\s+(?:professional|industry|industrial|work|working|relevant|hands-on|total|practical))*\s+(?:experience|exp\b)`,
    'g',
  ),
  new RegExp(String.raw`experience\s*[:\-]\s*${NUMBER}\s*\+?\s*(?:years?|yrs?)`, 'g'),
  new RegExp(String.raw`경력\s*[:\-]?\s*${NUMBER}\s*년`, 'g'),
  new RegExp(String.raw`${NUMBER}\s*년\s*(?:이상\s*)?(?:의\s*)?(?:실무\s*|업무\s*|개발\s*)?경력`, 'g'),
  new RegExp(String.raw`${NUMBER}\s*년차`, 'g'),
  new RegExp(String.raw`${NUMBER}\s*\+?\s*nam\s+kinh\s+nghiem`, 'g'),
  new RegExp(
    String.raw`kinh\s+nghiem\s*(?:lam viec\s*)?[:\-]?\s*(?:hon\s+|tren\s+|toi thieu\s+|it nhat\s+)?${NUMBER}\s*\+?\s*nam`,
    'g',
  ),
]

/** The largest stated number of years of experience (≤ 45), or null. */
export function extractExperienceYears(text: AnalyzedText): ExtractedYears | null {
  let best: ExtractedYears | null = null
  for (const pattern of YEAR_PATTERNS) {
    for (const match of text.folded.matchAll(pattern)) {
      const years = Number(match[1]!.replace(',', '.'))
      if (!(years > 0 && years <= 45)) continue
      if (best === null || years > best.years) {
        best = {
          years,
          confidence: 0.85,
          evidence: createEvidence(text, match.index, match.index + match[0].length),
        }
      }
    }
  }
  return best
}
