/**
 * Skills in a text with levels, confidence and evidence. Levels come from qualifiers in the same clause:
 * stated years ("PyTorch 3 years", "파이토치 3년", "3 năm PyTorch") or words ("advanced", "능숙", "thành
 * thạo" / "basic", "기초", "cơ bản"); a bare mention is level 3. Repetition never raises a level or adds a
 * skill: each skill is kept once, with its strongest distinct evidence. A line that dumps very many skills
 * or a text that repeats the same keywords is flagged, and skills seen only there are capped at level 2.
 * A mention in a clause that denies it ("no experience with Kubernetes") is not evidence.
 */
import { type AnalyzedText, clauseOf, createEvidence, lineOf } from './analyze-text.ts'
import type { EvidenceSpan, ExtractedSkill } from './extraction-types.ts'
import { findSkillMentions } from './find-skill-mentions.ts'
import type { SkillTaxonomy } from './skill-taxonomy.ts'

/** Which part of a position text a mention sits in. */
export type SkillSection = 'required' | 'preferred'

/** Skills found in a text, split by section (CVs have only `required`), plus a stuffing flag. */
export interface SkillExtraction {
  readonly required: ExtractedSkill[]
  readonly preferred: ExtractedSkill[]
  readonly isStuffingSuspected: boolean
}

const YEARS_QUALIFIER =
  /(\d+(?:[.,]\d+)?)\s*\+?\s*(?:years?|yrs?|nam|년|năm)(?!\s*(?:차|\d))|(\d+)\s*(?:months?|개월|thang)\b/
const LEVEL_WORDS: readonly (readonly [RegExp, number])[] = [
  [/\bexpert\b|\bexpertise\b|\bmastery\b|전문가|\bchuyen gia\b/, 5],
  [
    /\badvanced\b|\bproficient\b|\bproficiency\b|\bstrong\b|\bextensive\b|\bsolid\b|\bdeep\b|능숙|숙련|고급|숙달|\bthanh thao\b|\bthong thao\b|\bnang cao\b|\bsau ve\b/,
    4,
  ],
  [/\bintermediate\b|중급|\btrung cap\b/, 3],
  [
    /\bbasic\b|\bbasics\b|\bbeginner\b|\bfamiliar\b|\bfamiliarity\b|\bexposure\b|\bunderstanding of\b|기초|입문|초급|기본 지식|\bco ban\b|\blam quen\b|\bdang hoc\b|\bhieu biet\b/,
    2,
  ],
]
const PREFERRED_MARKERS =
  /\bpreferred\b|\bnice[\s-]to[\s-]have\b|\bbonus\b|\bplus\b|\bgood to have\b|\bdesirable\b|우대|선호|가산점|\buu tien\b|\bdiem cong\b|\bloi the\b/
const REQUIRED_MARKERS =
  /\brequired\b|\brequirements?\b|\bmust\b|\bqualifications\b|자격|필수|요건|\byeu cau\b|\bbat buoc\b|\bcan co\b/
/** A clause that denies the skill ("no experience with", "경험 없음", "chưa có kinh nghiệm") gives no evidence. */
const NEGATION =
  /\bno (?:prior |professional )?experience\b|\bnot familiar\b|\bnever used\b|\bhave not used\b|\bhaven't used\b|경험\s*없|미경험|해\s*본\s*적\s*없|\bchua co kinh nghiem\b|\bchua tung\b|\bkhong co kinh nghiem\b|\bkhong biet\b/
const STUFFED_LINE_SKILLS = 20
const STUFFED_REPEAT_RATIO = 3

function levelFromYears(years: number): number {
  if (years < 1) return 2
  if (years < 3) return 3
  return years < 5 ? 4 : 5
}

/** Level 1–5 stated in a clause, or 0 when the clause states none. */
function qualifierLevel(clause: string): number {
  const years = YEARS_QUALIFIER.exec(clause)
  if (years !== null) {
    const value = years[1] !== undefined ? Number(years[1].replace(',', '.')) : Number(years[2]) / 12
    if (value > 0 && value <= 40) return levelFromYears(value)
  }
  for (const [words, level] of LEVEL_WORDS) if (words.test(clause)) return level
  return 0
}

interface Accumulator {
  level: number
  confidence: number
  mentions: number
  evidence: EvidenceSpan[]
  lines: Set<number>
  section: SkillSection
}

function isHeaderLine(line: string): boolean {
  const trimmed = line.trim()
  return trimmed.length <= 40 || trimmed.endsWith(':')
}

/**
 * For a position text: which section a folded position is in. Section headers ("Requirements", "자격요건",
 * "Preferred", "우대사항", "Ưu tiên") set it for the lines below; an inline marker ("… is a plus", "필수")
 * decides for its own clause or line.
 */
