import { type CompactExplanations, type CompactPlacements, UNMATCHED_REASONS } from './build-result.ts'
import type { CompiledMarket } from './compile-market.ts'
import type { MatchingResult } from './matching-result.ts'

const WELFARE_TRADEOFF = 6
const COMMA = 44
const QUOTE = 34
const ENCODER = new TextEncoder()

/** A growable byte buffer. */
interface ByteWriter {
  bytes: Uint8Array
  length: number
}

function ensure(writer: ByteWriter, extra: number): void {
  if (writer.length + extra <= writer.bytes.length) return
  const grown = new Uint8Array(Math.max(writer.bytes.length * 2, writer.length + extra))
  grown.set(writer.bytes.subarray(0, writer.length))
  writer.bytes = grown
}

/** Writes text as UTF-8 (any characters). */
function writeText(writer: ByteWriter, text: string): void {
  ensure(writer, text.length * 3)
  writer.length += ENCODER.encodeInto(text, writer.bytes.subarray(writer.length)).written
}

/**
 * Strings as their JSON text in UTF-8, quotes included, exactly as JSON.stringify writes them: string i is
 * `bytes[start[i]..start[i + 1])`. Ids are written tens of thousands of times; encoding each once turns
 * every later write into a short byte copy.
 */
interface EncodedStrings {
  readonly bytes: Uint8Array
  readonly start: Int32Array
}

function encodeStrings(values: readonly string[]): EncodedStrings {
  const writer: ByteWriter = { bytes: new Uint8Array(16 + values.length * 10), length: 0 }
  const start = new Int32Array(values.length + 1)
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!
    let isPlain = true
    for (let k = 0; k < value.length && isPlain; k++) {
      const code = value.charCodeAt(k)
      isPlain = code >= 32 && code <= 126 && code !== 34 && code !== 92
    }
    if (isPlain) {
      ensure(writer, value.length + 2)
      const { bytes } = writer
      let at = writer.length
      bytes[at++] = QUOTE
      for (let k = 0; k < value.length; k++) bytes[at++] = value.charCodeAt(k)
      bytes[at++] = QUOTE
      writer.length = at
    } else writeText(writer, JSON.stringify(value))
    start[i + 1] = writer.length
  }
  return { bytes: writer.bytes, start }
}

/** Copies string i of `strings` to `at` (room must be there); returns the end. */
function putString(bytes: Uint8Array, at: number, strings: EncodedStrings, i: number): number {
  const from = strings.bytes
  const end = strings.start[i + 1]!
  for (let k = strings.start[i]!; k < end; k++) bytes[at++] = from[k]!
  return at
}

/** Length in bytes of string i of `strings`. */
function stringLength(strings: EncodedStrings, i: number): number {
  return strings.start[i + 1]! - strings.start[i]!
}

/** ASCII text as bytes, for the constant parts of the file. */
function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (character) => character.charCodeAt(0))
}

/** Copies constant bytes to `at` (room must be there); returns the end. */
function putBytes(bytes: Uint8Array, at: number, part: Uint8Array): number {
  for (let k = 0; k < part.length; k++) bytes[at++] = part[k]!
  return at
}

/** Writes constant bytes. */
function writeBytes(writer: ByteWriter, part: Uint8Array): void {
  ensure(writer, part.length)
  writer.length = putBytes(writer.bytes, writer.length, part)
}

/** Writes a non-negative integer below 2^31 in decimal at `at` (room must be there); returns the end. */
function putCount(bytes: Uint8Array, at: number, value: number): number {
  // Most numbers in a result (reason codes, ranks, position indices) have one to four digits.
  if (value < 10) {
    bytes[at] = 48 + value
    return at + 1
  }
  if (value < 100) {
    const tens = (value / 10) | 0
    bytes[at] = 48 + tens
    bytes[at + 1] = 48 + value - tens * 10
    return at + 2
  }
  let digits = 3
  for (let rest = (value / 1000) | 0; rest > 0; rest = (rest / 10) | 0) digits++
  let end = at + digits
  const stop = end
  for (let rest = value; end > at; ) {
    const next = (rest / 10) | 0
    bytes[--end] = 48 + rest - next * 10
    rest = next
  }
  return stop
}

const CLOSE_BRACKET = 93
const CLOSE_BRACE = 125
const CANDIDATE_KEY = ascii('{"candidate":')
const POSITION_KEY = ascii(',"position":')
const CHOICE_RANK_KEY = ascii(',"choiceRank":')
const GROUP_KEY = ascii(',"group":')
const REASONS_KEY = ascii(',"reasons":[')
const NULL = ascii('null')
const REASON_KEYS = UNMATCHED_REASONS.map((reason) => ascii(`,"reason":"${reason}"}`))

/** The part of the head that the placements replace (JSON.stringify of the empty lists, in field order). */
const PLACEMENTS = '"assignments":[],"fixed":[],"unmatched":[]'

/**
 * The result as JSON text bytes, identical to `JSON.stringify(result)` + a newline where `result` has its
 * assignments, fixed placements, unmatched candidates and explanations built from `matchPosition`,
 * `isFixed`, `unmatchedReason` and `explained` — without building them: the small fields go through
 * JSON.stringify, the lists (for a 100,000-candidate market about a million reasons) are written straight
 * from the flat arrays into one buffer.
 */
