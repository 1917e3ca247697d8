/**
 * Text folding shared by the taxonomy and the extractor: lower case, Vietnamese (and other Latin) diacritics
 * removed, `đ` → `d`, Hangul kept as it is. Works character by character so that every folded character
 * remembers where it came from, and evidence spans can point into the original text.
 */

/** Folded text plus, for each folded character, the index of the original character it came from. */
export interface NormalizedText {
  readonly text: string
  /** `offsets[i]` is the original index of folded character `i`; `offsets[text.length]` = original length. */
  readonly offsets: Int32Array
}

const COMBINING_MARKS = /[\u0300-\u036f]/g
const foldCache = new Map<string, string>()

function foldCharacter(character: string): string {
  const code = character.charCodeAt(0)
  if (code < 0x80) return character.toLowerCase()
  // Combining marks of decomposed (NFD) input disappear; Hangul and other scripts only change case.
  if (code >= 0x300 && code <= 0x36f) return ''
  const isLatin = (code >= 0xc0 && code <= 0x24f) || (code >= 0x1e00 && code <= 0x1eff)
  if (!isLatin) return character.toLowerCase()
  const cached = foldCache.get(character)
  if (cached !== undefined) return cached
  const folded =
    character === 'đ' || character === 'Đ'
      ? 'd'
      : character.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase()
  foldCache.set(character, folded)
  return folded
}

/** Folds `text` for matching (see the module comment) and keeps an offset map back to the original. */
export function normalizeText(text: string): NormalizedText {
  let folded = ''
  const offsets: number[] = []
  for (let index = 0; index < text.length; index++) {
    const part = foldCharacter(text[index]!)
    for (let k = 0; k < part.length; k++) offsets.push(index)
    folded += part
  }
  offsets.push(text.length)
  return { text: folded, offsets: Int32Array.from(offsets) }
}