export function createSectionLookup(text: AnalyzedText): (position: number) => SkillSection {
  const folded = text.folded
  const sectionByLine = new Map<number, SkillSection>()
  let section: SkillSection = 'required'
  for (const start of text.lineStarts) {
    const [, end] = lineOf(text, start)
    const line = folded.slice(start, end)
    if (isHeaderLine(line)) {
      if (PREFERRED_MARKERS.test(line)) section = 'preferred'
      else if (REQUIRED_MARKERS.test(line)) section = 'required'
    }
    sectionByLine.set(start, section)
  }
  return (position) => {
    const [clauseStart, clauseEnd] = clauseOf(text, position)
    const [lineStart, lineEnd] = lineOf(text, position)
    const clause = folded.slice(clauseStart, clauseEnd)
    const line = folded.slice(lineStart, lineEnd)
    if (PREFERRED_MARKERS.test(clause) || (!isHeaderLine(line) && PREFERRED_MARKERS.test(line)))
      return 'preferred'
    if (REQUIRED_MARKERS.test(clause)) return 'required'
    return sectionByLine.get(lineStart) ?? 'required'
  }
}

/**
 * Extracts skills; with `isPosition`, mentions are split into required and preferred by section headers
 * ("Preferred", "우대사항", "Ưu tiên") and inline markers ("… is a plus").
 */
export function extractSkills(
  text: AnalyzedText,
  taxonomy: SkillTaxonomy,
  isPosition: boolean,
): SkillExtraction {
  const mentions = findSkillMentions(text, taxonomy)
  const folded = text.folded
  const sectionAt = isPosition ? createSectionLookup(text) : () => 'required' as const
  const mentionsPerLine = new Map<number, Set<number>>()
  for (const mention of mentions) {
    const [lineStart] = lineOf(text, mention.start)
    let skills = mentionsPerLine.get(lineStart)
    if (skills === undefined) {
      skills = new Set()
      mentionsPerLine.set(lineStart, skills)
    }
    skills.add(mention.skill)
  }
  const distinctSkills = new Set(mentions.map((mention) => mention.skill)).size
  const stuffedLines = new Set<number>()
  for (const [lineStart, skills] of mentionsPerLine)
    if (skills.size >= STUFFED_LINE_SKILLS) stuffedLines.add(lineStart)
  const isRepeating = mentions.length >= 12 && mentions.length >= STUFFED_REPEAT_RATIO * distinctSkills
  const found = new Map<number, Accumulator>()
  for (const mention of mentions) {
    const [clauseStart, clauseEnd] = clauseOf(text, mention.start)
    const [lineStart] = lineOf(text, mention.start)
    const clause = folded.slice(clauseStart, clauseEnd)
    if (NEGATION.test(clause)) continue
    const stated = qualifierLevel(clause)
    const section = sectionAt(mention.start)
    const level = stated === 0 ? 3 : stated
    let confidence = mention.isShort ? 0.7 : 0.9
    if (stated !== 0) confidence += 0.05
    const entry = found.get(mention.skill)
    if (entry === undefined) {
      found.set(mention.skill, {
        level,
        confidence,
        mentions: 1,
        evidence: [createEvidence(text, mention.start, mention.end)],
        lines: new Set([lineStart]),
        section,
      })
      continue
    }
    entry.mentions++
    // A mention in the required part makes the skill required even if it is also listed as a plus.
    if (section === 'required') entry.section = 'required'
    if (level > entry.level) entry.level = level
    if (confidence > entry.confidence) entry.confidence = confidence
    if (!entry.lines.has(lineStart) && entry.evidence.length < 3) {
      entry.evidence.push(createEvidence(text, mention.start, mention.end))
    }
    entry.lines.add(lineStart)
  }
  const required: ExtractedSkill[] = []
  const preferred: ExtractedSkill[] = []
  for (const [skill, entry] of found) {
    const isOnlyStuffed = [...entry.lines].every((line) => stuffedLines.has(line))
    const isCapped = isOnlyStuffed || (isRepeating && entry.mentions >= STUFFED_REPEAT_RATIO)
    const item: ExtractedSkill = {
      skill: taxonomy.ids[skill]!,
      level: isCapped ? Math.min(entry.level, 2) : entry.level,
      confidence: Math.round((isCapped ? 0.5 : entry.confidence) * 100) / 100,
      mentions: entry.mentions,
      evidence: entry.evidence,
    }
    if (entry.section === 'preferred') preferred.push(item)
    else required.push(item)
  }
  const bySkill = (a: ExtractedSkill, b: ExtractedSkill): number =>
    a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0
  return {
    required: required.sort(bySkill),
    preferred: preferred.sort(bySkill),
    isStuffingSuspected: stuffedLines.size > 0 || isRepeating,
  }
}
