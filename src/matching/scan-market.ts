import { AppError } from '../domain/app-error.ts'
import { assembleMarket, type CompiledMarket, type MarketTables, UNLIMITED } from './compile-market.ts'

/** Thrown inside the scanner when the text leaves the fast path; caught by {@link readMarket}. */
const LEAVE_FAST_PATH = new Error('market text needs the validating reader')

const QUOTE = 34
const BACKSLASH = 92
const COMMA = 44
const COLON = 58
const OPEN_BRACKET = 91
const CLOSE_BRACKET = 93
const OPEN_BRACE = 123
const CLOSE_BRACE = 125
const MINUS = 45
const DOT = 46
const ZERO = 48
const NINE = 57

/** Keys the reader understands; an object key is matched to its index here (−1 = skipped). */
const KEYS = [
  'version',
  'name',
  'candidates',
  'positions',
  'companies',
  'scores',
  'scoreMatrix',
  'id',
  'ranking',
  'group',
  'capacity',
  'company',
  'groupCap',
  'candidate',
  'position',
  'score',
  'values',
] as const
const [VERSION, NAME, CANDIDATES, POSITIONS, COMPANIES, SCORES, SCORE_MATRIX] = [0, 1, 2, 3, 4, 5, 6]
const [ID, RANKING, GROUP, CAPACITY, COMPANY, GROUP_CAP, CANDIDATE, POSITION, SCORE, VALUES] = [
  7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
]

function hashOf(key: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619)
  return hash
}
const KEY_HASHES = KEYS.map(hashOf)

function leave(): never {
  throw LEAVE_FAST_PATH
}

/** A growable Int32Array. */
interface IntBuffer {
  data: Int32Array
  length: number
}

function createBuffer(capacity: number): IntBuffer {
  return { data: new Int32Array(Math.max(16, capacity)), length: 0 }
}

function append(buffer: IntBuffer, value: number): void {
  if (buffer.length === buffer.data.length) {
    const grown = new Int32Array(buffer.data.length * 2)
    grown.set(buffer.data)
    buffer.data = grown
  }
  buffer.data[buffer.length++] = value
}

/**
 * Ids of one namespace interned by hash: a reference creates no string, only a symbol number. Each id's
 * characters are copied into a compact pool (comparisons stay in cache instead of reaching back into a
 * text of tens of megabytes); `start` is where the id first occurs in the text, `declared[symbol]` the
 * index of the entry that declares it (-1 until seen).
 */
interface SymbolTable {
  /** Open addressing, 4 ints per slot: hash, symbol (−1 = empty), pool offset, length (one cache line). */
  slots: Int32Array
  start: IntBuffer
  poolStart: IntBuffer
  hash: IntBuffer
  declared: IntBuffer
  pool: Uint16Array
  poolLength: number
}

function createSlots(count: number): Int32Array {
  const slots = new Int32Array(count * 4)
  for (let i = 1; i < slots.length; i += 4) slots[i] = -1
  return slots
}

function createSymbolTable(expected: number): SymbolTable {
  let size = 64
  while (size * 3 < expected * 4) size *= 2
  const poolStart = createBuffer(expected + 1)
  append(poolStart, 0)
  return {
    slots: createSlots(size),
    start: createBuffer(expected),
    poolStart,
    hash: createBuffer(expected),
    declared: createBuffer(expected),
    pool: new Uint16Array(expected * 8),
    poolLength: 0,
  }
}

/**
 * Reads a market file's JSON text straight into the compiled arrays: one pass over the characters with ids
 * interned by hash (no object per entry, no string per reference), then the shared assembly. Only plainly
 * valid files take this path (the common case: files written by `ieum market generate` or any JSON
 * writer); for anything unusual — a syntax or schema problem, an unknown or duplicate id, an escaped id —
 * it answers null and the caller re-reads the text with the validating reader (`readMarket`), which
 * reports the problem with its JSON path. Both readers accept exactly the same files and compile them to
 * the same arrays. This module does not load the schema library, so `ieum match` starts faster.
 */
export function scanMarket(jsonText: string): CompiledMarket | null {
  const tables = scanMarketText(jsonText)
  if (tables === null) return null
  try {
    return assembleMarket(tables)
  } catch (error) {
    if (error instanceof AppError) return null
    throw error
  }
}

