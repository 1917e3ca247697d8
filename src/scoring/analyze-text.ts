/**
 * One pass of text preparation shared by the extractors: folded text, tokens, line and clause boundaries,
 * and evidence spans mapped back to the original text.
 */
import type { EvidenceSpan, NothingExtractedReason, TextLanguage } from './extraction-types.ts'
import { normalizeText } from './normalize-text.ts'
import { type TextToken, tokenizeText } from './tokenize-text.ts'

/** A prepared text; positions are indices into `folded` unless said otherwise. */
export interface AnalyzedText {
  readonly original: string
  readonly folded: string
  readonly offsets: Int32Array
  readonly tokens: readonly TextToken[]
  /** Start index of the line holding each folded character is found through {@link lineStartOf}. */
  readonly lineStarts: readonly number[]
  readonly clauseStarts: readonly number[]
}

const CLAUSE_BREAKS = new Set([',', ';', '|', '•', '·', '、', '\n', '\r', '▪', '●', '■'])

/** Prepares `original` for extraction. */
export function analyzeText(original: string): AnalyzedText {
  const { text: folded, offsets } = normalizeText(original)
  const lineStarts = [0]
  const clauseStarts = [0]
  for (let index = 0; index < folded.length; index++) {
    const character = folded[index]!
    if (character === '\n') lineStarts.push(index + 1)
    const isBreak =
      CLAUSE_BREAKS.has(character) ||
      (character === '.' && (folded[index + 1] === ' ' || folded[index + 1] === '\n'))
    if (isBreak) clauseStarts.push(index + 1)
  }
  return { original, folded, offsets, tokens: tokenizeText(folded), lineStarts, clauseStarts }
}

function findRange(starts: readonly number[], position: number, length: number): [number, number] {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle]! <= position) low = middle
    else high = middle - 1
  }
  return [starts[low]!, low + 1 < starts.length ? starts[low + 1]! : length]
}

/** The folded clause `[start, end)` holding `position`. */
export function clauseOf(text: AnalyzedText, position: number): [number, number] {
  return findRange(text.clauseStarts, position, text.folded.length)
}

/** The folded line `[start, end)` holding `position`. */
export function lineOf(text: AnalyzedText, position: number): [number, number] {
  return findRange(text.lineStarts, position, text.folded.length)
}

/** The folded index of original character `originalIndex` (first folded character at or after it). */
export function foldedIndexOf(text: AnalyzedText, originalIndex: number): number {
  let low = 0
  let high = text.folded.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (text.offsets[middle]! < originalIndex) low = middle + 1
    else high = middle
  }
  return low
}

/** Evidence for folded span `[start, end)`, with its clause (or line) as context, in original characters. */
export function createEvidence(
  text: AnalyzedText,
  start: number,
  end: number,
  useLine = false,
): EvidenceSpan {
  const [contextStart, contextEnd] = useLine ? lineOf(text, start) : clauseOf(text, start)
  const originalStart = text.offsets[start]!
  const originalEnd = end > start ? text.offsets[end - 1]! + 1 : originalStart
  let context = text.original.slice(text.offsets[contextStart]!, text.offsets[contextEnd]!).trim()
  if (context.length > 160) context = `${context.slice(0, 157)}…`
  return {
    start: originalStart,
    end: originalEnd,
    text: text.original.slice(originalStart, originalEnd),
    context,
  }
}

/** Scripts and languages seen: Hangul → ko, Vietnamese letters → vi, other Latin words → en. */
export function detectTextLanguages(text: AnalyzedText): TextLanguage[] {
  const original = text.original
  const hangul = original.match(/[\uac00-\ud7a3]/g)?.length ?? 0
  const vietnamese = original.match(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/gi)?.length ?? 0
  const latinWords = original.match(/\b[a-z]{3,}\b/gi)?.length ?? 0
  const languages: TextLanguage[] = []
  if (hangul >= 2) languages.push('ko')
  if (latinWords >= 3 && latinWords > vietnamese * 2) languages.push('en')
  if (vietnamese >= 3) languages.push('vi')
  return languages
}

/** Why a text gives nothing: empty, mostly non-letters (binary, mojibake), or readable but unrecognised. */
export function classifyEmptyText(original: string): NothingExtractedReason {
  const visible = original.replace(/\s+/g, '')
  if (visible.length === 0) return 'empty'
  const letters = visible.match(/\p{L}/gu)?.length ?? 0
  let replacement = 0
  for (let index = 0; index < visible.length; index++) {
    const code = visible.charCodeAt(index)
    // U+FFFD (decoding failed) and C0 control characters other than white space mark binary or broken text.
    if (code === 0xfffd || code < 0x20) replacement++
  }
  if (letters < visible.length * 0.4 || replacement > visible.length * 0.05) return 'unreadable'
  return 'no_recognised_content'
}
