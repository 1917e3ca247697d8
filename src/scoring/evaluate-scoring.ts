/**
 * Evaluates extraction and recommendations on the hand-labelled set: micro-averaged skill-extraction
 * precision and recall (all texts, and per text language), and nDCG@5 of the candidates recommended for each
 * position against the expected shortlist (graded gains: the first expected CV gains most).
 * nDCG as in Järvelin & Kekäläinen, "Cumulated gain-based evaluation of IR techniques" (TOIS 2002).
 */
import { createScoringIndex } from './create-scoring-index.ts'
import { EVALUATION_SET, type EvaluationCv, type EvaluationPosition } from './data/evaluation-set.ts'
import { extractCandidateProfile } from './extract-candidate-profile.ts'
import { extractPositionProfile } from './extract-position-profile.ts'
import type { TextLanguage } from './extraction-types.ts'
import { recommendCandidates } from './recommend-candidates.ts'
import type { ScoringOptions } from './scoring-types.ts'
import { SKILL_TAXONOMY, type SkillTaxonomy } from './skill-taxonomy.ts'
import { toScoringCandidate, toScoringPosition } from './to-scoring-profile.ts'

/** Precision/recall counts over a group of texts. */
export interface ExtractionScore {
  readonly texts: number
  readonly truePositives: number
  readonly falsePositives: number
  readonly falseNegatives: number
  readonly precision: number
  readonly recall: number
}

/** What the extractor got wrong on one text. */
export interface ExtractionMistakes {
  readonly id: string
  readonly extra: readonly string[]
  readonly missing: readonly string[]
}

/** Ranking result for one position. */
export interface PositionRanking {
  readonly positionId: string
  readonly top: readonly { readonly id: string; readonly score: number }[]
  readonly expected: readonly string[]
  readonly ndcgAt5: number
}

/** The full evaluation report (JSON-serialisable). */
export interface ScoringEvaluation {
  readonly cvCount: number
  readonly positionCount: number
  readonly extraction: ExtractionScore
  readonly extractionByLanguage: Readonly<Partial<Record<TextLanguage, ExtractionScore>>>
  readonly mistakes: readonly ExtractionMistakes[]
  readonly rankings: readonly PositionRanking[]
  readonly meanNdcgAt5: number
}

interface Counts {
  texts: number
  truePositives: number
  falsePositives: number
  falseNegatives: number
}

function toScore(counts: Counts): ExtractionScore {
  const found = counts.truePositives + counts.falsePositives
  const expected = counts.truePositives + counts.falseNegatives
  return {
    ...counts,
    precision: found === 0 ? 1 : counts.truePositives / found,
    recall: expected === 0 ? 1 : counts.truePositives / expected,
  }
}

/** nDCG@k of `ranked` ids against `expected` ids (gain of the i-th expected = expected.length − i). */
export function computeNdcg(ranked: readonly string[], expected: readonly string[], k: number): number {
  const gain = (id: string): number => {
    const at = expected.indexOf(id)
    return at === -1 ? 0 : expected.length - at
  }
  let dcg = 0
  for (let i = 0; i < Math.min(k, ranked.length); i++) dcg += gain(ranked[i]!) / Math.log2(i + 2)
  let ideal = 0
  for (let i = 0; i < Math.min(k, expected.length); i++) ideal += (expected.length - i) / Math.log2(i + 2)
  return ideal === 0 ? 1 : dcg / ideal
}

/** Runs the evaluation on `set` (the repo's set by default). Deterministic. */
export function evaluateScoring(
  set: {
    readonly cvs: readonly EvaluationCv[]
    readonly positions: readonly EvaluationPosition[]
  } = EVALUATION_SET,
  options: ScoringOptions = {},
  taxonomy: SkillTaxonomy = SKILL_TAXONOMY,
): ScoringEvaluation {
  const total: Counts = { texts: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0 }
  const byLanguage = new Map<TextLanguage, Counts>()
  const mistakes: ExtractionMistakes[] = []
  const record = (
    id: string,
    found: readonly string[],
    expected: readonly string[],
    languages: readonly TextLanguage[],
  ) => {
    const foundSet = new Set(found)
    const expectedSet = new Set(expected)
    const extra = [...foundSet].filter((skill) => !expectedSet.has(skill)).sort()
    const missing = [...expectedSet].filter((skill) => !foundSet.has(skill)).sort()
    const truePositives = foundSet.size - extra.length
    for (const counts of [total, ...languages.map((language) => byLanguage.get(language))]) {
      if (counts === undefined) continue
      counts.texts++
      counts.truePositives += truePositives
      counts.falsePositives += extra.length
      counts.falseNegatives += missing.length
    }
    if (extra.length > 0 || missing.length > 0) mistakes.push({ id, extra, missing })
  }
  for (const language of ['ko', 'en', 'vi'] as const) {
    byLanguage.set(language, { texts: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0 })
  }
  const candidates = set.cvs.map((cv) => {
    const extraction = extractCandidateProfile(cv.text, taxonomy)
    record(
      cv.id,
      extraction.skills.map((item) => item.skill),
      cv.expectedSkills,
      extraction.textLanguages,
    )
    return toScoringCandidate(cv.id, extraction)
  })
  const positions = set.positions.map((position) => {
    const extraction = extractPositionProfile(position.text, taxonomy)
    record(
      position.id,
      [...extraction.requiredSkills, ...extraction.preferredSkills].map((item) => item.skill),
      position.expectedSkills,
      extraction.textLanguages,
    )
    return toScoringPosition(position.id, extraction)
  })
  const index = createScoringIndex(candidates, positions, options, taxonomy)
  const rankings = set.positions.map((position) => {
    const top = recommendCandidates(index, position.id, 5)
    return {
      positionId: position.id,
      top,
      expected: position.expectedTopMatches,
      ndcgAt5: computeNdcg(
        top.map((item) => item.id),
        position.expectedTopMatches,
        5,
      ),
    }
  })
  const meanNdcgAt5 =
    rankings.length === 0 ? 1 : rankings.reduce((sum, ranking) => sum + ranking.ndcgAt5, 0) / rankings.length
  return {
    cvCount: set.cvs.length,
    positionCount: set.positions.length,
    extraction: toScore(total),
    extractionByLanguage: Object.fromEntries(
      [...byLanguage].map(([language, counts]) => [language, toScore(counts)]),
    ),
    mistakes,
    rankings,
    meanNdcgAt5,
  }
}