/** The fast path alone: the market's tables, or null when the text needs the validating reader. */
export function scanMarketText(jsonText: string): MarketTables | null {
  try {
    return scanTables(jsonText)
  } catch (error) {
    if (error === LEAVE_FAST_PATH) return null
    throw error
  }
}

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: engine hot loop: a single-pass scanner over the market text that allocates nothing per entry
function scanTables(text: string): MarketTables {
  const size = text.length
  let at = 0
  let stringHash = 0
  let hasEscape = false

  const skipSpace = (): void => {
    for (;;) {
      const code = text.charCodeAt(at)
      if (code === 32 || code === 10 || code === 13 || code === 9) at++
      else return
    }
  }
  const expect = (code: number): void => {
    skipSpace()
    if (text.charCodeAt(at) !== code) leave()
    at++
  }
  /** Is the next character `code` (consumed when so)? */
  const accept = (code: number): boolean => {
    skipSpace()
    if (text.charCodeAt(at) !== code) return false
    at++
    return true
  }
  /** Scans a string starting at its opening quote; returns the index of the closing quote. */
  const scanString = (): number => {
    if (text.charCodeAt(at) !== QUOTE) leave()
    let i = at + 1
    let hash = 0x811c9dc5
    hasEscape = false
    for (;;) {
      if (i >= size) leave()
      const code = text.charCodeAt(i)
      if (code === QUOTE) break
      if (code < 32) leave()
      if (code === BACKSLASH) {
        hasEscape = true
        const next = text.charCodeAt(i + 1)
        if (next === 117) {
          for (let h = 2; h < 6; h++) {
            const x = text.charCodeAt(i + h)
            if (!((x >= 48 && x <= 57) || (x >= 65 && x <= 70) || (x >= 97 && x <= 102))) leave()
          }
          i += 6
          continue
        }
        if (!(next === QUOTE || next === BACKSLASH || next === 47 || next === 98 || next === 102))
          if (!(next === 110 || next === 114 || next === 116)) leave()
        i += 2
        continue
      }
      hash = Math.imul(hash ^ code, 16777619)
      i++
    }
    stringHash = hash
    return i
  }
  /**
   * Reads an object key and the colon after it; returns its index in KEYS, −1 for other keys. Keys are
   * compared as written (an escaped key leaves the fast path), without creating a string.
   */
  const readKey = (): number => {
    skipSpace()
    const start = at + 1
    const end = scanString()
    if (hasEscape) leave()
    at = end + 1
    expect(COLON)
    for (let k = 0; k < KEYS.length; k++)
      if (KEY_HASHES[k] === stringHash && KEYS[k]!.length === end - start && text.startsWith(KEYS[k]!, start))
        return k
    return -1
  }
  /** Marks a known key as seen in `mask`; a repeated key leaves the fast path (JSON.parse keeps the last). */
  const markKey = (mask: number, key: number): number => {
    if (key < 0) return mask
    const bit = 1 << key
    if ((mask & bit) !== 0) leave()
    return mask | bit
  }
  /** Interns the id string at `at` into `table`; returns its symbol. */
  const readId = (table: SymbolTable): number => {
    skipSpace()
    const start = at + 1
    const end = scanString()
    if (hasEscape || end === start) leave()
    at = end + 1
    return intern(table, text, start, end, stringHash)
  }
  const declare = (table: SymbolTable, symbol: number, index: number): void => {
    if (table.declared.data[symbol]! >= 0) leave()
    table.declared.data[symbol] = index
  }
  /** A JSON number (strict grammar), converted exactly as JSON.parse does. */
  const readNumber = (): number => {
    skipSpace()
    const start = at
    let isInteger = true
    if (text.charCodeAt(at) === MINUS) at++
    const first = text.charCodeAt(at)
    if (first === ZERO) at++
    else if (first > ZERO && first <= NINE) while (isDigit(text.charCodeAt(at))) at++
    else leave()
    if (text.charCodeAt(at) === DOT) {
      isInteger = false
      at++
      if (!isDigit(text.charCodeAt(at))) leave()
      while (isDigit(text.charCodeAt(at))) at++
    }
    const exponent = text.charCodeAt(at)
    if (exponent === 101 || exponent === 69) {
      isInteger = false
      at++
      const sign = text.charCodeAt(at)
      if (sign === 43 || sign === MINUS) at++
      if (!isDigit(text.charCodeAt(at))) leave()
      while (isDigit(text.charCodeAt(at))) at++
    }
    if (isInteger && at - start <= 9) {
      let value = 0
      let i = start
      const isNegative = text.charCodeAt(i) === MINUS
      if (isNegative) i++
      for (; i < at; i++) value = value * 10 + (text.charCodeAt(i) - ZERO)
      return isNegative ? -value : value
    }
    const value = Number(text.slice(start, at))
    if (!Number.isFinite(value)) leave()
    return value
  }
  /** A non-negative integer (capacities, caps); anything else leaves the fast path. */
  const readCount = (): number => {
    const value = readNumber()
    if (!Number.isInteger(value) || value < 0 || value >= UNLIMITED) leave()
    return value
  }
  /** Validates and skips any JSON value (iteratively; for keys the engine does not read). */
  const skipValue = (): void => {
    const stack: number[] = []
    for (;;) {
      skipSpace()
      const code = text.charCodeAt(at)
      if (code === OPEN_BRACE) {
        at++
        if (accept(CLOSE_BRACE)) {
          // empty object: a complete value
        } else {
          stack.push(OPEN_BRACE)
          readKey()
          continue
        }
      } else if (code === OPEN_BRACKET) {
        at++
        if (!accept(CLOSE_BRACKET)) {
          stack.push(OPEN_BRACKET)
          continue
        }
      } else if (code === QUOTE) at = scanString() + 1
      else if (code === MINUS || (code >= ZERO && code <= NINE)) readNumber()
      else if (text.startsWith('true', at)) at += 4
      else if (text.startsWith('false', at)) at += 5
      else if (text.startsWith('null', at)) at += 4
      else leave()
      // After a complete value: close containers or move to the next element.
      for (;;) {
        if (stack.length === 0) return
        const open = stack[stack.length - 1]!
        if (accept(COMMA)) {
          if (open === OPEN_BRACE) readKey()
          break
        }
        if (accept(open === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)) {
          stack.pop()
          continue
        }
        leave()
      }
    }
  }
  /** Iterates an array's elements: calls `each(index)` with `at` on each element. */
  const readArray = (each: (index: number) => void): number => {
    expect(OPEN_BRACKET)
    if (accept(CLOSE_BRACKET)) return 0
    let index = 0
    do each(index++)
    while (accept(COMMA))
    expect(CLOSE_BRACKET)
    return index
  }
  /** Starts an object; false when it is empty. */
  const openObject = (): boolean => {
    expect(OPEN_BRACE)
    return !accept(CLOSE_BRACE)
  }
  /** After a member: true when another follows, false at the closing brace. */
  const nextMember = (): boolean => {
    if (accept(COMMA)) return true
    expect(CLOSE_BRACE)
    return false
  }
  /** A ranking (ids or tied groups of ids) appended to `ids`/`ranks` (weak rank = entry index + 1). */
  const scratch: RankingScratch = {
    start: new Int32Array(256),
    length: new Int32Array(256),
    hash: new Int32Array(256),
    rank: new Int32Array(256),
  }
  const readRanking = (table: SymbolTable, ids: IntBuffer, ranks: IntBuffer): void => {
    const next = scanRanking(text, at, table, ids, ranks, scratch)
    if (next < 0) leave()
    at = next
  }

  const estimate = Math.max(16, Math.floor(size / 8))
  const candidateTable = createSymbolTable(1024)
  const positionTable = createSymbolTable(1024)
  const companyTable = createSymbolTable(64)
  const groupTable = createSymbolTable(64)
  // Candidates.
  const candidateSymbol = createBuffer(1024)
  const candidateGroupSymbol = createBuffer(1024)
  const listEnd = createBuffer(1024)
  const entrySymbol = createBuffer(estimate)
  const entryRank = createBuffer(estimate)
  // Positions and companies.
  const positionSymbol = createBuffer(1024)
  const positionCapacity = createBuffer(1024)
  const positionCompanySymbol = createBuffer(1024)
  const companySymbol = createBuffer(64)
  const companyCapacity = createBuffer(64)
  const companyGroupCap = createBuffer(64)
  // Rankings of owners in file order: owner (position p, or company k as −k−1) and its span.
  const rankingOwner = createBuffer(1024)
  const rankingFrom = createBuffer(1024)
  const rankedSymbol = createBuffer(estimate)
  const rankedRank = createBuffer(estimate)
  // Scores.
  const scoreCandidateSymbol = createBuffer(1024)
  const scorePositionSymbol = createBuffer(1024)
  let scoreValues = new Float64Array(1024)
  let scoreCount = 0
  let hasScoresKey = false
  let hasMatrix = false
  const matrixRowSymbol = createBuffer(64)
  const matrixColumnSymbol = createBuffer(64)
  let matrixValues = new Float64Array(1024)
  let matrixValueCount = 0

  const readCandidate = (c: number): void => {
    let symbol = -1
    let group = -1
    let seen = 0
    if (openObject())
      do {
        const key = readKey()
        seen = markKey(seen, key)
        if (key === ID) symbol = readId(candidateTable)
        else if (key === RANKING) readRanking(positionTable, entrySymbol, entryRank)
        else if (key === GROUP) group = readId(groupTable)
        else skipValue()
      } while (nextMember())
    if (symbol < 0) leave()
    declare(candidateTable, symbol, c)
    append(candidateSymbol, symbol)
    append(candidateGroupSymbol, group)
    append(listEnd, entrySymbol.length)
  }
  const readPosition = (p: number): void => {
    let symbol = -1
    let capacity = -1
    let company = -1
    let seen = 0
    if (openObject())
      do {
        const key = readKey()
        seen = markKey(seen, key)
        if (key === ID) symbol = readId(positionTable)
        else if (key === CAPACITY) capacity = readCount()
        else if (key === COMPANY) company = readId(companyTable)
        else if (key === RANKING) {
          append(rankingOwner, p)
          append(rankingFrom, rankedSymbol.length)
          readRanking(candidateTable, rankedSymbol, rankedRank)
        } else skipValue()
      } while (nextMember())
    if (symbol < 0 || capacity < 0) leave()
    declare(positionTable, symbol, p)
    append(positionSymbol, symbol)
    append(positionCapacity, capacity)
    append(positionCompanySymbol, company)
  }
  const readCompany = (k: number): void => {
    let symbol = -1
    let capacity = UNLIMITED
    let groupCap = UNLIMITED
    let seen = 0
    if (openObject())
      do {
        const key = readKey()
        seen = markKey(seen, key)
        if (key === ID) symbol = readId(companyTable)
        else if (key === CAPACITY) {
          skipSpace()
          if (text.startsWith('null', at)) at += 4
          else capacity = readCount()
        } else if (key === GROUP_CAP) groupCap = readCount()
        else if (key === RANKING) {
          append(rankingOwner, -k - 1)
          append(rankingFrom, rankedSymbol.length)
          readRanking(candidateTable, rankedSymbol, rankedRank)
        } else skipValue()
      } while (nextMember())
    if (symbol < 0) leave()
    declare(companyTable, symbol, k)
    append(companySymbol, symbol)
    append(companyCapacity, capacity)
    append(companyGroupCap, groupCap)
  }
  const readScore = (): void => {
    let candidate = -1
    let position = -1
    let value = Number.NaN
    let seen = 0
    if (openObject())
      do {
        const key = readKey()
        seen = markKey(seen, key)
        if (key === CANDIDATE) candidate = readId(candidateTable)
        else if (key === POSITION) position = readId(positionTable)
        else if (key === SCORE) value = readNumber()
        else skipValue()
      } while (nextMember())
    if (candidate < 0 || position < 0 || Number.isNaN(value)) leave()
    append(scoreCandidateSymbol, candidate)
    append(scorePositionSymbol, position)
    if (scoreCount === scoreValues.length) {
      const grown = new Float64Array(scoreCount * 2)
      grown.set(scoreValues)
      scoreValues = grown
    }
    scoreValues[scoreCount++] = value
  }
  const readMatrixRow = (): void => append(matrixRowSymbol, readId(candidateTable))
  const readMatrixColumn = (): void => append(matrixColumnSymbol, readId(positionTable))
  const readMatrixValue = (): void => {
    if (matrixValueCount === matrixValues.length) {
      const grown = new Float64Array(matrixValueCount * 2)
      grown.set(matrixValues)
      matrixValues = grown
    }
    matrixValues[matrixValueCount++] = readNumber()
  }
  const readMatrix = (): void => {
    let seen = 0
    if (openObject())
      do {
        const key = readKey()
        seen = markKey(seen, key)
        if (key === CANDIDATES) readArray(readMatrixRow)
        else if (key === POSITIONS) readArray(readMatrixColumn)
        else if (key === VALUES) readArray(readMatrixValue)
        else skipValue()
      } while (nextMember())
    const required = (1 << CANDIDATES) | (1 << POSITIONS) | (1 << VALUES)
    if ((seen & required) !== required) leave()
  }

  let seenTop = 0
  if (openObject())
    do {
      const key = readKey()
      seenTop = markKey(seenTop, key)
      if (key === VERSION) {
        if (readNumber() !== 1) leave()
      } else if (key === NAME) {
        skipSpace()
        at = scanString() + 1
      } else if (key === CANDIDATES) readArray(readCandidate)
      else if (key === POSITIONS) readArray(readPosition)
      else if (key === COMPANIES) readArray(readCompany)
      else if (key === SCORES) {
        hasScoresKey = true
        readArray(readScore)
      } else if (key === SCORE_MATRIX) {
        hasMatrix = true
        readMatrix()
      } else skipValue()
    } while (nextMember())
  skipSpace()
  const hasCandidates = (seenTop & (1 << CANDIDATES)) !== 0
  const hasPositions = (seenTop & (1 << POSITIONS)) !== 0
  if (at !== size || !hasCandidates || !hasPositions) leave()

  // Resolve symbols: every referenced id must be declared.
  const resolve = (table: SymbolTable): Int32Array => {
    const index = table.declared.data.subarray(0, table.declared.length)
    for (let s = 0; s < index.length; s++) if (index[s]! < 0) leave()
    return index
  }
  const candidateOf = resolve(candidateTable)
  const positionOf = resolve(positionTable)
  const companyOf = resolve(companyTable)
  const nC = candidateSymbol.length
  const nP = positionSymbol.length
  const nK = companySymbol.length
  const idsOf = (table: SymbolTable, symbols: IntBuffer): string[] => {
    const ids = new Array<string>(symbols.length)
    for (let i = 0; i < symbols.length; i++) {
      const s = symbols.data[i]!
      const start = table.start.data[s]!
      ids[i] = text.slice(start, start + table.poolStart.data[s + 1]! - table.poolStart.data[s]!)
    }
    return ids
  }
  const groupIds: string[] = []
  for (let g = 0; g < groupTable.start.length; g++) {
    const start = groupTable.start.data[g]!
    groupIds.push(
      text.slice(start, start + groupTable.poolStart.data[g + 1]! - groupTable.poolStart.data[g]!),
    )
  }

  // Companies with a cap need a ranking; a position under such a company may not have its own.
  const hasRanking = new Uint8Array(nP + nK)
  for (let i = 0; i < rankingOwner.length; i++) {
    const owner = rankingOwner.data[i]!
    hasRanking[owner >= 0 ? owner : nP - owner - 1] = 1
  }
  const companyCaps = companyCapacity.data.slice(0, nK)
  const groupCaps = companyGroupCap.data.slice(0, nK)
  for (let k = 0; k < nK; k++)
    if ((companyCaps[k] !== UNLIMITED || groupCaps[k] !== UNLIMITED) && hasRanking[nP + k] === 0) leave()
  const positionCompany = new Int32Array(nP)
  for (let p = 0; p < nP; p++) {
    const symbol = positionCompanySymbol.data[p]!
    const k = symbol < 0 ? -1 : companyOf[symbol]!
    positionCompany[p] = k
    if (k >= 0 && hasRanking[p] === 1 && (companyCaps[k] !== UNLIMITED || groupCaps[k] !== UNLIMITED)) leave()
  }

  // Candidate lists: position indices; a position listed twice leaves the fast path.
  const nE = entrySymbol.length
  const candidateStart = new Int32Array(nC + 1)
  const entryPosition = new Int32Array(nE)
  const seenBy = new Int32Array(Math.max(nP, nC)).fill(-1)
  for (let c = 0; c < nC; c++) {
    const end = listEnd.data[c]!
    candidateStart[c + 1] = end
    for (let e = candidateStart[c]!; e < end; e++) {
      const p = positionOf[entrySymbol.data[e]!]!
      if (seenBy[p] === c) leave()
      seenBy[p] = c
      entryPosition[e] = p
    }
  }

  // Owner rankings into CSR by owner (positions, then companies); a candidate ranked twice leaves.
  const rankingStart = new Int32Array(nP + nK + 1)
  const spanFrom = new Int32Array(nP + nK)
  const spanTo = new Int32Array(nP + nK)
  for (let i = 0; i < rankingOwner.length; i++) {
    const owner = rankingOwner.data[i]!
    const o = owner >= 0 ? owner : nP - owner - 1
    spanFrom[o] = rankingFrom.data[i]!
    spanTo[o] = i + 1 < rankingOwner.length ? rankingFrom.data[i + 1]! : rankedSymbol.length
  }
  for (let o = 0; o < nP + nK; o++) rankingStart[o + 1] = rankingStart[o]! + spanTo[o]! - spanFrom[o]!
  const rankedCandidate = new Int32Array(rankingStart[nP + nK]!)
  const rankedRanks = new Int32Array(rankingStart[nP + nK]!)
  seenBy.fill(-1)
  for (let o = 0; o < nP + nK; o++) {
    let at = rankingStart[o]!
    for (let i = spanFrom[o]!; i < spanTo[o]!; i++) {
      const c = candidateOf[rankedSymbol.data[i]!]!
      if (seenBy[c] === o) leave()
      seenBy[c] = o
      rankedCandidate[at] = c
      rankedRanks[at++] = rankedRank.data[i]!
    }
  }

  // Scores.
  if (scoreCount > 0 && hasMatrix) leave()
  const scoreCandidate = new Int32Array(scoreCount)
  const scorePosition = new Int32Array(scoreCount)
  for (let i = 0; i < scoreCount; i++) {
    scoreCandidate[i] = candidateOf[scoreCandidateSymbol.data[i]!]!
    scorePosition[i] = positionOf[scorePositionSymbol.data[i]!]!
  }
  let matrixRows: Int32Array | null = null
  let matrixColumns: Int32Array | null = null
  if (hasMatrix) {
    matrixRows = new Int32Array(matrixRowSymbol.length)
    matrixColumns = new Int32Array(matrixColumnSymbol.length)
    const seenRow = new Uint8Array(nC)
    const seenColumn = new Uint8Array(nP)
    for (let i = 0; i < matrixRows.length; i++) {
      const c = candidateOf[matrixRowSymbol.data[i]!]!
      if (seenRow[c] === 1) leave()
      seenRow[c] = 1
      matrixRows[i] = c
    }
    for (let j = 0; j < matrixColumns.length; j++) {
      const p = positionOf[matrixColumnSymbol.data[j]!]!
      if (seenColumn[p] === 1) leave()
      seenColumn[p] = 1
      matrixColumns[j] = p
    }
    if (matrixValueCount !== matrixRows.length * matrixColumns.length) leave()
  }
  const candidateGroup = new Int32Array(nC)
  for (let c = 0; c < nC; c++) candidateGroup[c] = candidateGroupSymbol.data[c]!
  return {
    candidateIds: idsOf(candidateTable, candidateSymbol),
    positionIds: idsOf(positionTable, positionSymbol),
    companyIds: idsOf(companyTable, companySymbol),
    groupIds,
    candidateGroup,
    candidateStart,
    entryPosition,
    entryCandidateRank: entryRank.data.slice(0, nE),
    positionCapacity: positionCapacity.data.slice(0, nP),
    positionCompany,
    companyCapacity: companyCaps,
    companyGroupCap: groupCaps,
    hasRanking,
    rankingStart,
    rankedCandidate,
    rankedRank: rankedRanks,
    scoreCandidate,
    scorePosition,
    scoreValue: scoreValues.slice(0, scoreCount),
    matrixRows,
    matrixColumns,
    matrixValues: hasMatrix ? matrixValues.subarray(0, matrixValueCount) : null,
    hasScores: hasScoresKey || hasMatrix,
  }
}

