/**
 * Finds skill mentions in prepared text by walking the taxonomy's alias trie over token forms, keeping the
 * longest alias at each position ("point cloud" beats "cloud", "자연어처리를" → 자연어처리).
 */
import type { AnalyzedText } from './analyze-text.ts'
import type { AliasTrieNode, SkillTaxonomy } from './skill-taxonomy.ts'

/** One mention: dense skill index and folded span. */
export interface SkillMention {
  readonly skill: number
  readonly start: number
  readonly end: number
  readonly isShort: boolean
}

interface Best {
  node: AliasTrieNode | null
  length: number
}

function walk(text: AnalyzedText, node: AliasTrieNode, tokenIndex: number, depth: number, best: Best): void {
  const token = text.tokens[tokenIndex]
  if (token === undefined) return
  // Tokens of one alias must be adjacent: at most a space or a hyphen-like separator between them.
  if (depth > 0) {
    const previous = text.tokens[tokenIndex - 1]!
    const gap = text.folded.slice(previous.end, token.start)
    if (gap.length > 2 || /[\n,;|]/.test(gap) || /\.\s/.test(gap)) return
  }
  for (let formIndex = 0; formIndex < token.forms.length; formIndex++) {
    const next = node.children.get(token.forms[formIndex]!)
    if (next === undefined) continue
    if ((next.skills.length > 0 || next.isStop) && depth + 1 > best.length) {
      best.node = next
      best.length = depth + 1
    }
    // A form that dropped a Korean particle ends the word, so no alias continues after it.
    if (!token.isStripped[formIndex]) walk(text, next, tokenIndex + 1, depth + 1, best)
  }
}

/** Every skill mention in `text`, left to right, non-overlapping. */
export function findSkillMentions(text: AnalyzedText, taxonomy: SkillTaxonomy): SkillMention[] {
  const mentions: SkillMention[] = []
  const best: Best = { node: null, length: 0 }
  for (let index = 0; index < text.tokens.length; ) {
    best.node = null
    best.length = 0
    walk(text, taxonomy.aliasTrie, index, 0, best)
    const node = best.node as AliasTrieNode | null
    if (node === null) {
      index++
      continue
    }
    const first = text.tokens[index]!
    const last = text.tokens[index + best.length - 1]!
    for (const skill of node.skills)
      mentions.push({ skill, start: first.start, end: last.end, isShort: node.isShort })
    index += best.length
  }
  return mentions
}
