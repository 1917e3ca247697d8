import { groupByOwner } from '../shared/group-by-owner.ts'
import { hashPair } from '../shared/hash-pair.ts'
import type { CompiledSlotProblem } from './compile-slot-problem.ts'

/** Iterations of the ejection chain per chosen interview before the rest are dropped. */
const CHAIN_BUDGET = 24
/** An interview placed this many iterations ago or less cannot be ejected (stops two-cycles). */
const TABU = 3

/**
 * Step 2 and 3 of {@link scheduleInterviews}: a slot for each chosen pair (CSR order; -1 = none), then
 * any other acceptable pair that still fits. The chain takes interviews most constrained first (fewest
 * common free slots, then most points, then a seeded hash); each goes to a common free slot with the
 * fewest of its company's tables busy, or else to the common slot needing the fewest ejections (the
 * candidate's interview there, one of the company's there), whose victims queue again.
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: engine hot loop: the ejection chain keeps its slot and pair arrays in locals
export function placeInterviews(
  problem: CompiledSlotProblem,
  isChosen: Uint8Array,
  seed: number,
): { readonly pairSlot: Int32Array } {
  const {
    candidateCount: nC,
    companyCount: nK,
    slotCount: nS,
    words,
    candidateFree,
    companyFree,
    tables,
  } = problem
  const { pairStart, pairCompany, pairPoints, candidateCap, companyCap } = problem
  const pairs = pairCompany.length
  const pairCandidate = new Int32Array(pairs)
  for (let c = 0; c < nC; c++) pairCandidate.fill(c, pairStart[c]!, pairStart[c + 1]!)
  // Pairs by company, to find a company's interview in a slot.
  const { start: companyStart, items: companyPairs } = groupByOwner(pairCompany, nK)
  const isFree = (bits: Uint32Array, owner: number, t: number): boolean =>
    (bits[owner * words + (t >> 5)]! & (1 << (t & 31))) !== 0
  const isCommon = (i: number, t: number): boolean =>
    isFree(candidateFree, pairCandidate[i]!, t) && isFree(companyFree, pairCompany[i]!, t)
  const pairSlot = new Int32Array(pairs).fill(-1)
  const candidateAt = new Int32Array(nC * nS).fill(-1)
  const companyLoad = new Int32Array(nK * nS)
  const candidateTotal = new Int32Array(nC)
  const companyTotal = new Int32Array(nK)
  const placedAt = new Int32Array(pairs).fill(-1_000_000)
  const put = (i: number, t: number, iteration: number): void => {
    const c = pairCandidate[i]!
    const k = pairCompany[i]!
    pairSlot[i] = t
    candidateAt[c * nS + t] = i
    companyLoad[k * nS + t]!++
    candidateTotal[c]!++
    companyTotal[k]!++
    placedAt[i] = iteration
  }
  const take = (i: number): void => {
    const c = pairCandidate[i]!
    const k = pairCompany[i]!
    const t = pairSlot[i]!
    candidateAt[c * nS + t] = -1
    companyLoad[k * nS + t]!--
    candidateTotal[c]!--
    companyTotal[k]!--
    pairSlot[i] = -1
  }
  /** The common free slot with the fewest busy tables (ties by seeded hash), or -1. */
  const findFreeSlot = (i: number): number => {
    const c = pairCandidate[i]!
    const k = pairCompany[i]!
    let best = -1
    let bestKey = 0
    for (let t = 0; t < nS; t++) {
      if (!isCommon(i, t) || candidateAt[c * nS + t]! >= 0 || companyLoad[k * nS + t]! >= tables[k]!) continue
      const key = companyLoad[k * nS + t]! * 0x100000000 + hashPair(seed, i, t)
      if (best < 0 || key < bestKey) [best, bestKey] = [t, key]
    }
    return best
  }
  // The chain over the chosen pairs, most constrained first.
  const commonCount = new Int32Array(pairs)
  for (let i = 0; i < pairs; i++) for (let t = 0; t < nS; t++) if (isCommon(i, t)) commonCount[i]!++
  const chosen = Array.from({ length: pairs }, (_p, i) => i).filter((i) => isChosen[i] === 1)
  chosen.sort(
    (a, b) =>
      commonCount[a]! - commonCount[b]! ||
      pairPoints[b]! - pairPoints[a]! ||
      hashPair(seed, a, -1) - hashPair(seed, b, -1),
  )
  const queue = new Int32Array(chosen.length + 1)
  let head = 0
  let size = 0
  const enqueue = (i: number): void => {
    queue[(head + size++) % queue.length] = i
  }
  for (const i of chosen) enqueue(i)
  const budget = CHAIN_BUDGET * chosen.length + 100
  for (let iteration = 0; iteration < budget && size > 0; iteration++) {
    const i = queue[head]!
    head = (head + 1) % queue.length
    size--
    const free = findFreeSlot(i)
    if (free >= 0) {
      put(i, free, iteration)
      continue
    }
    const c = pairCandidate[i]!
    const k = pairCompany[i]!
    let bestSlot = -1
    let bestCost = 3
    let bestKey = 0
    let bestVictim = -1
    for (let t = 0; t < nS; t++) {
      if (!isCommon(i, t)) continue
      const own = candidateAt[c * nS + t]!
      if (own >= 0 && iteration - placedAt[own]! <= TABU) continue
      let victim = -1
      if (companyLoad[k * nS + t]! >= tables[k]!) {
        // The company's interview there placed longest ago (the candidate's own is with another company).
        for (let at = companyStart[k]!; at < companyStart[k + 1]!; at++) {
          const j = companyPairs[at]!
          if (pairSlot[j] !== t || iteration - placedAt[j]! <= TABU) continue
          if (victim < 0 || placedAt[j]! < placedAt[victim]!) victim = j
        }
        if (victim < 0) continue
      }
      const cost = (own >= 0 ? 1 : 0) + (victim >= 0 ? 1 : 0)
      const key = hashPair(seed ^ iteration, i, t)
      if (cost < bestCost || (cost === bestCost && key < bestKey))
        [bestSlot, bestCost, bestKey, bestVictim] = [t, cost, key, victim]
    }
    if (bestSlot < 0) {
      enqueue(i)
      continue
    }
    const own = candidateAt[c * nS + bestSlot]!
    if (own >= 0) {
      take(own)
      enqueue(own)
    }
    if (bestVictim >= 0 && pairSlot[bestVictim] === bestSlot) {
      take(bestVictim)
      enqueue(bestVictim)
    }
    put(i, bestSlot, iteration)
  }
  // Step 3: further pairs that fit, best first; candidates without an interview first.
  const rest = Array.from({ length: pairs }, (_p, i) => i).filter((i) => pairSlot[i] === -1)
  rest.sort((a, b) => pairPoints[b]! - pairPoints[a]! || hashPair(seed, a, -2) - hashPair(seed, b, -2))
  for (const isFirstOnly of [true, false])
    for (const i of rest) {
      const c = pairCandidate[i]!
      const k = pairCompany[i]!
      if (pairSlot[i]! >= 0 || (isFirstOnly && candidateTotal[c]! > 0)) continue
      if (candidateTotal[c]! >= candidateCap[c]! || companyTotal[k]! >= companyCap[k]!) continue
      const t = findFreeSlot(i)
      if (t >= 0) put(i, t, budget)
    }
  return { pairSlot }
}