export function encodeResult(
  result: MatchingResult,
  placements: {
    readonly matchPosition: Int32Array
    readonly isFixed: Uint8Array | null
    readonly unmatchedReason: CompactPlacements
  },
  explained: CompactExplanations,
  compiled: CompiledMarket,
): Uint8Array {
  const head = JSON.stringify({ ...result, assignments: [], fixed: [], unmatched: [], explanations: [] })
  const tail = '"explanations":[]}'
  const split = head.indexOf(PLACEMENTS)
  if (!head.endsWith(tail) || split < 0) throw new Error('encodeResult: unexpected field order')
  const { candidateGroup } = compiled
  const candidates = encodeStrings(compiled.candidateIds)
  const positions = encodeStrings(compiled.positionIds)
  const groups = encodeStrings(compiled.groupIds)
  const { matchPosition, isFixed, unmatchedReason } = placements
  const writer: ByteWriter = {
    bytes: new Uint8Array(
      head.length +
        candidates.bytes.length * 4 +
        48 * compiled.candidateCount +
        64 * explained.count +
        5 * explained.reasonStart[explained.count]! +
        64,
    ),
    length: 0,
  }
  writeText(writer, head.slice(0, split))
  // Placements, in candidate order: all of them, or only the fixed ones.
  const writePlacements = (onlyFixed: boolean): void => {
    let isFirst = true
    for (let c = 0; c < compiled.candidateCount; c++) {
      const p = matchPosition[c]!
      if (p < 0 || (onlyFixed && isFixed![c] !== 1)) continue
      ensure(writer, 32 + stringLength(candidates, c) + stringLength(positions, p))
      const { bytes } = writer
      let at = writer.length
      if (!isFirst) bytes[at++] = COMMA
      isFirst = false
      at = putBytes(bytes, at, CANDIDATE_KEY)
      at = putString(bytes, at, candidates, c)
      at = putBytes(bytes, at, POSITION_KEY)
      at = putString(bytes, at, positions, p)
      bytes[at++] = CLOSE_BRACE
      writer.length = at
    }
  }
  writeBytes(writer, ascii('"assignments":['))
  writePlacements(false)
  writeBytes(writer, ascii('],"fixed":['))
  if (isFixed !== null) writePlacements(true)
  writeBytes(writer, ascii('],"unmatched":['))
  let isFirst = true
  for (let c = 0; c < compiled.candidateCount; c++) {
    const reason = unmatchedReason[c]!
    if (reason < 0) continue
    ensure(writer, 64 + stringLength(candidates, c))
    const { bytes } = writer
    let at = writer.length
    if (!isFirst) bytes[at++] = COMMA
    isFirst = false
    at = putBytes(bytes, at, CANDIDATE_KEY)
    at = putString(bytes, at, candidates, c)
    at = putBytes(bytes, at, REASON_KEYS[reason]!)
    writer.length = at
  }
  writeBytes(writer, ascii(']'))
  writeText(writer, head.slice(split + PLACEMENTS.length, head.length - 2))
  const { reasons, reasonStart, score } = explained
  for (let i = 0; i < explained.count; i++) {
    const c = explained.candidate[i]!
    const p = explained.position[i]!
    const start = reasonStart[i]!
    const end = reasonStart[i + 1]!
    const hasGroup = explained.hasGroup[i] === 1
    // Keys and ids, then up to four 10-digit numbers and four separators per reason.
    ensure(
      writer,
      96 +
        stringLength(candidates, c) +
        (p >= 0 ? stringLength(positions, p) : 0) +
        (hasGroup ? stringLength(groups, candidateGroup[c]!) : 0) +
        (end - start) * 11,
    )
    let bytes = writer.bytes
    let out = writer.length
    if (i > 0) bytes[out++] = COMMA
    out = putBytes(bytes, out, CANDIDATE_KEY)
    out = putString(bytes, out, candidates, c)
    out = putBytes(bytes, out, POSITION_KEY)
    out = p >= 0 ? putString(bytes, out, positions, p) : putBytes(bytes, out, NULL)
    out = putBytes(bytes, out, CHOICE_RANK_KEY)
    const choice = explained.choiceRank[i]!
    out = choice > 0 ? putCount(bytes, out, choice) : putBytes(bytes, out, NULL)
    if (hasGroup) {
      out = putBytes(bytes, out, GROUP_KEY)
      out = putString(bytes, out, groups, candidateGroup[c]!)
    }
    out = putBytes(bytes, out, REASONS_KEY)
    for (let at = start; at < end; at += 4) {
      const code = reasons[at]!
      if (at > start) bytes[out++] = COMMA
      out = putCount(bytes, out, code)
      bytes[out++] = COMMA
      out = putCount(bytes, out, reasons[at + 1]!)
      bytes[out++] = COMMA
      if (code === WELFARE_TRADEOFF && score !== null) {
        const value = score[at >> 2]!
        writer.length = out
        writeText(writer, Number.isNaN(value) ? 'null' : JSON.stringify(value))
        ensure(writer, (end - at) * 11 + 2)
        bytes = writer.bytes
        out = writer.length
        bytes[out++] = COMMA
        out = putCount(bytes, out, reasons[at + 3]!)
        continue
      }
      out = putCount(bytes, out, reasons[at + 2]!)
      bytes[out++] = COMMA
      out = putCount(bytes, out, reasons[at + 3]!)
    }
    bytes[out++] = CLOSE_BRACKET
    bytes[out++] = CLOSE_BRACE
    writer.length = out
  }
  writeBytes(writer, ascii(']}\n'))
  return writer.bytes.subarray(0, writer.length)
}
