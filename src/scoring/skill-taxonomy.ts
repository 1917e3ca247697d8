/**
 * Compiles the hand-written taxonomy into dense arrays: skill ids ↔ dense ints, parents and depths, a
 * skill × skill similarity table used by the fit score, and an alias trie used by the extractor.
 */
import { SKILL_TAXONOMY_DATA, type SkillKind, type SkillTaxonomyEntry } from './data/skill-taxonomy-data.ts'
import { normalizeText } from './normalize-text.ts'
import { tokenizeText } from './tokenize-text.ts'

/** How a skill a candidate has relates to a skill a position needs. */
export type SkillRelation = 'same' | 'more_specific' | 'more_general' | 'related' | 'none'

/** A node of the alias trie: one token deeper, and the skills an alias ending here names. */
export interface AliasTrieNode {
  readonly children: Map<string, AliasTrieNode>
  /** Skills named by the alias ending here (usually one; "c/c++" names two). */
  readonly skills: number[]
  /** A stop phrase ends here: it matches and hides the aliases inside it, naming no skill. */
  isStop: boolean
  /** True for aliases of 1–3 Latin letters ("ml", "rl", "ner"): matched with lower confidence. */
  isShort: boolean
}

/** The compiled taxonomy; immutable after creation and shared by every index. */
export interface SkillTaxonomy {
  readonly size: number
  readonly ids: readonly string[]
  readonly indexById: ReadonlyMap<string, number>
  readonly kinds: readonly SkillKind[]
  readonly labels: readonly { readonly en: string; readonly ko: string; readonly vi: string }[]
  /** Dense parent index, -1 for roots. */
  readonly parents: Int32Array
  /** `similarity[have * size + need]`: credit 0–1 that having `have` gives towards needing `need`. */
  readonly similarity: Float32Array
  /** `relations[have * size + need]`: index into {@link SKILL_RELATIONS}. */
  readonly relations: Uint8Array
  /** For each needed skill, the skills that give it some credit (CSR over `neighborSkills`). */
  readonly neighborOffsets: Int32Array
  readonly neighborSkills: Int32Array
  readonly aliasTrie: AliasTrieNode
}

/** Relation names by the code stored in `SkillTaxonomy.relations`. */
export const SKILL_RELATIONS: readonly SkillRelation[] = [
  'none',
  'same',
  'more_specific',
  'more_general',
  'related',
]

/**
 * Phrases that contain an alias but name something else; matching them first stops the alias inside
 * ("khoa học máy tính" = computer science, not "học máy" = machine learning).
 */
const STOP_PHRASES = ['khoa học máy tính', 'khoa học dữ liệu máy tính', 'máy học tập', 'học máy tính']

/** Marker passed to `addAlias` for a stop phrase. */
const STOP_PHRASE_SKILL = -2

/** Credit for a more specific skill (PyTorch when "deep learning" is needed), by distance 1, 2, ≥3. */
const MORE_SPECIFIC_CREDIT = [0, 0.9, 0.8, 0.7]
/** Credit for a more general skill ("deep learning" when PyTorch is needed), by distance 1, 2; none beyond. */
const MORE_GENERAL_CREDIT = [0, 0.5, 0.3]
/** Credit for an explicitly related skill (TensorFlow when PyTorch is needed). */
const RELATED_CREDIT = 0.6

function createTrieNode(): AliasTrieNode {
  return { children: new Map(), skills: [], isStop: false, isShort: false }
}

function addAlias(root: AliasTrieNode, alias: string, skill: number): void {
  const tokens = tokenizeText(normalizeText(alias).text).map((token) => token.text)
  if (tokens.length === 0) return
  const variants = [tokens]
  // Korean writes compounds with or without spaces: "컴퓨터 비전" and "컴퓨터비전".
  if (tokens.length > 1 && tokens.every((token) => /^[\uac00-\ud7a3]+$/.test(token)))
    variants.push([tokens.join('')])
  for (const variant of variants) {
    let node = root
    for (const token of variant) {
      let next = node.children.get(token)
      if (next === undefined) {
        next = createTrieNode()
        node.children.set(token, next)
      }
      node = next
    }
    if (skill === STOP_PHRASE_SKILL) node.isStop = true
    else if (!node.skills.includes(skill)) node.skills.push(skill)
    node.isShort = variant.length === 1 && /^[a-z]{1,3}$/.test(variant[0]!)
  }
}