/** Finds the id text[start..end) (FNV-1a `hash`) in the slots; its symbol, or −1 − (free slot index). */
function probe(table: SymbolTable, text: string, start: number, end: number, hash: number): number {
  const slots = table.slots
  const pool = table.pool
  const length = end - start
  const mask = (slots.length >> 2) - 1
  let slot = hash & mask
  for (;;) {
    const at = slot << 2
    const symbol = slots[at + 1]!
    if (symbol < 0) return -1 - slot
    if (slots[at] === hash && slots[at + 3] === length) {
      const from = slots[at + 2]!
      let i = 0
      while (i < length && pool[from + i] === text.charCodeAt(start + i)) i++
      if (i === length) return symbol
    }
    slot = (slot + 1) & mask
  }
}

/** The symbol of the id text[start..end) (FNV-1a `hash`), added to the table when new. */
function intern(table: SymbolTable, text: string, start: number, end: number, hash: number): number {
  const found = probe(table, text, start, end, hash)
  if (found >= 0) return found
  const length = end - start
  const symbol = table.start.length
  append(table.start, start)
  append(table.hash, hash)
  append(table.declared, -1)
  if (table.poolLength + length > table.pool.length) {
    const grown = new Uint16Array(Math.max(table.pool.length * 2, table.poolLength + length))
    grown.set(table.pool)
    table.pool = grown
  }
  const from = table.poolLength
  for (let i = 0; i < length; i++) table.pool[from + i] = text.charCodeAt(start + i)
  table.poolLength += length
  append(table.poolStart, table.poolLength)
  let slots = table.slots
  const at = (-1 - found) << 2
  slots[at] = hash
  slots[at + 1] = symbol
  slots[at + 2] = from
  slots[at + 3] = length
  if ((symbol + 1) * 4 >= (slots.length >> 2) * 3) {
    const grown = createSlots(slots.length >> 1)
    const mask = (grown.length >> 2) - 1
    for (let old = 0; old < slots.length; old += 4) {
      if (slots[old + 1]! < 0) continue
      let free = slots[old]! & mask
      while (grown[(free << 2) + 1]! >= 0) free = (free + 1) & mask
      const to = free << 2
      grown[to] = slots[old]!
      grown[to + 1] = slots[old + 1]!
      grown[to + 2] = slots[old + 2]!
      grown[to + 3] = slots[old + 3]!
    }
    slots = grown
    table.slots = grown
  }
  return symbol
}

