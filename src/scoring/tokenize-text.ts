/**
 * Splits folded text (see `normalizeText`) into word tokens and gives each token the base forms it may match
 * an alias under. Tokens break at script changes, so `pytorch로` gives `pytorch` + `로` and `3d비전` gives
 * `3d` + `비전`.
 */

/** A token of folded text: its characters and where it stands in the folded text. */
export interface TextToken {
  readonly text: string
  readonly start: number
  readonly end: number
  readonly isHangul: boolean
  /** The forms this token may match an alias under; the first is the token itself. */
  readonly forms: readonly string[]
  /** Parallel to `forms`: true where the form dropped an attached suffix (a match must end there). */
  readonly isStripped: readonly boolean[]
}

/**
 * Korean particles and a few nouns that attach to a skill word without a space ("파이토치를", "비전팀",
 * "딥러닝기반"). A token may drop up to two of them.
 */
const KOREAN_SUFFIXES = new Set([
  '을',
  '를',
  '이',
  '가',
  '은',
  '는',
  '의',
  '에',
  '에서',
  '에게',
  '로',
  '으로',
  '와',
  '과',
  '도',
  '만',
  '까지',
  '부터',
  '및',
  '랑',
  '이랑',
  '하고',
  '처럼',
  '보다',
  '이나',
  '나',
  '기반',
  '관련',
  '분야',
  '개발',
  '개발자',
  '엔지니어',
  '연구',
  '연구원',
  '모델',
  '모델링',
  '경험',
  '프로젝트',
  '활용',
  '전공',
  '기술',
  '팀',
  '등',
  '적',
  '쪽',
  '담당',
  '업무',
])

type CharacterClass = 0 | 1 | 2 | 3 // separator, latin/digit, hangul, other letter

const LETTER = /\p{L}/u

function classify(code: number, character: string): CharacterClass {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return 1
  if (
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0x3130 && code <= 0x318f)
  )
    return 2
  if (code < 0x80) return 0
  if (code <= 0x24f || (code >= 0x1e00 && code <= 0x1eff)) return LETTER.test(character) ? 1 : 0
  return LETTER.test(character) ? 3 : 0
}

function isSuffixChain(rest: string, depth: number): boolean {
  if (KOREAN_SUFFIXES.has(rest)) return true
  if (depth === 0) return false
  for (let cut = 1; cut < rest.length; cut++) {
    if (KOREAN_SUFFIXES.has(rest.slice(0, cut)) && isSuffixChain(rest.slice(cut), depth - 1)) return true
  }
  return false
}

function addLatinForms(text: string, forms: string[], stripped: boolean[]): void {
  // "yolov8" → "yolo", "python3" → "python", "llama2" → "llama"; "3d" and "k8s" stay whole.
  const version = /^(.*?[a-z])v?\d+(?:\.\d+)*$/.exec(text)
  if (version !== null && version[1]!.length >= 2) {
    forms.push(version[1]!)
    stripped.push(false)
  }
  // Plurals: "llms" → "llm", "transformers" → "transformer".
  if (text.length > 3 && text.endsWith('s') && !text.endsWith('ss')) {
    forms.push(text.slice(0, -1))
    stripped.push(false)
  }
  // "python+" from "python+pytorch" keeps only the word.
  if (text.length > 3 && (text.endsWith('+') || text.endsWith('#'))) {
    forms.push(text.replace(/[+#]+$/, ''))
    stripped.push(false)
  }
}

function addHangulForms(text: string, forms: string[], stripped: boolean[]): void {
  // Longest stem first: "자연어처리를" → "자연어처리" before "자연어".
  for (let cut = text.length - 1; cut >= 1; cut--) {
    if (isSuffixChain(text.slice(cut), 1)) {
      forms.push(text.slice(0, cut))
      stripped.push(true)
    }
  }
}

function createToken(folded: string, start: number, end: number, characterClass: CharacterClass): TextToken {
  const text = folded.slice(start, end)
  const forms = [text]
  const isStripped = [false]
  if (characterClass === 1) addLatinForms(text, forms, isStripped)
  else if (characterClass === 2) addHangulForms(text, forms, isStripped)
  return { text, start, end, isHangul: characterClass === 2, forms, isStripped }
}

/** Tokenizes folded text; `+` and `#` stay attached to short Latin words (`c++`, `c#`). */
export function tokenizeText(folded: string): TextToken[] {
  const tokens: TextToken[] = []
  let start = -1
  let currentClass: CharacterClass = 0
  for (let index = 0; index <= folded.length; index++) {
    const character = index < folded.length ? folded[index]! : ' '
    const code = character.charCodeAt(0)
    let characterClass = classify(code, character)
    if (
      characterClass === 0 &&
      (character === '+' || character === '#') &&
      currentClass === 1 &&
      index - start <= 3
    ) {
      characterClass = 1
    }
    if (characterClass !== currentClass) {
      if (currentClass !== 0) tokens.push(createToken(folded, start, index, currentClass))
      start = index
      currentClass = characterClass
    }
  }
  return tokens
}
