import { AppError } from '../domain/app-error.ts'
import type { StrictOrder } from './break-ties.ts'
import { type CompiledMarket, UNLIMITED } from './compile-market.ts'
import type { Capacities } from './create-capacities.ts'

/** Stable counting sort of entries by `key[entry]` (values in 0..range−1); returns a new array. */
function sortByKey(entries: Int32Array, key: Int32Array, range: number): Int32Array {
  const counts = new Int32Array(range + 1)
  for (let i = 0; i < entries.length; i++) counts[key[entries[i]!]! + 1]!++
  for (let v = 0; v < range; v++) counts[v + 1]! += counts[v]!
  const sorted = new Int32Array(entries.length)
  for (let i = 0; i < entries.length; i++) sorted[counts[key[entries[i]!]!]!++] = entries[i]!
  return sorted
}

/**
 * Position-proposing deferred acceptance (Gale & Shapley 1962): the position-optimal stable matching. With
 * company caps it runs SPA-lecturer (Abraham, Irving & Manlove 2007, algorithm SPA-lecturer), where a
 * company offers its best candidate an undersubscribed position from the candidate's remaining list and the
 * candidate's list is cut below every offer held. Group caps are not supported here (use candidate-proposing).
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: engine hot loop: deferred acceptance with reused buffers and local cursors
export function runPositionProposing(
  compiled: CompiledMarket,
  strict: StrictOrder,
  capacities: Capacities,
): Int32Array {
  if (compiled.cellCount > 0)
    throw new AppError(
      'bad_request',
      'position-proposing does not support group caps; use candidate-proposing',
    )
  const { candidateCount: nC, positionCount: nP, entryCount: nE } = compiled
  const { entryPosition, entryCandidate, entryPositionRank, positionCompany } = compiled
  const { orderIndex: strictIndex, candidateLottery, order } = strict
  const { candidateStart } = compiled
  let orderIndex = strictIndex
  if (orderIndex === null) {
    orderIndex = new Int32Array(nE)
    for (let e = 0; e < nE; e++) orderIndex[e] = e
  }
  // Candidates in lottery order: their entries, listed in that order, are sorted by the lottery number.
  const byLuck = new Int32Array(nC)
  for (let c = 0; c < nC; c++) byLuck[candidateLottery[c]!] = c
  let maxRank = 0
  for (let e = 0; e < nE; e++) if (entryPositionRank[e]! > maxRank) maxRank = entryPositionRank[e]!
  const { positionCapacity, companyCapacity, isParticipant } = capacities
  const matchEntry = new Int32Array(nC).fill(-1)
  const isIn = (c: number): boolean => isParticipant === null || isParticipant[c] === 1
  const isCapped = (p: number): boolean => {
    const k = positionCompany[p]!
    return k >= 0 && companyCapacity[k]! !== UNLIMITED
  }

  // Acceptable entries of each position, best first (by position, rank, lottery: radix passes, no comparator).
  const start = new Int32Array(nP + 1)
  let acceptable = 0
  for (let e = 0; e < nE; e++)
    if (entryPositionRank[e]! > 0) {
      start[entryPosition[e]! + 1]!++
      acceptable++
    }
  for (let p = 0; p < nP; p++) start[p + 1]! += start[p]!
  const acceptableEntries = new Int32Array(acceptable)
  {
    let at = 0
    for (let l = 0; l < nC; l++) {
      const c = byLuck[l]!
      for (let e = candidateStart[c]!; e < candidateStart[c + 1]!; e++)
        if (entryPositionRank[e]! > 0) acceptableEntries[at++] = e
    }
  }
  const list = sortByKey(sortByKey(acceptableEntries, entryPositionRank, maxRank + 1), entryPosition, nP)

  const count = new Int32Array(nP)
  const next = start.slice(0, nP)
  const stack = new Int32Array(nP)
  const isQueued = new Uint8Array(nP)
  let top = 0
  for (let p = nP - 1; p >= 0; p--)
    if (!isCapped(p) && positionCapacity[p]! > 0) {
      stack[top++] = p
      isQueued[p] = 1
    }
  const release = (e: number): void => {
    const q = entryPosition[e]!
    count[q]!--
    if (!isCapped(q) && isQueued[q] === 0) {
      isQueued[q] = 1
      stack[top++] = q
    }
  }
  const companyCount = new Int32Array(compiled.companyCount)
  const runUncapped = (): void => {
    while (top > 0) {
      const p = stack[--top]!
      isQueued[p] = 0
      const cap = positionCapacity[p]!
      while (count[p]! < cap && next[p]! < start[p + 1]!) {
        const e = list[next[p]!++]!
        const c = entryCandidate[e]!
        if (!isIn(c)) continue
        const current = matchEntry[c]!
        if (current >= 0 && orderIndex[current]! < orderIndex[e]!) continue
        if (current >= 0) releaseAny(current)
        matchEntry[c] = e
        count[p]!++
      }
    }
  }
  // Capped companies waiting to make offers (a holder left one of their positions, or they never started).
  const nK = compiled.companyCount
  const companyQueue = new Int32Array(nK + 1)
  const isCompanyQueued = new Uint8Array(nK)
  let companyHead = 0
  let companyTail = 0
  const queueCompany = (k: number): void => {
    if (isCompanyQueued[k] === 1) return
    isCompanyQueued[k] = 1
    companyQueue[companyTail] = k
    companyTail = companyTail === nK ? 0 : companyTail + 1
  }
  const releaseAny = (e: number): void => {
    const k = positionCompany[entryPosition[e]!]!
    if (k >= 0 && companyCapacity[k]! !== UNLIMITED) {
      count[entryPosition[e]!]!--
      companyCount[k]!--
      queueCompany(k)
    } else release(e)
  }
  runUncapped()
  if (!compiled.hasCompanyCaps) return matchEntry

  // SPA-lecturer for capped companies, interleaved with the plain positions until nothing changes. Each
  // company walks its list once with a cursor; an entry skipped because its position was full waits in that
  // position's queue and comes back when a holder leaves. Skips for any other reason are final: candidates
  // only ever trade up. So the next offer is the earliest of the cursor and the queue heads of positions
  // with room — what a rescan from the start would find.
  const { companyPositionStart, companyPositionList } = compiled
  const companyStart = new Int32Array(nK + 1)
  // Waiting entries (indices into companyList) per position, in list order.
  const waitStart = new Int32Array(nP + 1)
  for (let k = 0; k < nK; k++) {
    let n = 0
    if (companyCapacity[k]! !== UNLIMITED)
      for (let i = companyPositionStart[k]!; i < companyPositionStart[k + 1]!; i++) {
        const p = companyPositionList[i]!
        n += start[p + 1]! - start[p]!
      }
    companyStart[k + 1] = companyStart[k]! + n
  }
  for (let p = 0; p < nP; p++)
    waitStart[p + 1] = waitStart[p]! + (isCapped(p) ? start[p + 1]! - start[p]! : 0)
  // Each capped company's entries by candidate (company key: rank, lottery), then by the candidate's own
  // order — the first usable entry wins. Listed by lottery and the candidates' own order, then sorted by
  // rank and company (stable).
  const companyOfEntry = new Int32Array(nE)
  let cappedEntries = 0
  for (let e = 0; e < nE; e++) {
    const k = positionCompany[entryPosition[e]!]!
    companyOfEntry[e] = k
    if (entryPositionRank[e]! > 0 && k >= 0 && companyCapacity[k]! !== UNLIMITED) cappedEntries++
  }
  const capped = new Int32Array(cappedEntries)
  {
    let at = 0
    for (let l = 0; l < nC; l++) {
      const c = byLuck[l]!
      for (let i = candidateStart[c]!; i < candidateStart[c + 1]!; i++) {
        const e = order === null ? i : order[i]!
        if (entryPositionRank[e]! > 0 && isCapped(entryPosition[e]!)) capped[at++] = e
      }
    }
  }
  const companyList = sortByKey(sortByKey(capped, entryPositionRank, maxRank + 1), companyOfEntry, nK)
  const cursor = companyStart.slice(0, nK)
  const waiting = new Int32Array(waitStart[nP]!)
  const waitHead = waitStart.slice(0, nP)
  const waitEnd = waitStart.slice(0, nP)
  for (let k = 0; k < nK; k++) if (companyCapacity[k]! !== UNLIMITED) queueCompany(k)
  const offerFrom = (k: number): void => {
    const end = companyStart[k + 1]!
    const firstPosition = companyPositionStart[k]!
    const lastPosition = companyPositionStart[k + 1]!
    while (companyCount[k]! < companyCapacity[k]!) {
      // The earliest waiting entry of a position with room, or the cursor.
      let best = cursor[k]! < end ? cursor[k]! : 0x7fffffff
      let from = -1
      for (let i = firstPosition; i < lastPosition; i++) {
        const p = companyPositionList[i]!
        if (waitHead[p]! < waitEnd[p]! && count[p]! < positionCapacity[p]!) {
          const index = waiting[waitHead[p]!]!
          if (index < best) {
            best = index
            from = p
          }
        }
      }
      if (best === 0x7fffffff) return
      if (from >= 0) waitHead[from]!++
      else cursor[k]!++
      const e = companyList[best]!
      const c = entryCandidate[e]!
      const p = entryPosition[e]!
      if (!isIn(c)) continue
      if (count[p]! >= positionCapacity[p]!) {
        waiting[waitEnd[p]!++] = best
        continue
      }
      const current = matchEntry[c]!
      if (current >= 0 && orderIndex[current]! <= orderIndex[e]!) continue
      if (current >= 0) releaseAny(current)
      matchEntry[c] = e
      count[p]!++
      companyCount[k]!++
    }
  }
  while (companyHead !== companyTail || top > 0) {
    while (companyHead !== companyTail) {
      const k = companyQueue[companyHead]!
      companyHead = companyHead === nK ? 0 : companyHead + 1
      isCompanyQueued[k] = 0
      offerFrom(k)
    }
    runUncapped()
  }
  return matchEntry
}
