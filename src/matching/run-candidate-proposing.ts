import type { StrictOrder } from './break-ties.ts'
import { type CompiledMarket, UNLIMITED } from './compile-market.ts'
import { type Capacities, countCompanyRoom } from './create-capacities.ts'
import { createHeapPool } from './create-heap-pool.ts'

/**
 * Candidate-proposing deferred acceptance (Gale & Shapley 1962) on the tie-broken preferences, with company
 * caps as in SPA-student (Abraham, Irving & Manlove 2007) and per-company group caps. A company holding too
 * many proposals releases them as its greedy choice would: at each over-full level (position, group cell,
 * company) the worst holder is a candidate for rejection, and the best of those goes first. Returns the
 * entry each candidate holds (-1 = unmatched). With company caps this is the candidate-optimal SPA-S stable
 * matching; it is strategy-proof for candidates (Roth 1982; Hatfield & Milgrom 2005 for the laminar caps).
 */
export function runCandidateProposing(
  compiled: CompiledMarket,
  strict: StrictOrder,
  capacities: Capacities,
): Int32Array {
  const { candidateCount: nC, positionCount: nP, companyCount: nK, cellCount: nCells } = compiled
  const { candidateStart, entryPosition, entryPositionRank, entryCell, positionCompany } = compiled
  const { candidateLottery, order } = strict
  const hasCells = nCells > 0
  const { positionCapacity, companyCapacity, cellCapacity, isParticipant } = capacities
  let isPlain = nCells === 0
  for (let k = 0; k < nK && isPlain; k++) if (companyCapacity[k] !== UNLIMITED) isPlain = false
  if (isPlain) return runPlainCandidateProposing(compiled, strict, capacities)
  const heldKey = new Float64Array(nC)
  const matchEntry = new Int32Array(nC).fill(-1)
  const next = candidateStart.slice(0, nC)

  const positionRoom = new Int32Array(nP)
  for (let p = 0; p < nP; p++) positionRoom[p] = positionCapacity[p]! + 1
  const positions = createHeapPool(positionRoom, nC, heldKey)
  const positionSize = positions.size
  const positionTopKey = positions.topKey

  let hasCompanyLevel = false
  const companyRoom = new Int32Array(nK)
  for (let k = 0; k < nK; k++) {
    if (companyCapacity[k] === UNLIMITED) continue
    hasCompanyLevel = true
    companyRoom[k] = countCompanyRoom(compiled, capacities, k) + 1
  }
  const companies = createHeapPool(companyRoom, hasCompanyLevel ? nC : 0, heldKey)
  const cellRoom = new Int32Array(nCells)
  for (let cell = 0; cell < nCells; cell++) cellRoom[cell] = Math.min(cellCapacity[cell]!, nC) + 1
  const cells = createHeapPool(cellRoom, nCells > 0 ? nC : 0, heldKey)
  const pending = new Int32Array(nC)
  let pendingCount = 0

  const evict = (w: number): void => {
    positions.remove(w)
    if (hasCompanyLevel && companies.heapOf[w]! >= 0) companies.remove(w)
    if (nCells > 0 && cells.heapOf[w]! >= 0) cells.remove(w)
    matchEntry[w] = -1
    pending[pendingCount++] = w
  }

  for (let first = 0; first < nC; first++) {
    if (isParticipant !== null && isParticipant[first] === 0) continue
    pending[pendingCount++] = first
    while (pendingCount > 0) {
      const c = pending[--pendingCount]!
      const end = candidateStart[c + 1]!
      const luck = candidateLottery[c]!
      while (next[c]! < end) {
        const e = order === null ? next[c]!++ : order[next[c]!++]!
        const rank = entryPositionRank[e]!
        if (rank === 0) continue
        const key = rank * nC + luck
        const p = entryPosition[e]!
        const cap = positionCapacity[p]!
        const held = positionSize[p]!
        // Rejected outright when the candidate would be the worst at a level that is already full.
        if (held >= cap && (cap === 0 || key >= positionTopKey[p]!)) continue
        const k = positionCompany[p]!
        const isCompanyCapped = k >= 0 && companyCapacity[k]! !== UNLIMITED
        if (isCompanyCapped) {
          const kCap = companyCapacity[k]!
          if (companies.size[k]! >= kCap && (kCap === 0 || key >= companies.topKey[k]!)) continue
        }
        const cell = hasCells ? entryCell[e]! : -1
        if (cell >= 0) {
          const gCap = cellCapacity[cell]!
          if (cells.size[cell]! >= gCap && (gCap === 0 || key >= cells.topKey[cell]!)) continue
        }
        heldKey[c] = key
        matchEntry[c] = e
        if (held < cap && !isCompanyCapped && cell < 0) {
          positions.push(p, c)
          break
        }
        if (held >= cap && !isCompanyCapped && cell < 0) {
          // Plain hospital: the worst holder goes; the newcomer takes its place.
          const w = positions.top(p)
          evict(w)
          positions.push(p, c)
          break
        }
        positions.push(p, c)
        if (isCompanyCapped) companies.push(k, c)
        if (cell >= 0) cells.push(cell, c)
        for (;;) {
          let worst = -1
          if (positionSize[p]! > cap) worst = positions.top(p)
          if (cell >= 0 && cells.size[cell]! > cellCapacity[cell]!) {
            const w = cells.top(cell)
            if (worst < 0 || heldKey[w]! < heldKey[worst]!) worst = w
          }
          if (isCompanyCapped && companies.size[k]! > companyCapacity[k]!) {
            const w = companies.top(k)
            if (worst < 0 || heldKey[w]! < heldKey[worst]!) worst = w
          }
          if (worst < 0) break
          evict(worst)
        }
        break
      }
    }
  }
  return matchEntry
}

