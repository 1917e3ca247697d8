/**
 * Language levels from test results (TOPIK, IELTS, TOEIC, TOEFL iBT, OPIc, VSTEP, JLPT, HSK), CEFR grades
 * and self-descriptions in ko/en/vi, mapped to a CEFR-like 1–6 scale (A1 = 1 … C2 = 6, native = 6).
 * Mappings follow the test owners' published CEFR alignments, rounded to whole levels.
 */
import { type AnalyzedText, clauseOf, createEvidence } from './analyze-text.ts'
import type { ExtractedLanguage, LanguageLevelSource } from './extraction-types.ts'

interface TestPattern {
  readonly source: LanguageLevelSource
  readonly code: string
  readonly pattern: RegExp
  readonly toLevel: (match: RegExpExecArray) => number
}

function ieltsLevel(band: number): number {
  if (band >= 8.5) return 6
  if (band >= 7) return 5
  if (band >= 5.5) return 4
  if (band >= 4) return 3
  return band >= 3 ? 2 : 1
}

function toeicLevel(score: number): number {
  if (score >= 945) return 5
  if (score >= 785) return 4
  if (score >= 550) return 3
  return score >= 225 ? 2 : 1
}

function toeflLevel(score: number): number {
  if (score >= 95) return 5
  if (score >= 72) return 4
  return score >= 42 ? 3 : 2
}

const OPIC_LEVELS: Readonly<Record<string, number>> = { al: 5, ih: 4, im: 3, il: 2, nh: 1, nm: 1, nl: 1 }

