import { AppError } from '../domain/app-error.ts'
import { type CompiledMarket, UNLIMITED } from './compile-market.ts'
import type { Capacities } from './create-capacities.ts'

/** Welfare-optimal assignment and how it was found. */
export interface MaxFitOutcome {
  /** Position of each candidate, -1 = unassigned. */
  readonly matchPosition: Int32Array
  readonly totalScore: number
  /** Pricing rounds: 1 when the pruned graph already proved optimal. */
  readonly rounds: number
  /** Pairs in the final (pruned) graph. */
  readonly edgeCount: number
}

/** Finds the k-th largest value (1-based) of values[0..n) by iterative quickselect; reorders `values`. */
function selectKthLargest(values: Float64Array, n: number, k: number): number {
  let lo = 0
  let hi = n - 1
  const target = k - 1
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!
    let i = lo
    let j = hi
    while (i <= j) {
      while (values[i]! > pivot) i++
      while (values[j]! < pivot) j--
      if (i <= j) {
        const t = values[i]!
        values[i] = values[j]!
        values[j] = t
        i++
        j--
      }
    }
    if (target <= j) hi = j
    else if (target >= i) lo = i
    else return values[target]!
  }
  return values[target]!
}

/**
 * Max-fit: maximises the total score over scored pairs (score > 0) subject to position capacities and
 * company caps — a min-cost flow (source → candidate → position → company → sink, each candidate may
 * also stay unassigned at cost 0), solved exactly by successive shortest paths with Dijkstra on reduced
 * costs and node potentials (Edmonds & Karp 1972; Tomizawa 1971; Ahuja, Magnanti & Orlin 1993, ch. 9),
 * one augmentation per candidate as in the shortest augmenting path assignment codes (Jonker &
 * Volgenant 1987). Each position first keeps only its best-scoring pairs (a few times its capacity); the
 * final potentials are then priced against every pair (LP reduced costs), and any pair that could improve
 * the total is added and the flow re-solved, so the answer is exact (column generation, Dantzig–Wolfe).
 */