function isLabelUsableAsAlias(label: string): boolean {
  return label.trim().length > 1
}

/** Builds a taxonomy from entries; throws on a duplicate id, an unknown parent or relation, or a cycle. */
export function createSkillTaxonomy(entries: readonly SkillTaxonomyEntry[]): SkillTaxonomy {
  const size = entries.length
  const ids = entries.map((entry) => entry.id)
  const indexById = new Map<string, number>()
  for (const [index, id] of ids.entries()) {
    if (indexById.has(id)) throw new Error(`taxonomy id "${id}" appears twice`)
    indexById.set(id, index)
  }
  const lookup = (id: string, from: string): number => {
    const index = indexById.get(id)
    if (index === undefined) throw new Error(`taxonomy entry "${from}" refers to unknown skill "${id}"`)
    return index
  }
  const parents = new Int32Array(size).fill(-1)
  for (const [index, entry] of entries.entries()) {
    if (entry.parent !== null) parents[index] = lookup(entry.parent, entry.id)
  }
  // Ancestor chains, checked for cycles.
  const ancestors: number[][] = []
  for (let index = 0; index < size; index++) {
    const chain: number[] = []
    for (let parent = parents[index]!; parent !== -1; parent = parents[parent]!) {
      if (parent === index || chain.length > size) throw new Error(`taxonomy cycle through "${ids[index]}"`)
      chain.push(parent)
    }
    ancestors.push(chain)
  }
  const similarity = new Float32Array(size * size)
  const relations = new Uint8Array(size * size)
  const setCredit = (have: number, need: number, credit: number, relation: number): void => {
    if (credit > similarity[have * size + need]!) {
      similarity[have * size + need] = credit
      relations[have * size + need] = relation
    }
  }
  for (let skill = 0; skill < size; skill++) {
    setCredit(skill, skill, 1, 1)
    const chain = ancestors[skill]!
    for (let distance = 1; distance <= chain.length; distance++) {
      const ancestor = chain[distance - 1]!
      // A root category ("ai", "data") is too broad to stand for anything.
      if (parents[ancestor] === -1 && entries[ancestor]!.kind === 'category') continue
      setCredit(skill, ancestor, MORE_SPECIFIC_CREDIT[Math.min(distance, 3)]!, 2)
      if (distance < MORE_GENERAL_CREDIT.length) setCredit(ancestor, skill, MORE_GENERAL_CREDIT[distance]!, 3)
    }
  }
  for (const [index, entry] of entries.entries()) {
    for (const relatedId of entry.related ?? []) {
      const related = lookup(relatedId, entry.id)
      setCredit(index, related, RELATED_CREDIT, 4)
      setCredit(related, index, RELATED_CREDIT, 4)
    }
  }
  const neighborOffsets = new Int32Array(size + 1)
  const neighborList: number[] = []
  for (let need = 0; need < size; need++) {
    neighborOffsets[need] = neighborList.length
    for (let have = 0; have < size; have++) if (similarity[have * size + need]! > 0) neighborList.push(have)
  }
  neighborOffsets[size] = neighborList.length
  const aliasTrie = createTrieNode()
  for (const [index, entry] of entries.entries()) {
    const labels =
      entry.kind === 'category' ? [] : [entry.en, entry.ko, entry.vi].filter(isLabelUsableAsAlias)
    for (const alias of [...labels, ...(entry.aliases ?? [])]) addAlias(aliasTrie, alias, index)
  }
  for (const phrase of STOP_PHRASES) addAlias(aliasTrie, phrase, STOP_PHRASE_SKILL)
  return {
    size,
    ids,
    indexById,
    kinds: entries.map((entry) => entry.kind),
    labels: entries.map((entry) => ({ en: entry.en, ko: entry.ko, vi: entry.vi })),
    parents,
    similarity,
    relations,
    neighborOffsets,
    neighborSkills: Int32Array.from(neighborList),
    aliasTrie,
  }
}

/** The built-in AI-skills taxonomy (see `data/skill-taxonomy-data.ts`). */
export const SKILL_TAXONOMY: SkillTaxonomy = createSkillTaxonomy(SKILL_TAXONOMY_DATA)
