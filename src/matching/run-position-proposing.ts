import { AppError } from '../domain/app-error.ts'
import { keyOf, type StrictOrder } from './break-ties.ts'
import { type CompiledMarket, UNLIMITED } from './compile-market.ts'
import type { Capacities } from './create-capacities.ts'

function sortSegment(list: Int32Array, start: number, end: number, key: Float64Array): void {
  const part = Array.from(list.subarray(start, end))
  part.sort((a, b) => key[a]! - key[b]!)
  list.set(part, start)
}

/**
 * Position-proposing deferred acceptance (Gale & Shapley 1962): the position-optimal stable matching. With
 * company caps it runs SPA-lecturer (Abraham, Irving & Manlove 2007, algorithm SPA-lecturer), where a
 * company offers its best candidate an undersubscribed position from the candidate's remaining list and the
 * candidate's list is cut below every offer held. Group caps are not supported here (use candidate-proposing).
 */
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
  const { entryPosition, entryCandidate, positionCompany } = compiled
  const { orderIndex: strictIndex } = strict
  const entryKey = new Float64Array(nE)
  for (let e = 0; e < nE; e++) entryKey[e] = keyOf(compiled, strict, e)
  const orderIndex = strictIndex ?? entryKey.map((_, e) => e)
  const { positionCapacity, companyCapacity, isParticipant } = capacities
  const matchEntry = new Int32Array(nC).fill(-1)
  const isIn = (c: number): boolean => isParticipant === null || isParticipant[c] === 1
  const isCapped = (p: number): boolean => {
    const k = positionCompany[p]!
    return k >= 0 && companyCapacity[k]! !== UNLIMITED
  }

  // Acceptable entries of each position, best first.
  const start = new Int32Array(nP + 1)
  for (let e = 0; e < nE; e++) if (entryKey[e]! !== Number.POSITIVE_INFINITY) start[entryPosition[e]! + 1]!++
  for (let p = 0; p < nP; p++) start[p + 1]! += start[p]!
  const list = new Int32Array(start[nP]!)
  {
    const fill = start.slice(0, nP)
    for (let e = 0; e < nE; e++)
      if (entryKey[e]! !== Number.POSITIVE_INFINITY) list[fill[entryPosition[e]!]!++] = e
  }
  for (let p = 0; p < nP; p++) sortSegment(list, start[p]!, start[p + 1]!, entryKey)

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
  const releaseAny = (e: number): void => {
    const k = positionCompany[entryPosition[e]!]!
    if (k >= 0 && companyCapacity[k]! !== UNLIMITED) {
      count[entryPosition[e]!]!--
      companyCount[k]!--
    } else release(e)
  }
  runUncapped()
  if (!compiled.hasCompanyCaps) return matchEntry

  // SPA-lecturer for capped companies, interleaved with the plain positions until nothing changes.
  const nK = compiled.companyCount
  const { companyPositionStart, companyPositionList } = compiled
  const companyStart = new Int32Array(nK + 1)
  for (let k = 0; k < nK; k++) {
    let n = 0
    if (companyCapacity[k]! !== UNLIMITED)
      for (let i = companyPositionStart[k]!; i < companyPositionStart[k + 1]!; i++) {
        const p = companyPositionList[i]!
        n += start[p + 1]! - start[p]!
      }
    companyStart[k + 1] = companyStart[k]! + n
  }
  const companyList = new Int32Array(companyStart[nK]!)
  for (let k = 0; k < nK; k++) {
    if (companyCapacity[k]! === UNLIMITED) continue
    let at = companyStart[k]!
    for (let i = companyPositionStart[k]!; i < companyPositionStart[k + 1]!; i++) {
      const p = companyPositionList[i]!
      for (let j = start[p]!; j < start[p + 1]!; j++) companyList[at++] = list[j]!
    }
    // By candidate (company key), then by the candidate's own order: the first usable entry wins.
    const part = Array.from(companyList.subarray(companyStart[k]!, companyStart[k + 1]!))
    part.sort((a, b) => entryKey[a]! - entryKey[b]! || orderIndex[a]! - orderIndex[b]!)
    companyList.set(part, companyStart[k]!)
  }
  let hasChanged = true
  while (hasChanged) {
    hasChanged = false
    for (let k = 0; k < nK; k++) {
      if (companyCapacity[k]! === UNLIMITED) continue
      let i = companyStart[k]!
      while (companyCount[k]! < companyCapacity[k]! && i < companyStart[k + 1]!) {
        const e = companyList[i++]!
        const c = entryCandidate[e]!
        const p = entryPosition[e]!
        if (!isIn(c) || count[p]! >= positionCapacity[p]!) continue
        const current = matchEntry[c]!
        if (current >= 0 && orderIndex[current]! <= orderIndex[e]!) continue
        if (current >= 0) releaseAny(current)
        matchEntry[c] = e
        count[p]!++
        companyCount[k]!++
        hasChanged = true
        i = companyStart[k]!
      }
    }
    if (top > 0) {
      runUncapped()
      hasChanged = true
    }
  }
  return matchEntry
}