export function solveMaxFit(compiled: CompiledMarket, capacities: Capacities, keepFactor = 3): MaxFitOutcome {
  if (compiled.cellCount > 0 || compiled.hasGroupCaps)
    throw new AppError('bad_request', 'max-fit does not support group caps; use a stable mechanism')
  const { candidateCount: nC, positionCount: nP, companyCount: nK } = compiled
  const { scoreStart, scorePosition, scoreValue, positionCompany } = compiled
  const { positionCapacity, companyCapacity, isParticipant } = capacities

  let maxAbs = 1
  for (let i = 0; i < scoreValue.length; i++) maxAbs = Math.max(maxAbs, Math.abs(scoreValue[i]!))
  const tolerance = 1e-9 * maxAbs
  const isUsable = (c: number, p: number, s: number): boolean => {
    if (!(s > 0) || positionCapacity[p]! <= 0) return false
    if (isParticipant !== null && isParticipant[c] === 0) return false
    const k = positionCompany[p]!
    return k < 0 || companyCapacity[k]! > 0
  }

  // Pruning: each position keeps its best keepFactor·capacity + 8 pairs (Infinity = keep all).
  const degree = new Int32Array(nP)
  for (let c = 0; c < nC; c++)
    for (let i = scoreStart[c]!; i < scoreStart[c + 1]!; i++)
      if (isUsable(c, scorePosition[i]!, scoreValue[i]!)) degree[scorePosition[i]!]!++
  const keepCount = new Float64Array(nP)
  const threshold = new Float64Array(nP).fill(Number.NEGATIVE_INFINITY)
  let needsPruning = false
  for (let p = 0; p < nP; p++) {
    keepCount[p] = keepFactor * positionCapacity[p]! + 8
    if (degree[p]! > keepCount[p]!) needsPruning = true
  }
  const isKept = new Uint8Array(scoreValue.length)
  if (needsPruning) {
    const posStart = new Int32Array(nP + 1)
    for (let p = 0; p < nP; p++) posStart[p + 1] = posStart[p]! + degree[p]!
    const byPosition = new Float64Array(posStart[nP]!)
    const fill = posStart.slice(0, nP)
    for (let c = 0; c < nC; c++)
      for (let i = scoreStart[c]!; i < scoreStart[c + 1]!; i++) {
        const p = scorePosition[i]!
        if (isUsable(c, p, scoreValue[i]!)) byPosition[fill[p]!++] = scoreValue[i]!
      }
    const scratch = new Float64Array(Math.max(...degree, 1))
    for (let p = 0; p < nP; p++) {
      const n = degree[p]!
      if (n <= keepCount[p]!) continue
      scratch.set(byPosition.subarray(posStart[p]!, posStart[p + 1]!))
      threshold[p] = selectKthLargest(scratch, n, keepCount[p]!)
    }
    // Keep pairs strictly above the threshold, then pairs at it until the quota is used.
    const used = new Int32Array(nP)
    for (let c = 0; c < nC; c++)
      for (let i = scoreStart[c]!; i < scoreStart[c + 1]!; i++) {
        const p = scorePosition[i]!
        if (isUsable(c, p, scoreValue[i]!) && scoreValue[i]! > threshold[p]!) {
          isKept[i] = 1
          used[p]!++
        }
      }
    for (let c = 0; c < nC; c++)
      for (let i = scoreStart[c]!; i < scoreStart[c + 1]!; i++) {
        const p = scorePosition[i]!
        if (
          isKept[i] === 0 &&
          isUsable(c, p, scoreValue[i]!) &&
          scoreValue[i]! === threshold[p]! &&
          used[p]! < keepCount[p]!
        ) {
          isKept[i] = 1
          used[p]!++
        }
      }
  } else {
    for (let c = 0; c < nC; c++)
      for (let i = scoreStart[c]!; i < scoreStart[c + 1]!; i++)
        if (isUsable(c, scorePosition[i]!, scoreValue[i]!)) isKept[i] = 1
  }

  let rounds = 0
  for (;;) {
    rounds++
    const outcome = runShortestPaths(compiled, capacities, isKept)
    // Pricing: every usable pair left out must have non-negative reduced cost.
    const { potential, matchPosition } = outcome
    const sinkPotential = potential[nC + nP + nK]!
    let violations = 0
    for (let c = 0; c < nC; c++) {
      const pc = outcome.isProcessed[c] === 1 ? potential[c]! : sinkPotential
      for (let i = scoreStart[c]!; i < scoreStart[c + 1]!; i++) {
        if (isKept[i] === 1) continue
        const p = scorePosition[i]!
        const s = scoreValue[i]!
        if (!isUsable(c, p, s) || matchPosition[c] === p) continue
        if (s - (pc - potential[nC + p]!) > tolerance) {
          isKept[i] = 1
          violations++
        }
      }
    }
    if (violations === 0) {
      let totalScore = 0
      for (let c = 0; c < nC; c++) if (matchPosition[c]! >= 0) totalScore += outcome.matchScore[c]!
      let edgeCount = 0
      for (let i = 0; i < isKept.length; i++) edgeCount += isKept[i]!
      return { matchPosition, totalScore, rounds, edgeCount }
    }
  }
}

interface FlowState {
  readonly matchPosition: Int32Array
  readonly matchScore: Float64Array
  readonly potential: Float64Array
  readonly isProcessed: Uint8Array
}