const TEST_PATTERNS: readonly TestPattern[] = [
  {
    source: 'topik',
    code: 'ko',
    pattern:
      /(?:topik|토픽|한국어\s*능력\s*시험)\s*(?:ii|i)?\s*[:(-]?\s*(?:level|lv\.?|cap|bac)?\s*([1-6])\s*(?:급|cap)?(?![0-9.])/g,
    toLevel: (match) => Number(match[1]),
  },
  {
    source: 'ielts',
    code: 'en',
    pattern: /ielts\s*(?:academic|general)?\s*(?:overall)?\s*[:(-]?\s*(\d(?:[.,]\d)?)(?![0-9])/g,
    toLevel: (match) => ieltsLevel(Number(match[1]!.replace(',', '.'))),
  },
  {
    source: 'toeic',
    code: 'en',
    pattern: /toeic\s*(?:l&r|lr)?\s*[:(-]?\s*(\d{3})(?![0-9])/g,
    toLevel: (match) => toeicLevel(Number(match[1])),
  },
  {
    source: 'toefl',
    code: 'en',
    pattern: /toefl\s*(?:ibt)?\s*[:(-]?\s*(\d{2,3})(?![0-9])/g,
    toLevel: (match) => toeflLevel(Number(match[1])),
  },
  {
    source: 'opic',
    code: 'en',
    pattern: /opic\s*[:(-]?\s*(al|ih|im[1-3]?|il|nh|nm|nl)\b/g,
    toLevel: (match) => OPIC_LEVELS[match[1]!.slice(0, 2)] ?? 1,
  },
  {
    source: 'vstep',
    code: 'en',
    pattern: /vstep\s*[:(-]?\s*(?:bac|level|b)?\s*([3-5])(?![0-9])/g,
    toLevel: (match) => Number(match[1]),
  },
  {
    source: 'jlpt',
    code: 'ja',
    pattern: /jlpt\s*[:(-]?\s*n\s*([1-5])(?![0-9])/g,
    toLevel: (match) => 6 - Number(match[1]),
  },
  {
    source: 'hsk',
    code: 'zh',
    pattern: /hsk\s*[:(-]?\s*(?:level|cap|급)?\s*([1-6])(?![0-9])/g,
    toLevel: (match) => Number(match[1]),
  },
]

/** Language names in en/ko/vi (folded: no diacritics) → ISO 639-1. */
const LANGUAGE_NAMES: readonly (readonly [RegExp, string])[] = [
  [/\bkorean\b|한국어|\btieng han\b|\bhan ngu\b/g, 'ko'],
  [/\benglish\b|영어|\btieng anh\b/g, 'en'],
  [/\bvietnamese\b|베트남어|\btieng viet\b/g, 'vi'],
  [/\bjapanese\b|일본어|\btieng nhat\b/g, 'ja'],
  [/\bchinese\b|\bmandarin\b|중국어|\btieng trung\b/g, 'zh'],
]

/** Self-descriptions, strongest first; the first that matches in the clause wins. */
const SELF_LEVELS: readonly (readonly [RegExp, number])[] = [
  [/\bnative\b|mother tongue|모국어|원어민|\btieng me de\b|\bban ngu\b|\bban xu\b/, 6],
  [/\bfluent\b|\bfluency\b|\bbusiness\b|유창|능통|비즈니스|\bluu loat\b|\bthanh thao\b|\bthong thao\b/, 5],
  [/\badvanced\b|\bprofessional\b|고급|상급|\bcao cap\b|\btot\b(?! nghiep)/, 4],
  [/\bintermediate\b|\bconversational\b|중급|일상\s*회화|회화 가능|\btrung cap\b|\bgiao tiep\b|\bkha\b/, 3],
  [/\bbasic\b|\bbeginner\b|\belementary\b|기초|초급|\bco ban\b|\bso cap\b/, 2],
]

const CEFR = /\b([abc])\s?([12])\b/
const HARD_MARKERS = /\brequired\b|\bmust\b|\bmandatory\b|필수|\bbat buoc\b|\byeu cau\b/

function sourcePriority(source: LanguageLevelSource): number {
  return source === 'self_reported' ? 0 : source === 'cefr' ? 1 : 2
}

/** A test result beats a CEFR grade, which beats a self-description; within one kind the higher level wins. */
function addLevel(found: Map<string, ExtractedLanguage>, item: ExtractedLanguage): void {
  const previous = found.get(item.code)
  const isBetter =
    previous === undefined ||
    sourcePriority(item.source) > sourcePriority(previous.source) ||
    (sourcePriority(item.source) === sourcePriority(previous.source) && item.level > previous.level)
  if (isBetter) found.set(item.code, item)
}

/**
 * Every language level stated in `text`, one per language (the highest). `isHard` marks a level stated as
 * a must (meaningful in position texts).
 */
export function extractLanguageLevels(text: AnalyzedText): ExtractedLanguage[] {
  const found = new Map<string, ExtractedLanguage>()
  const folded = text.folded
  const isHardAt = (position: number): boolean => {
    const [start, end] = clauseOf(text, position)
    return HARD_MARKERS.test(folded.slice(start, end))
  }
  for (const test of TEST_PATTERNS) {
    for (const match of folded.matchAll(test.pattern)) {
      const start = match.index
      const level = Math.max(1, Math.min(6, test.toLevel(match as RegExpExecArray)))
      addLevel(found, {
        code: test.code,
        level,
        source: test.source,
        confidence: 0.95,
        isHard: isHardAt(start),
        evidence: createEvidence(text, start, start + match[0].length),
      })
    }
  }
  for (const [pattern, code] of LANGUAGE_NAMES) {
    for (const match of folded.matchAll(pattern)) {
      const start = match.index
      const [clauseStart, clauseEnd] = clauseOf(text, start)
      // Level words sit after the name ("English C1", "한국어 능통") or just before it ("fluent Korean").
      const after = folded.slice(start, clauseEnd)
      const before = folded.slice(Math.max(clauseStart, start - 20), start)
      const cefr = CEFR.exec(after) ?? CEFR.exec(before)
      if (cefr !== null) {
        const level = (cefr[1]!.charCodeAt(0) - 97) * 2 + Number(cefr[2])
        addLevel(found, {
          code,
          level,
          source: 'cefr',
          confidence: 0.9,
          isHard: isHardAt(start),
          evidence: createEvidence(text, start, start + match[0].length),
        })
        continue
      }
      const self = SELF_LEVELS.find(([words]) => words.test(after) || words.test(before))
      if (self !== undefined) {
        addLevel(found, {
          code,
          level: self[1],
          source: 'self_reported',
          confidence: 0.75,
          isHard: isHardAt(start),
          evidence: createEvidence(text, start, start + match[0].length),
        })
      }
    }
  }
  return [...found.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
}
