import { AppError } from '../domain/app-error.ts'
import { type CompiledMarket, UNLIMITED } from './compile-market.ts'
import type { Capacities } from './create-capacities.ts'
import { runCostScaling } from './run-cost-scaling.ts'

/** Welfare-optimal assignment and how it was found. */
export interface MaxFitOutcome {
  /** Position of each candidate, -1 = unassigned. */
  readonly matchPosition: Int32Array
  readonly totalScore: number
  /** Pricing rounds: 1 when the pruned graph already proved optimal. */
  readonly rounds: number
  /** Flow phases over all rounds (cost-scaling ε-phases, or primal-dual phases for fractional scores). */
  readonly phases: number
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

/** Smallest power of ten (≤ 10^4) turning every score into an integer, 0 when there is none. */
function findIntegralScale(values: Float64Array): number {
  for (let scale = 1; scale <= 10_000; scale *= 10) {
    let isIntegral = true
    for (let i = 0; i < values.length && isIntegral; i++) {
      const v = values[i]! * scale
      if (Math.abs(v - Math.round(v)) > 1e-9 * Math.max(1, Math.abs(v)) || Math.abs(v) > 1e7)
        isIntegral = false
    }
    if (isIntegral) return scale
  }
  return 0
}

/**
 * Max-fit: maximises the total score over scored pairs (score > 0) subject to position capacities and
 * company caps. This is a min-cost flow (source → candidate → position → company → sink; a candidate may
 * also go straight to the sink, i.e. stay unassigned, at cost 0). Each position first keeps only its best
 * pairs and each candidate its best few (sparse markets keep everything); the final potentials are then
 * priced against every left-out pair (LP reduced costs), violated pairs are added and the flow re-solved,
 * so the answer is exact (column generation). The flow on all pairs of a sparse market with scores integral
 * after scaling by a power of ten is solved by cost scaling ({@link runCostScaling}; Goldberg 1997); pruned
 * dense markets and fractional scores by the primal-dual method (Ford & Fulkerson 1957; Ahuja, Magnanti &
 * Orlin 1993, §9.8): each phase runs one multi-source Dijkstra on reduced costs, updates node potentials,
 * and pushes a blocking flow along zero-reduced-cost arcs. Group caps are not supported here.
 * `method: 'primal-dual'` forces the second method (tests compare the two).
 */
export function solveMaxFit(
  compiled: CompiledMarket,
  capacities: Capacities,
  keepFactor = 2,
  method: 'auto' | 'primal-dual' = 'auto',
): MaxFitOutcome {
  if (compiled.hasGroupCaps)
    throw new AppError('bad_request', 'max-fit does not support group caps; use a stable mechanism')
  const { candidateCount: nC, positionCount: nP } = compiled
  const { scoreStart, scorePosition, scoreValue, positionCompany } = compiled
  const { positionCapacity, companyCapacity, isParticipant } = capacities

  let maxAbs = 1
  for (let i = 0; i < scoreValue.length; i++) maxAbs = Math.max(maxAbs, Math.abs(scoreValue[i]!))
  const isUsable = (c: number, p: number, s: number): boolean => {
    if (!(s > 0) || positionCapacity[p]! <= 0) return false
    if (isParticipant !== null && isParticipant[c] === 0) return false
    const k = positionCompany[p]!
    return k < 0 || companyCapacity[k]! > 0
  }
  const scale = findIntegralScale(scoreValue)
  const cost = new Float64Array(scoreValue.length)
  for (let i = 0; i < cost.length; i++)
    cost[i] = scale > 0 ? Math.round(scoreValue[i]! * scale) : scoreValue[i]!
  const tolerance = scale > 0 ? 0.5 : 1e-9 * maxAbs

  // Pruning, by score: each position keeps its best keepFactor·capacity + 4 pairs, each candidate its best 8.
  const isKept = new Uint8Array(scoreValue.length)
  const degree = new Int32Array(nP)
  for (let c = 0; c < nC; c++)
    for (let i = scoreStart[c]!; i < scoreStart[c + 1]!; i++)
      if (isUsable(c, scorePosition[i]!, scoreValue[i]!)) degree[scorePosition[i]!]!++
  const keepCount = new Float64Array(nP)
  const threshold = new Float64Array(nP).fill(Number.NEGATIVE_INFINITY)
  const posStart = new Int32Array(nP + 1)
  for (let p = 0; p < nP; p++) {
    keepCount[p] = keepFactor * positionCapacity[p]! + 4
    posStart[p + 1] = posStart[p]! + degree[p]!
  }
  {
    const byPosition = new Float64Array(posStart[nP]!)
    const fill = posStart.slice(0, nP)
    for (let c = 0; c < nC; c++)
      for (let i = scoreStart[c]!; i < scoreStart[c + 1]!; i++) {
        const p = scorePosition[i]!
        if (isUsable(c, p, scoreValue[i]!)) byPosition[fill[p]!++] = cost[i]!
      }
    let widest = 1
    for (let p = 0; p < nP; p++) widest = Math.max(widest, degree[p]!)
    const scratch = new Float64Array(widest)
    for (let p = 0; p < nP; p++) {
      if (degree[p]! <= keepCount[p]!) continue
      scratch.set(byPosition.subarray(posStart[p]!, posStart[p + 1]!))
      threshold[p] = selectKthLargest(scratch, degree[p]!, keepCount[p]!)
    }
    // Sparse markets (a dozen pairs per candidate) keep everything: a pricing round costs more than the pairs.
    const isSparse = posStart[nP]! <= 16 * nC && keepFactor === 2
    if (isSparse) threshold.fill(Number.NEGATIVE_INFINITY)
    const perCandidate = Number.isFinite(keepFactor) && !isSparse ? 8 : Number.POSITIVE_INFINITY
    let longestRow = 1
    for (let c = 0; c < nC; c++) longestRow = Math.max(longestRow, scoreStart[c + 1]! - scoreStart[c]!)
    const row = new Float64Array(longestRow)
    for (let c = 0; c < nC; c++) {
      const start = scoreStart[c]!
      const end = scoreStart[c + 1]!
      let n = 0
      for (let i = start; i < end; i++)
        if (isUsable(c, scorePosition[i]!, scoreValue[i]!)) row[n++] = cost[i]!
      const own = n > perCandidate ? selectKthLargest(row, n, perCandidate) : Number.NEGATIVE_INFINITY
      for (let i = start; i < end; i++) {
        const p = scorePosition[i]!
        if (!isUsable(c, p, scoreValue[i]!)) continue
        if (cost[i]! >= threshold[p]! || cost[i]! >= own) isKept[i] = 1
      }
    }
  }

  // Cost scaling pays off on a large graph solved once; on a pruned graph (dense scores) the primal-dual
  // method is as fast and its pricing rounds are cheap, so it keeps that case.
  let isEverythingKept = true
  for (let c = 0; c < nC && isEverythingKept; c++)
    for (let i = scoreStart[c]!; i < scoreStart[c + 1]!; i++)
      if (isKept[i] === 0 && isUsable(c, scorePosition[i]!, scoreValue[i]!)) {
        isEverythingKept = false
        break
      }
  const isScaled = scale > 0 && method === 'auto' && isEverythingKept
  let rounds = 0
  let phases = 0
  for (;;) {
    rounds++
    const outcome =
      (isScaled ? runScaledFlow(compiled, capacities, isKept, cost) : null) ??
      runPrimalDual(compiled, capacities, isKept, cost, scale > 0, tolerance)
    phases += outcome.phases
    // Pricing: a left-out pair with negative reduced cost could raise the total; add the worst few per candidate.
    const { matchPosition, isViolated } = outcome
    let violations = 0
    for (let c = 0; c < nC; c++) {
      let added = 0
      for (let i = scoreStart[c]!; i < scoreStart[c + 1]! && added < 4; i++) {
        if (isKept[i] === 1) continue
        const p = scorePosition[i]!
        if (!isUsable(c, p, scoreValue[i]!) || matchPosition[c] === p) continue
        if (isViolated(c, p, cost[i]!)) {
          isKept[i] = 1
          added++
          violations++
        }
      }
    }
    if (violations === 0) {
      let totalScore = 0
      for (let c = 0; c < nC; c++) {
        const p = matchPosition[c]!
        if (p < 0) continue
        for (let i = scoreStart[c]!; i < scoreStart[c + 1]!; i++)
          if (scorePosition[i] === p) {
            totalScore += scoreValue[i]!
            break
          }
      }
      let edgeCount = 0
      for (let i = 0; i < isKept.length; i++) edgeCount += isKept[i]!
      return { matchPosition, totalScore, rounds, phases, edgeCount }
    }
  }
}

interface FlowState {
  readonly matchPosition: Int32Array
  readonly phases: number
  /** True when the left-out pair (c, p) of score `score` violates the dual of the solution (LP pricing). */
  readonly isViolated: (c: number, p: number, score: number) => boolean
}

/**
 * The kept pairs solved by cost scaling ({@link runCostScaling}); integral scores only. Null when the
 * potentials would outgrow exact doubles (the primal-dual method then takes over).
 */
function runScaledFlow(
  compiled: CompiledMarket,
  capacities: Capacities,
  isKept: Uint8Array,
  cost: Float64Array,
): FlowState | null {
  const { candidateCount: nC, positionCount: nP, companyCount: nK } = compiled
  const { scoreStart, scorePosition, positionCompany } = compiled
  const { positionCapacity, companyCapacity } = capacities
  const pairStart = new Int32Array(nC + 1)
  let maxScore = 0
  for (let c = 0; c < nC; c++) {
    let kept = 0
    for (let i = scoreStart[c]!; i < scoreStart[c + 1]!; i++)
      if (isKept[i] === 1) {
        kept++
        if (cost[i]! > maxScore) maxScore = cost[i]!
      }
    pairStart[c + 1] = pairStart[c]! + kept
  }
  const nodeCount = nC + nP + nK + 1
  // Potentials stay within a few n·(max score·scale); keep them far inside exact doubles.
  if (maxScore * 16 * nodeCount * nodeCount * 8 > 2 ** 52) return null
  const pairPosition = new Int32Array(pairStart[nC]!)
  const pairScore = new Float64Array(pairStart[nC]!)
  {
    let at = 0
    for (let c = 0; c < nC; c++)
      for (let i = scoreStart[c]!; i < scoreStart[c + 1]!; i++)
        if (isKept[i] === 1) {
          pairPosition[at] = scorePosition[i]!
          pairScore[at++] = cost[i]!
        }
  }
  const cappedCompany = new Int32Array(nP)
  for (let p = 0; p < nP; p++) {
    const k = positionCompany[p]!
    cappedCompany[p] = k >= 0 && companyCapacity[k]! !== UNLIMITED ? k : -1
  }
  const companyCap = new Int32Array(nK)
  for (let k = 0; k < nK; k++) companyCap[k] = companyCapacity[k]! === UNLIMITED ? -1 : companyCapacity[k]!
  const positionSeats = new Int32Array(nP)
  for (let p = 0; p < nP; p++) positionSeats[p] = Math.max(0, positionCapacity[p]!)
  const outcome = runCostScaling({
    candidateCount: nC,
    positionCount: nP,
    companyCount: nK,
    pairStart,
    pairPosition,
    pairScore,
    positionCapacity: positionSeats,
    positionCompany: cappedCompany,
    companyCapacity: companyCap,
    companyPositionStart: compiled.companyPositionStart,
    companyPositionList: compiled.companyPositionList,
  })
  if (!outcome.isExact) return null
  const { potential, scale, epsilon } = outcome
  return {
    matchPosition: outcome.matchPosition,
    phases: outcome.phases,
    // ε-optimality must hold for a left-out pair too, else it could raise the total.
    isViolated: (c, p, score) => -score * scale + potential[c]! - potential[nC + p]! < -epsilon,
  }
}

// biome-ignore lint/complexity/noExcessiveLinesPerFunction: engine hot loop: the primal-dual augmenting loop keeps its potentials and queues in locals
function runPrimalDual(
  compiled: CompiledMarket,
  capacities: Capacities,
  isKept: Uint8Array,
  cost: Float64Array,
  isIntegral: boolean,
  pricingTolerance: number,
): FlowState {
  const { candidateCount: nC, positionCount: nP, companyCount: nK } = compiled
  const { scoreStart, scorePosition, positionCompany, companyPositionStart, companyPositionList } = compiled
  const { positionCapacity, companyCapacity } = capacities
  const tolerance = isIntegral ? 0.5 : 1e-9
  // Graph of kept pairs, CSR by candidate; arc costs are −score (minimising).
  const adjStart = new Int32Array(nC + 1)
  for (let c = 0; c < nC; c++) {
    let n = 0
    for (let i = scoreStart[c]!; i < scoreStart[c + 1]!; i++) n += isKept[i]!
    adjStart[c + 1] = adjStart[c]! + n
  }
  const adjPosition = new Int32Array(adjStart[nC]!)
  const adjScore = new Float64Array(adjStart[nC]!)
  {
    let at = 0
    for (let c = 0; c < nC; c++)
      for (let i = scoreStart[c]!; i < scoreStart[c + 1]!; i++)
        if (isKept[i] === 1) {
          adjPosition[at] = scorePosition[i]!
          adjScore[at++] = cost[i]!
        }
  }
  const companyNode = new Int32Array(nP)
  for (let p = 0; p < nP; p++) {
    const k = positionCompany[p]!
    companyNode[p] = k >= 0 && companyCapacity[k]! !== UNLIMITED ? nC + nP + k : -1
  }
  const sink = nC + nP + nK
  const nodeCount = sink + 1
  // Potentials π with reduced cost rc(u,v) = cost + π(u) − π(v) ≥ 0 on every residual arc.
  const potential = new Float64Array(nodeCount)
  for (let a = 0; a < adjPosition.length; a++) {
    const v = nC + adjPosition[a]!
    if (-adjScore[a]! < potential[v]!) potential[v] = -adjScore[a]!
  }
  let lowest = 0
  for (let p = 0; p < nP; p++) {
    const node = companyNode[p]!
    if (node >= 0 && potential[nC + p]! < potential[node]!) potential[node] = potential[nC + p]!
    lowest = Math.min(lowest, potential[nC + p]!)
  }
  potential[sink] = lowest

  const matchPosition = new Int32Array(nC).fill(-1)
  const matchScore = new Float64Array(nC)
  const memberStart = new Int32Array(nP + 1)
  for (let p = 0; p < nP; p++) memberStart[p + 1] = memberStart[p]! + positionCapacity[p]!
  const members = new Int32Array(memberStart[nP]!)
  const memberCount = new Int32Array(nP)
  const memberSlot = new Int32Array(nC)
  const companyCount = new Int32Array(nK)
  const isRouted = new Uint8Array(nC)
  const sources: number[] = []
  for (let c = 0; c < nC; c++)
    if (adjStart[c + 1]! > adjStart[c]!) sources.push(c)
    else isRouted[c] = 1
  let sourceList = Int32Array.from(sources)
  const sourceBound = new Float64Array(nC)

  const distance = new Float64Array(nodeCount)
  const stamp = new Int32Array(nodeCount)
  const settledStamp = new Int32Array(nodeCount)
  const predecessor = new Int32Array(nodeCount)
  const predecessorScore = new Float64Array(nodeCount)
  // Priority queue: Dial's buckets (integral costs) or a binary heap (lazy deletion).
  let poolNode = new Int32Array(1 << 16)
  let poolNext = new Int32Array(1 << 16)
  let poolKey = new Float64Array(1 << 16)
  let poolSize = 0
  let bucketHead = new Int32Array(1024).fill(-1)
  let bucketCursor = 0
  const grow = (): void => {
    const size = poolNode.length * 2
    const n = new Int32Array(size)
    n.set(poolNode)
    poolNode = n
    const x = new Int32Array(size)
    x.set(poolNext)
    poolNext = x
    const k = new Float64Array(size)
    k.set(poolKey)
    poolKey = k
  }
  const push = (node: number, key: number): void => {
    if (poolSize === poolNode.length) grow()
    if (isIntegral) {
      if (key >= bucketHead.length) {
        const grown = new Int32Array(Math.max(bucketHead.length * 2, key + 1)).fill(-1)
        grown.set(bucketHead)
        bucketHead = grown
      }
      poolNode[poolSize] = node
      poolNext[poolSize] = bucketHead[key]!
      bucketHead[key] = poolSize++
      return
    }
    let i = poolSize++
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (poolKey[parent]! <= key) break
      poolNode[i] = poolNode[parent]!
      poolKey[i] = poolKey[parent]!
      i = parent
    }
    poolNode[i] = node
    poolKey[i] = key
  }
  /** Pops the node with the smallest key, -1 when empty. */
  const pop = (): number => {
    if (isIntegral) {
      while (bucketCursor < bucketHead.length) {
        const head = bucketHead[bucketCursor]!
        if (head >= 0) {
          bucketHead[bucketCursor] = poolNext[head]!
          return poolNode[head]!
        }
        bucketCursor++
      }
      return -1
    }
    if (poolSize === 0) return -1
    const node = poolNode[0]!
    const lastNode = poolNode[--poolSize]!
    const lastKey = poolKey[poolSize]!
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= poolSize) break
      if (child + 1 < poolSize && poolKey[child + 1]! < poolKey[child]!) child++
      if (poolKey[child]! >= lastKey) break
      poolNode[i] = poolNode[child]!
      poolKey[i] = poolKey[child]!
      i = child
    }
    poolNode[i] = lastNode
    poolKey[i] = lastKey
    return node
  }
  let epoch = 0
  let bound = Number.POSITIVE_INFINITY
  const relax = (from: number, to: number, d: number, score: number): void => {
    if (d >= bound) return
    if (stamp[to] === epoch && distance[to]! <= d) return
    if (settledStamp[to] === epoch) return
    stamp[to] = epoch
    distance[to] = d
    predecessor[to] = from
    predecessorScore[to] = score
    if (to === sink) bound = d + (isIntegral ? 1 : 0)
    push(to, d)
  }
  const reduced = (rc: number): number => (rc > 0 ? rc : 0)

  const removeMember = (c: number, p: number): void => {
    const last = members[memberStart[p]! + memberCount[p]! - 1]!
    const slot = memberSlot[c]!
    members[memberStart[p]! + slot] = last
    memberSlot[last] = slot
    memberCount[p]!--
  }
  const addMember = (c: number, p: number, score: number): void => {
    matchPosition[c] = p
    matchScore[c] = score
    memberSlot[c] = memberCount[p]!
    members[memberStart[p]! + memberCount[p]!++] = c
  }
  // Augments one unit along path[0..length) (source candidate first, sink last).
  const path = new Int32Array(nodeCount)
  const pathScore = new Float64Array(nodeCount)
  const augment = (length: number): void => {
    for (let i = 1; i < length; i++) {
      const u = path[i - 1]!
      const v = path[i]!
      if (u >= nC && u < nC + nP && v < nC) removeMember(v, u - nC)
    }
    for (let i = 1; i < length; i++) {
      const u = path[i - 1]!
      const v = path[i]!
      if (u < nC && v === sink) {
        matchPosition[u] = -1
        matchScore[u] = 0
      } else if (u < nC) addMember(u, v - nC, pathScore[i]!)
      else if (u >= nC + nP && v === sink) companyCount[u - nC - nP]!++
    }
    isRouted[path[0]!] = 1
  }

  // Depth-first search state for the blocking flow on zero-reduced-cost arcs.
  const arcCursor = new Int32Array(nodeCount)
  const deadStamp = new Int32Array(nodeCount)
  const onPathStamp = new Int32Array(nodeCount)
  let pathStamp = 0
  let deadEpoch = 0
  // Zero reduced cost after the update marks exactly the arcs on shortest paths (ties at D included).
  const isAdmissible = (u: number, v: number, arcCost: number): boolean =>
    Math.abs(arcCost + potential[u]! - potential[v]!) <= tolerance
  /** Next admissible arc target from u (advancing u's cursor), or -1; sets pathScore for candidate arcs. */
  const nextArc = (u: number, depth: number): number => {
    if (u < nC) {
      const start = adjStart[u]!
      const degree = adjStart[u + 1]! - start
      const own = matchPosition[u]!
      while (arcCursor[u]! <= degree) {
        const i = arcCursor[u]!++
        if (i === degree) {
          if (isAdmissible(u, sink, 0)) return sink
          continue
        }
        const p = adjPosition[start + i]!
        const v = nC + p
        if (p === own || deadStamp[v] === deadEpoch || onPathStamp[v] === pathStamp) continue
        if (isAdmissible(u, v, -adjScore[start + i]!)) {
          pathScore[depth + 1] = adjScore[start + i]!
          return v
        }
      }
      return -1
    }
    if (u < nC + nP) {
      const p = u - nC
      while (arcCursor[u]! <= memberCount[p]!) {
        const i = arcCursor[u]!++
        if (i === memberCount[p]!) {
          if (memberCount[p]! >= positionCapacity[p]!) continue
          const target = companyNode[p]! >= 0 ? companyNode[p]! : sink
          if (
            deadStamp[target] !== deadEpoch &&
            onPathStamp[target] !== pathStamp &&
            isAdmissible(u, target, 0)
          )
            return target
          continue
        }
        const m = members[memberStart[p]! + i]!
        if (deadStamp[m] === deadEpoch || onPathStamp[m] === pathStamp) continue
        if (isAdmissible(u, m, matchScore[m]!)) return m
      }
      return -1
    }
    const k = u - nC - nP
    const count = companyPositionStart[k + 1]! - companyPositionStart[k]!
    while (arcCursor[u]! <= count) {
      const i = arcCursor[u]!++
      if (i === count) {
        if (companyCount[k]! < companyCapacity[k]! && isAdmissible(u, sink, 0)) return sink
        continue
      }
      const p = companyPositionList[companyPositionStart[k]! + i]!
      const v = nC + p
      if (memberCount[p] === 0 || deadStamp[v] === deadEpoch || onPathStamp[v] === pathStamp) continue
      if (isAdmissible(u, v, 0)) return v
    }
    return -1
  }

  let phases = 0
  while (sourceList.length > 0) {
    phases++
    epoch++
    poolSize = 0
    bucketCursor = 0
    bucketHead.fill(-1)
    // Every source reaches the sink directly, so D ≤ min over sources of π(source) − π(sink).
    let direct = Number.POSITIVE_INFINITY
    for (let i = 0; i < sourceList.length; i++)
      direct = Math.min(direct, potential[sourceList[i]!]! - potential[sink]!)
    bound = Math.max(0, direct) + (isIntegral ? 1 : 1e-9 * (1 + Math.abs(direct)))
    // Sources sit at distance 0 but are expanded lazily, when the search reaches a lower bound on their
    // cheapest arc: sources far from the frontier cost nothing this phase.
    for (let i = 0; i < sourceList.length; i++) {
      const c = sourceList[i]!
      stamp[c] = epoch
      distance[c] = 0
      predecessor[c] = -1
      push(c, isIntegral ? Math.max(0, Math.floor(sourceBound[c]!)) : Math.max(0, sourceBound[c]!))
    }
    let sinkDistance = -1
    for (;;) {
      const u = pop()
      if (u < 0) break
      if (settledStamp[u] === epoch) continue
      settledStamp[u] = epoch
      const d = distance[u]!
      if (u === sink) {
        sinkDistance = d
        break
      }
      const pu = potential[u]!
      if (u < nC) {
        const own = matchPosition[u]!
        let cheapest = pu - potential[sink]!
        for (let a = adjStart[u]!; a < adjStart[u + 1]!; a++) {
          const p = adjPosition[a]!
          if (p === own) continue
          const v = nC + p
          const raw = -adjScore[a]! + pu - potential[v]!
          const rc = raw > 0 ? raw : 0
          if (rc < cheapest) cheapest = rc
          const nd = d + rc
          if (nd >= bound || settledStamp[v] === epoch || (stamp[v] === epoch && distance[v]! <= nd)) continue
          stamp[v] = epoch
          distance[v] = nd
          predecessor[v] = u
          predecessorScore[v] = adjScore[a]!
          push(v, nd)
        }
        relax(u, sink, d + reduced(pu - potential[sink]!), 0)
        if (isRouted[u] === 0) sourceBound[u] = cheapest
      } else if (u < nC + nP) {
        const p = u - nC
        for (let i = memberStart[p]!; i < memberStart[p]! + memberCount[p]!; i++) {
          const m = members[i]!
          relax(u, m, d + reduced(matchScore[m]! + pu - potential[m]!), 0)
        }
        if (memberCount[p]! < positionCapacity[p]!) {
          const target = companyNode[p]! >= 0 ? companyNode[p]! : sink
          relax(u, target, d + reduced(pu - potential[target]!), 0)
        }
      } else {
        const k = u - nC - nP
        for (let i = companyPositionStart[k]!; i < companyPositionStart[k + 1]!; i++) {
          const p = companyPositionList[i]!
          if (memberCount[p]! === 0) continue
          relax(u, nC + p, d + reduced(pu - potential[nC + p]!), 0)
        }
        if (companyCount[k]! < companyCapacity[k]!) relax(u, sink, d + reduced(pu - potential[sink]!), 0)
      }
    }
    // Reduced costs out of a source fall by at most D per phase.
    for (let i = 0; i < sourceList.length; i++) sourceBound[sourceList[i]!]! -= sinkDistance
    // π += min(d, D) for every node (unsettled ones get D).
    for (let v = 0; v < nodeCount; v++)
      potential[v]! +=
        v < nC && isRouted[v] === 0
          ? 0
          : settledStamp[v] === epoch && distance[v]! < sinkDistance
            ? distance[v]!
            : sinkDistance
    // Maximum flow along admissible arcs: passes of depth-first search from the sources that can reach
    // the sink, until a pass finds nothing (augmenting adds admissible reverse arcs, so one pass may not do).
    let augmented = 0
    for (;;) {
      arcCursor.fill(0)
      deadEpoch++
      let found = 0
      for (let s = 0; s < sourceList.length; s++) {
        const source = sourceList[s]!
        // A source whose cheapest arc costs more than D (its bound, already lowered by D, is > 0) cannot start a path.
        if (isRouted[source] === 1 || sourceBound[source]! > tolerance || deadStamp[source] === deadEpoch)
          continue
        pathStamp++
        let depth = 0
        path[0] = source
        onPathStamp[source] = pathStamp
        while (depth >= 0) {
          const u = path[depth]!
          if (u === sink) {
            augment(depth + 1)
            found++
            for (let i = 0; i <= depth; i++) arcCursor[path[i]!] = Math.max(0, arcCursor[path[i]!]! - 1)
            break
          }
          const v = nextArc(u, depth)
          if (v < 0) {
            deadStamp[u] = deadEpoch
            onPathStamp[u] = 0
            depth--
            continue
          }
          path[++depth] = v
          onPathStamp[v] = pathStamp
        }
      }
      augmented += found
      if (found === 0) break
    }
    if (augmented === 0) {
      // Follow the shortest-path tree back from the sink.
      let length = 0
      for (let v = sink; v >= 0; v = predecessor[v]!) path[length++] = v
      path.subarray(0, length).reverse()
      for (let i = 1; i < length; i++) if (path[i - 1]! < nC) pathScore[i] = predecessorScore[path[i]!]!
      augment(length)
    }
    let remaining = 0
    for (let s = 0; s < sourceList.length; s++)
      if (isRouted[sourceList[s]!] === 0) sourceList[remaining++] = sourceList[s]!
    sourceList = sourceList.subarray(0, remaining)
  }
  return {
    matchPosition,
    phases,
    isViolated: (c, p, score) => score - (potential[c]! - potential[nC + p]!) > pricingTolerance,
  }
}