function runShortestPaths(compiled: CompiledMarket, capacities: Capacities, isKept: Uint8Array): FlowState {
  const { candidateCount: nC, positionCount: nP, companyCount: nK } = compiled
  const {
    scoreStart,
    scorePosition,
    scoreValue,
    positionCompany,
    companyPositionStart,
    companyPositionList,
  } = compiled
  const { positionCapacity, companyCapacity } = capacities
  // Graph of kept pairs, CSR by candidate.
  const adjStart = new Int32Array(nC + 1)
  for (let c = 0; c < nC; c++) {
    let n = 0
    for (let i = scoreStart[c]!; i < scoreStart[c + 1]!; i++) n += isKept[i]!
    adjStart[c + 1] = adjStart[c]! + n
  }
  const adjPosition = new Int32Array(adjStart[nC]!)
  const adjScore = new Float64Array(adjStart[nC]!)
  const bestScore = new Float64Array(nC)
  {
    let at = 0
    for (let c = 0; c < nC; c++)
      for (let i = scoreStart[c]!; i < scoreStart[c + 1]!; i++)
        if (isKept[i] === 1) {
          adjPosition[at] = scorePosition[i]!
          adjScore[at++] = scoreValue[i]!
          if (scoreValue[i]! > bestScore[c]!) bestScore[c] = scoreValue[i]!
        }
  }
  const companyNode = (k: number): number => (k >= 0 && companyCapacity[k]! !== UNLIMITED ? nC + nP + k : -1)
  const sink = nC + nP + nK
  const nodeCount = sink + 1
  const potential = new Float64Array(nodeCount)
  for (let c = 0; c < nC; c++)
    for (let a = adjStart[c]!; a < adjStart[c + 1]!; a++) {
      const v = nC + adjPosition[a]!
      if (-adjScore[a]! < potential[v]!) potential[v] = -adjScore[a]!
    }
  let minimum = 0
  for (let p = 0; p < nP; p++) {
    const node = companyNode(positionCompany[p]!)
    if (node >= 0 && potential[nC + p]! < potential[node]!) potential[node] = potential[nC + p]!
    if (potential[nC + p]! < minimum) minimum = potential[nC + p]!
  }
  potential[sink] = minimum

  const matchPosition = new Int32Array(nC).fill(-1)
  const matchScore = new Float64Array(nC)
  const memberStart = new Int32Array(nP + 1)
  for (let p = 0; p < nP; p++) memberStart[p + 1] = memberStart[p]! + positionCapacity[p]!
  const members = new Int32Array(memberStart[nP]!)
  const memberCount = new Int32Array(nP)
  const memberSlot = new Int32Array(nC)
  const companyCount = new Int32Array(nK)
  const isProcessed = new Uint8Array(nC)

  const distance = new Float64Array(nodeCount)
  const seenAt = new Int32Array(nodeCount)
  const settledAt = new Int32Array(nodeCount)
  const predecessor = new Int32Array(nodeCount)
  const predecessorScore = new Float64Array(nodeCount)
  const settled = new Int32Array(nodeCount)
  let heapNode = new Int32Array(1 << 12)
  let heapKey = new Float64Array(1 << 12)
  let heapSize = 0
  const heapPush = (node: number, key: number): void => {
    if (heapSize === heapNode.length) {
      const grownNode = new Int32Array(heapNode.length * 2)
      grownNode.set(heapNode)
      heapNode = grownNode
      const grownKey = new Float64Array(heapKey.length * 2)
      grownKey.set(heapKey)
      heapKey = grownKey
    }
    let i = heapSize++
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (heapKey[parent]! <= key) break
      heapNode[i] = heapNode[parent]!
      heapKey[i] = heapKey[parent]!
      i = parent
    }
    heapNode[i] = node
    heapKey[i] = key
  }
  const heapPop = (): number => {
    const node = heapNode[0]!
    const lastNode = heapNode[--heapSize]!
    const lastKey = heapKey[heapSize]!
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= heapSize) break
      if (child + 1 < heapSize && heapKey[child + 1]! < heapKey[child]!) child++
      if (heapKey[child]! >= lastKey) break
      heapNode[i] = heapNode[child]!
      heapKey[i] = heapKey[child]!
      i = child
    }
    heapNode[i] = lastNode
    heapKey[i] = lastKey
    return node
  }
  let epoch = 0
  const relax = (from: number, to: number, d: number, score: number): void => {
    if (seenAt[to] === epoch && distance[to]! <= d) return
    if (settledAt[to] === epoch) return
    seenAt[to] = epoch
    distance[to] = d
    predecessor[to] = from
    predecessorScore[to] = score
    heapPush(to, d)
  }

  // Strong candidates first: later ones then rarely need to displace anyone.
  const order = Array.from({ length: nC }, (_, c) => c).filter((c) => adjStart[c + 1]! > adjStart[c]!)
  order.sort((a, b) => bestScore[b]! - bestScore[a]! || a - b)
  const removeMember = (c: number, p: number): void => {
    const last = members[memberStart[p]! + memberCount[p]! - 1]!
    const slot = memberSlot[c]!
    members[memberStart[p]! + slot] = last
    memberSlot[last] = slot
    memberCount[p]!--
  }
  for (const source of order) {
    isProcessed[source] = 1
    epoch++
    heapSize = 0
    let settledCount = 0
    relax(-1, source, 0, 0)
    let sinkDistance = 0
    while (heapSize > 0) {
      const d = heapKey[0]!
      const u = heapPop()
      if (settledAt[u] === epoch || d > distance[u]!) continue
      settledAt[u] = epoch
      settled[settledCount++] = u
      if (u === sink) {
        sinkDistance = d
        break
      }
      const pu = potential[u]!
      if (u < nC) {
        const own = matchPosition[u]!
        for (let a = adjStart[u]!; a < adjStart[u + 1]!; a++) {
          const p = adjPosition[a]!
          if (p === own) continue
          const v = nC + p
          const rc = -adjScore[a]! + pu - potential[v]!
          relax(u, v, d + Math.max(rc, 0), adjScore[a]!)
        }
        const rc = pu - potential[sink]!
        relax(u, sink, d + Math.max(rc, 0), 0)
      } else if (u < nC + nP) {
        const p = u - nC
        for (let i = memberStart[p]!; i < memberStart[p]! + memberCount[p]!; i++) {
          const m = members[i]!
          const rc = matchScore[m]! + pu - potential[m]!
          relax(u, m, d + Math.max(rc, 0), 0)
        }
        if (memberCount[p]! < positionCapacity[p]!) {
          const node = companyNode(positionCompany[p]!)
          const target = node >= 0 ? node : sink
          const rc = pu - potential[target]!
          relax(u, target, d + Math.max(rc, 0), 0)
        }
      } else {
        const k = u - nC - nP
        for (let i = companyPositionStart[k]!; i < companyPositionStart[k + 1]!; i++) {
          const p = companyPositionList[i]!
          if (memberCount[p]! === 0) continue
          const rc = pu - potential[nC + p]!
          relax(u, nC + p, d + Math.max(rc, 0), 0)
        }
        if (companyCount[k]! < companyCapacity[k]!) {
          const rc = pu - potential[sink]!
          relax(u, sink, d + Math.max(rc, 0), 0)
        }
      }
    }
    for (let i = 0; i < settledCount; i++) {
      const v = settled[i]!
      potential[v]! += distance[v]! - sinkDistance
    }
    // Augment along the path: first every departure, then every arrival (keeps member slots in range).
    let v = sink
    while (v !== source) {
      const u = predecessor[v]!
      if (u >= nC && u < nC + nP && v < nC) removeMember(v, u - nC)
      v = u
    }
    v = sink
    while (v !== source) {
      const u = predecessor[v]!
      if (u < nC && v === sink) {
        matchPosition[u] = -1
        matchScore[u] = 0
      } else if (u < nC) {
        const p = v - nC
        matchPosition[u] = p
        matchScore[u] = predecessorScore[v]!
        memberSlot[u] = memberCount[p]!
        members[memberStart[p]! + memberCount[p]!++] = u
      } else if (u >= nC + nP && v === sink) companyCount[u - nC - nP]!++
      v = u
    }
  }
  return { matchPosition, matchScore, potential, isProcessed }
}
