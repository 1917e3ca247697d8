import { type CompactExplanations, type CompactPlacements, UNMATCHED_REASONS } from './build-result.ts'
import type { CompiledMarket } from './compile-market.ts'
import type { MatchingResult } from './matching-result.ts'

const WELFARE_TRADEOFF = 6
const COMMA = 44
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

/** Writes text that needs no escaping and is ASCII (keys, punctuation, numbers). */
function writeAscii(writer: ByteWriter, text: string): void {
  ensure(writer, text.length)
  const { bytes } = writer
  let at = writer.length
  for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i)
  writer.length = at
}

/** Writes text as UTF-8 (any characters). */
function writeText(writer: ByteWriter, text: string): void {
  ensure(writer, text.length * 3)
  writer.length += ENCODER.encodeInto(text, writer.bytes.subarray(writer.length)).written
}

/** Writes a string as JSON exactly as JSON.stringify does: plain printable ASCII directly, else through it. */
function writeJsonString(writer: ByteWriter, value: string): void {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code < 32 || code > 126 || code === 34 || code === 92) {
      writeText(writer, JSON.stringify(value))
      return
    }
  }
  ensure(writer, value.length + 2)
  const { bytes } = writer
  let at = writer.length
  bytes[at++] = 34
  for (let i = 0; i < value.length; i++) bytes[at++] = value.charCodeAt(i)
  bytes[at++] = 34
  writer.length = at
}

/** Writes a non-negative integer below 2^31 in decimal at `at` (room must be there); returns the end. */
function putCount(bytes: Uint8Array, at: number, value: number): number {
  if (value < 10) {
    bytes[at] = 48 + value
    return at + 1
  }
  let digits = 2
  for (let rest = (value / 100) | 0; rest > 0; rest = (rest / 10) | 0) digits++
  let end = at + digits
  const stop = end
  for (let rest = value; end > at; ) {
    const next = (rest / 10) | 0
    bytes[--end] = 48 + rest - next * 10
    rest = next
  }
  return stop
}

/** Writes a non-negative integer below 2^31 in decimal. */
function writeCount(writer: ByteWriter, value: number): void {
  ensure(writer, 10)
  writer.length = putCount(writer.bytes, writer.length, value)
}

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
  const { candidateIds, positionIds, groupIds, candidateGroup } = compiled
  const { matchPosition, isFixed, unmatchedReason } = placements
  const writer: ByteWriter = {
    bytes: new Uint8Array(
      head.length +
        48 * compiled.candidateCount +
        64 * explained.count +
        5 * explained.reasonStart[explained.count]! +
        64,
    ),
    length: 0,
  }
  writeText(writer, head.slice(0, split))
  // Placements, in candidate order.
  const writePlacements = (isIncluded: (c: number) => boolean): void => {
    let isFirst = true
    for (let c = 0; c < compiled.candidateCount; c++) {
      if (!isIncluded(c)) continue
      writeAscii(writer, isFirst ? '{"candidate":' : ',{"candidate":')
      isFirst = false
      writeJsonString(writer, candidateIds[c]!)
      writeAscii(writer, ',"position":')
      writeJsonString(writer, positionIds[matchPosition[c]!]!)
      writeAscii(writer, '}')
    }
  }
  writeAscii(writer, '"assignments":[')
  writePlacements((c) => matchPosition[c]! >= 0)
  writeAscii(writer, '],"fixed":[')
  if (isFixed !== null) writePlacements((c) => matchPosition[c]! >= 0 && isFixed[c] === 1)
  writeAscii(writer, '],"unmatched":[')
  let isFirst = true
  for (let c = 0; c < compiled.candidateCount; c++) {
    const reason = unmatchedReason[c]!
    if (reason < 0) continue
    writeAscii(writer, isFirst ? '{"candidate":' : ',{"candidate":')
    isFirst = false
    writeJsonString(writer, candidateIds[c]!)
    writeAscii(writer, ',"reason":"')
    writeAscii(writer, UNMATCHED_REASONS[reason]!)
    writeAscii(writer, '"}')
  }
  writeAscii(writer, ']')
  writeText(writer, head.slice(split + PLACEMENTS.length, head.length - 2))
  const { reasons, reasonStart, score } = explained
  for (let i = 0; i < explained.count; i++) {
    const c = explained.candidate[i]!
    writeAscii(writer, i === 0 ? '{"candidate":' : ',{"candidate":')
    writeJsonString(writer, candidateIds[c]!)
    writeAscii(writer, ',"position":')
    const p = explained.position[i]!
    if (p >= 0) writeJsonString(writer, positionIds[p]!)
    else writeAscii(writer, 'null')
    writeAscii(writer, ',"choiceRank":')
    const choice = explained.choiceRank[i]!
    if (choice > 0) writeCount(writer, choice)
    else writeAscii(writer, 'null')
    if (explained.hasGroup[i] === 1) {
      writeAscii(writer, ',"group":')
      writeJsonString(writer, groupIds[candidateGroup[c]!]!)
    }
    writeAscii(writer, ',"reasons":[')
    const start = reasonStart[i]!
    const end = reasonStart[i + 1]!
    // Up to four 10-digit numbers and four separators per reason.
    ensure(writer, (end - start) * 11 + 2)
    let bytes = writer.bytes
    let out = writer.length
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
        writeAscii(writer, Number.isNaN(value) ? 'null' : JSON.stringify(value))
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
    writer.length = out
    writeAscii(writer, ']}')
  }
  writeAscii(writer, ']}\n')
  return writer.bytes.subarray(0, writer.length)
}