/**
 * The same deferred acceptance for markets without company or group caps (the common "hospitals/residents"
 * case): one max-heap of held proposals per position, keys stored beside the candidates in one flat pool,
 * sifts written out inline. Returns the entry each candidate holds (-1 = unmatched).
 */
function runPlainCandidateProposing(
  compiled: CompiledMarket,
  strict: StrictOrder,
  capacities: Capacities,
): Int32Array {
  const { candidateCount: nC, positionCount: nP } = compiled
  const { candidateStart, entryPosition, entryPositionRank } = compiled
  const { candidateLottery, order } = strict
  const { positionCapacity, isParticipant } = capacities
  const matchEntry = new Int32Array(nC).fill(-1)
  // Heap of position p: heapCandidate/heapKey[base[p] .. base[p] + size[p]), worst (largest key) on top.
  const base = new Int32Array(nP + 1)
  for (let p = 0; p < nP; p++) base[p + 1] = base[p]! + Math.max(0, Math.min(positionCapacity[p]!, nC))
  const heapCandidate = new Int32Array(base[nP]!)
  const heapKey = new Float64Array(base[nP]!)
  const size = new Int32Array(nP)
  const next = new Int32Array(nC)
  for (let first = 0; first < nC; first++) {
    if (isParticipant !== null && isParticipant[first] === 0) continue
    next[first] = candidateStart[first]!
    let c = first
    // Propose down c's list; a rejected holder continues from where it stopped (a chain, no stack).
    while (c >= 0) {
      const end = candidateStart[c + 1]!
      const luck = candidateLottery[c]!
      let e = next[c]!
      let placed = -1
      for (; e < end; e++) {
        const entry = order === null ? e : order[e]!
        const rank = entryPositionRank[entry]!
        if (rank === 0) continue
        const p = entryPosition[entry]!
        const cap = positionCapacity[p]!
        if (cap <= 0) continue
        const key = rank * nC + luck
        const b = base[p]!
        const n = size[p]!
        if (n < cap) {
          // Room: sift the newcomer up.
          let i = n
          while (i > 0) {
            const parent = (i - 1) >> 1
            if (heapKey[b + parent]! >= key) break
            heapKey[b + i] = heapKey[b + parent]!
            heapCandidate[b + i] = heapCandidate[b + parent]!
            i = parent
          }
          heapKey[b + i] = key
          heapCandidate[b + i] = c
          size[p] = n + 1
          matchEntry[c] = entry
          placed = -1
          e++
          break
        }
        if (key >= heapKey[b]!) continue
        // Full and the newcomer beats the worst holder: replace the top and sift down.
        placed = heapCandidate[b]!
        let i = 0
        for (;;) {
          let child = 2 * i + 1
          if (child >= n) break
          if (child + 1 < n && heapKey[b + child + 1]! > heapKey[b + child]!) child++
          if (heapKey[b + child]! <= key) break
          heapKey[b + i] = heapKey[b + child]!
          heapCandidate[b + i] = heapCandidate[b + child]!
          i = child
        }
        heapKey[b + i] = key
        heapCandidate[b + i] = c
        matchEntry[c] = entry
        matchEntry[placed] = -1
        e++
        break
      }
      next[c] = e
      c = placed
    }
  }
  return matchEntry
}