/** Grows a buffer so that `extra` more values fit. */
function reserve(buffer: IntBuffer, extra: number): void {
  if (buffer.length + extra <= buffer.data.length) return
  const grown = new Int32Array(Math.max(buffer.data.length * 2, buffer.length + extra))
  grown.set(buffer.data.subarray(0, buffer.length))
  buffer.data = grown
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9
}

/** Spans of the ids of one ranking, between parsing and resolving them. */
interface RankingScratch {
  start: Int32Array
  length: Int32Array
  hash: Int32Array
  rank: Int32Array
}

/** Ids resolved per batch: the slot loads of a batch are independent, so the processor overlaps their misses. */
const BATCH = 32

/**
 * The hot loop: a ranking `[id, [id, id], …]` from `at`, appending each id's symbol and weak rank to
 * `ids`/`ranks`. First parses the whole ranking into spans and hashes (a sequential pass over the text),
 * then resolves them in batches against the symbol table. Locals only; returns the index after the closing
 * bracket, or −1 when the text leaves the fast path (escapes, empty ids or groups, bad syntax).
 */
function scanRanking(
  text: string,
  at: number,
  table: SymbolTable,
  ids: IntBuffer,
  ranks: IntBuffer,
  scratch: RankingScratch,
): number {
  let i = at
  while (isSpace(text.charCodeAt(i))) i++
  if (text.charCodeAt(i) !== OPEN_BRACKET) return -1
  i++
  while (isSpace(text.charCodeAt(i))) i++
  if (text.charCodeAt(i) === CLOSE_BRACKET) return i + 1
  let spanStart = scratch.start
  let spanLength = scratch.length
  let spanHash = scratch.hash
  let spanRank = scratch.rank
  let n = 0
  let rank = 0
  let groupSize = -1 // −1 outside a tied group, else ids read in it
  for (;;) {
    while (isSpace(text.charCodeAt(i))) i++
    let code = text.charCodeAt(i)
    if (groupSize < 0) {
      rank++
      if (code === OPEN_BRACKET) {
        groupSize = 0
        i++
        while (isSpace(text.charCodeAt(i))) i++
        code = text.charCodeAt(i)
      }
    }
    if (code !== QUOTE) return -1
    // The id: hash while scanning; escapes, control characters and the empty id leave the fast path.
    const start = i + 1
    let hash = 0x811c9dc5
    i = start
    for (;;) {
      code = text.charCodeAt(i)
      if (code === QUOTE) break
      if (code === BACKSLASH || !(code >= 32)) return -1
      hash = Math.imul(hash ^ code, 16777619)
      i++
    }
    if (i === start) return -1
    if (n === spanStart.length) {
      const grow = (array: Int32Array): Int32Array => {
        const grown = new Int32Array(array.length * 2)
        grown.set(array)
        return grown
      }
      spanStart = scratch.start = grow(spanStart)
      spanLength = scratch.length = grow(spanLength)
      spanHash = scratch.hash = grow(spanHash)
      spanRank = scratch.rank = grow(spanRank)
    }
    spanStart[n] = start
    spanLength[n] = i - start
    spanHash[n] = hash
    spanRank[n] = rank
    n++
    i++
    if (groupSize >= 0) groupSize++
    while (isSpace(text.charCodeAt(i))) i++
    code = text.charCodeAt(i)
    if (code === COMMA) {
      i++
      continue
    }
    if (code !== CLOSE_BRACKET) return -1
    i++
    if (groupSize < 0) break
    // End of a tied group: a comma or the end of the ranking follows.
    groupSize = -1
    while (isSpace(text.charCodeAt(i))) i++
    code = text.charCodeAt(i)
    if (code === COMMA) {
      i++
      continue
    }
    if (code !== CLOSE_BRACKET) return -1
    i++
    break
  }
  // Resolve the spans.
  reserve(ranks, n)
  const rankOut = ranks.data
  // A plain copy: a subarray view per ranking would allocate an object each time.
  for (let k = 0, to = ranks.length; k < n; k++) rankOut[to++] = spanRank[k]!
  ranks.length += n
  reserve(ids, n)
  const out = ids.data
  let count = ids.length
  let slots = table.slots
  let mask = (slots.length >> 2) - 1
  let pool = table.pool
  for (let first = 0; first < n; first += BATCH) {
    const last = first + BATCH < n ? first + BATCH : n
    let touched = 0
    for (let k = first; k < last; k++) touched |= slots[((spanHash[k]! & mask) << 2) + 1]!
    for (let k = first; k < last; k++) touched |= pool[slots[((spanHash[k]! & mask) << 2) + 2]!]!
    if (touched === -2) return -1 // never true (symbols are ≥ −1): keeps the loads alive
    for (let k = first; k < last; k++) {
      const start = spanStart[k]!
      const length = spanLength[k]!
      const hash = spanHash[k]!
      let symbol = -1
      let slot = hash & mask
      for (;;) {
        const base = slot << 2
        const found = slots[base + 1]!
        if (found < 0) break
        if (slots[base] === hash && slots[base + 3] === length) {
          const from = slots[base + 2]!
          let c = 0
          while (c < length && pool[from + c] === text.charCodeAt(start + c)) c++
          if (c === length) {
            symbol = found
            break
          }
        }
        slot = (slot + 1) & mask
      }
      if (symbol < 0) {
        symbol = intern(table, text, start, start + length, hash)
        slots = table.slots
        mask = (slots.length >> 2) - 1
        pool = table.pool
      }
      out[count++] = symbol
    }
  }
  ids.length = count
  return i
}

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE
}
