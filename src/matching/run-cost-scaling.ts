/**
 * The transportation network of max-fit: candidate → position (capacity 1, cost −score), candidate → sink
 * (stay unassigned, cost 0), position → its capped company or the sink (its seats), capped company → sink
 * (its cap). Scores must be integers.
 */
export interface ScoredNetwork {
  readonly candidateCount: number
  readonly positionCount: number
  readonly companyCount: number
  /** CSR by candidate over its allowed pairs: positions and integral scores. */
  readonly pairStart: Int32Array
  readonly pairPosition: Int32Array
  readonly pairScore: Float64Array
  readonly positionCapacity: Int32Array
  /** Company of each position whose cap applies, -1 for none (the position then feeds the sink). */
  readonly positionCompany: Int32Array
  readonly companyCapacity: Int32Array
  readonly companyPositionStart: Int32Array
  readonly companyPositionList: Int32Array
}

/** The optimal flow and the potentials that prove it. */
export interface CostScalingOutcome {
  /** Position of each candidate, -1 = unassigned. */
  readonly matchPosition: Int32Array
  /**
   * Potentials in scaled units (costs × `scale`): candidates first, then positions, companies, the sink.
   * Every residual arc has reduced cost ≥ −`epsilon`, which proves optimality as ε·n < `scale`; a pair
   * left out of the network is priced the same way.
   */
  readonly potential: Float64Array
  readonly scale: number
  /** Final ε: every residual arc has reduced cost ≥ −ε, and ε·n < scale. */
  readonly epsilon: number
  /** ε-phases run (phases whose flow was already ε-optimal are skipped). */
  readonly phases: number
  /** False when potentials outgrew exact doubles; the caller must then use another method. */
  readonly isExact: boolean
}

/** ε shrinks α-fold per phase (Goldberg 1997 uses 8–16; LEMON 16). */
const ALPHA = 16
/** Node steps before a partial augmentation pushes what it found (LEMON's default). */
const MAX_PATH = 4
const NONE = -1
const RANK_UNREACHED = 0x7fffffff

/**
 * Minimum-cost flow by cost scaling (Goldberg & Tarjan 1990), implemented after Goldberg 1997 ("An efficient
 * implementation of a scaling minimum-cost flow algorithm", J. Algorithms 22) and LEMON's CostScaling with
 * partial augmentations (Kovács 2015, "Minimum-cost flow algorithms: an experimental evaluation"): costs
 * are multiplied by α·n so that ε-optimality with ε = 1 proves optimality; each phase divides ε by α,
 * repairs the arcs that violate ε-optimality, then moves every excess to a deficit along admissible paths
 * (reduced cost < 0) of at most four arcs, lowering the potential of a node that has no admissible arc
 * ("relabel"). Global updates (Goldberg 1997 §5: a Dial-bucket search backwards from the deficits) run
 * after every n relabels; a phase is skipped when the flow already is ε-optimal.
 *
 * Specialised to the transportation network: a candidate carries at most one unit, so its flow is one
 * index (`flowTo`) and a position's reverse arcs are its member list, not ~deg scanned arcs. At a phase
 * start a candidate's potential is raised instead of saturating its arcs (which keeps that invariant): all
 * its arcs then satisfy ε-optimality except perhaps the one carrying its unit, which is cancelled.
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: engine hot loop: the cost-scaling refine/push-relabel loop works on shared flat arrays and local state
export function runCostScaling(network: ScoredNetwork): CostScalingOutcome {
  const { candidateCount: nC, positionCount: nP, companyCount: nK } = network
  const { pairStart, pairPosition, pairScore, positionCapacity, positionCompany, companyCapacity } = network
  const { companyPositionStart, companyPositionList } = network
  const sink = nC + nP + nK
  const n = sink + 1
  const scale = ALPHA * n
  const potential = new Float64Array(n)
  const excess = new Int32Array(n)

  // Candidate arcs (CSR), cost −score·scale; the sink arc is index `end` of each list.
  const pairCost = new Float64Array(pairScore.length)
  let maxCost = 0
  for (let a = 0; a < pairScore.length; a++) {
    pairCost[a] = -pairScore[a]! * scale
    if (-pairCost[a]! > maxCost) maxCost = -pairCost[a]!
  }
  const isSupplied = new Uint8Array(nC)
  for (let c = 0; c < nC; c++) isSupplied[c] = pairStart[c + 1]! > pairStart[c]! ? 1 : 0
  // Unit flow of each candidate: a position node, the sink, or NONE (then its excess is 1).
  const flowTo = new Int32Array(nC).fill(NONE)
  /** Cost of the arc carrying the candidate's unit (0 for the sink). */
  const flowCost = new Float64Array(nC)
  const currentArc = pairStart.slice(0, nC)

  // Position-side adjacency (for the global update's backward search) and member lists.
  const adjacentStart = new Int32Array(nP + 1)
  for (let a = 0; a < pairPosition.length; a++) adjacentStart[pairPosition[a]! + 1]!++
  for (let p = 0; p < nP; p++) adjacentStart[p + 1]! += adjacentStart[p]!
  const adjacentCandidate = new Int32Array(pairPosition.length)
  const adjacentCost = new Float64Array(pairPosition.length)
  {
    const fill = adjacentStart.slice(0, nP)
    for (let c = 0; c < nC; c++)
      for (let a = pairStart[c]!; a < pairStart[c + 1]!; a++) {
        const at = fill[pairPosition[a]!]!++
        adjacentCandidate[at] = c
        adjacentCost[at] = pairCost[a]!
      }
  }
  const members = new Int32Array(pairPosition.length)
  const memberCount = new Int32Array(nP)
  const memberSlot = new Int32Array(nC)
  // Candidates whose unit goes straight to the sink ("parked"): the sink's reverse arcs.
  const parked = new Int32Array(nC)
  let parkedCount = 0
  const upper = new Int32Array(nP)
  const flowUp = new Int32Array(nP)
  const sinkPositions: number[] = []
  for (let p = 0; p < nP; p++) {
    const k = positionCompany[p]!
    upper[p] = k >= 0 ? nC + nP + k : sink
    if (k < 0) sinkPositions.push(p)
  }
  const sinkPositionList = Int32Array.from(sinkPositions)
  const flowCompany = new Int32Array(nK)
  const cappedCompanies: number[] = []
  for (let k = 0; k < nK; k++) if (companyCapacity[k]! >= 0) cappedCompanies.push(k)
  const cappedCompanyList = Int32Array.from(cappedCompanies)

  const park = (c: number): void => {
    flowTo[c] = sink
    flowCost[c] = 0
    memberSlot[c] = parkedCount
    parked[parkedCount++] = c
  }
  const unpark = (c: number): void => {
    const last = parked[--parkedCount]!
    const slot = memberSlot[c]!
    parked[slot] = last
    memberSlot[last] = slot
    flowTo[c] = NONE
  }
  const join = (c: number, p: number, arcCost: number): void => {
    flowTo[c] = nC + p
    flowCost[c] = arcCost
    const slot = memberCount[p]!++
    memberSlot[c] = slot
    members[adjacentStart[p]! + slot] = c
  }
  const leave = (c: number): void => {
    const p = flowTo[c]! - nC
    const base = adjacentStart[p]!
    const last = members[base + --memberCount[p]!]!
    const slot = memberSlot[c]!
    members[base + slot] = last
    memberSlot[last] = slot
    flowTo[c] = NONE
  }
  // Start: every candidate parked (a feasible flow, ε-optimal for ε = max cost and zero potentials).
  for (let c = 0; c < nC; c++) if (isSupplied[c] === 1) park(c)

  // Active nodes (excess > 0), FIFO, each queued at most once.
  const queue = new Int32Array(n + 1)
  const isQueued = new Uint8Array(n)
  let head = 0
  let tail = 0
  const enqueue = (v: number): void => {
    if (isQueued[v] === 1) return
    isQueued[v] = 1
    queue[tail] = v
    tail = tail === n ? 0 : tail + 1
  }
  const pathNode = new Int32Array(MAX_PATH + 1)
  const pathCost = new Float64Array(MAX_PATH + 1)
  const isOnPath = new Uint8Array(n)
  let epsilon = maxCost
  // Scan results, set by the scan functions: the admissible arc found (target, cost) or the smallest
  // reduced cost among the residual arcs that are not admissible.
  let foundTarget = NONE
  let foundCost = 0
  let minimum = 0

  /** Scans a candidate's residual arcs from `from` (its current arc) on; returns true when one is admissible. */
  const scanCandidate = (c: number, from: number, to: number): boolean => {
    const pc = potential[c]!
    const own = flowTo[c]!
    const end = pairStart[c + 1]!
    let least = minimum
    const last = to < end ? to : end - 1
    for (let a = from; a <= last; a++) {
      const y = nC + pairPosition[a]!
      if (y === own) continue
      const arcCost = pairCost[a]!
      const rc = arcCost + pc - potential[y]!
      if (rc < 0) {
        if (isOnPath[y] === 0) {
          minimum = least
          foundTarget = y
          foundCost = arcCost
          currentArc[c] = a
          return true
        }
      } else if (rc < least) least = rc
    }
    if (to >= end && own !== sink) {
      // The arc to the sink (stay unassigned), last in the list.
      const rc = pc - potential[sink]!
      if (rc < 0) {
        if (isOnPath[sink] === 0) {
          minimum = least
          foundTarget = sink
          foundCost = 0
          currentArc[c] = end
          return true
        }
      } else if (rc < least) least = rc
    }
    minimum = least
    return false
  }
  const scanPosition = (p: number): boolean => {
    const u = nC + p
    const pu = potential[u]!
    const base = adjacentStart[p]!
    const stop = base + memberCount[p]!
    let least = minimum
    for (let i = base; i < stop; i++) {
      const m = members[i]!
      const rc = pu - flowCost[m]! - potential[m]!
      if (rc < 0) {
        if (isOnPath[m] === 0) {
          minimum = least
          foundTarget = m
          foundCost = -flowCost[m]!
          return true
        }
      } else if (rc < least) least = rc
    }
    minimum = least
    if (flowUp[p]! < positionCapacity[p]!) {
      const y = upper[p]!
      const rc = pu - potential[y]!
      if (rc < 0) {
        if (isOnPath[y] === 0) {
          foundTarget = y
          foundCost = 0
          return true
        }
      } else if (rc < minimum) minimum = rc
    }
    return false
  }
  const scanCompany = (k: number): boolean => {
    const u = nC + nP + k
    const pu = potential[u]!
    for (let i = companyPositionStart[k]!; i < companyPositionStart[k + 1]!; i++) {
      const p = companyPositionList[i]!
      if (flowUp[p] === 0) continue
      const y = nC + p
      const rc = pu - potential[y]!
      if (rc < 0) {
        if (isOnPath[y] === 0) {
          foundTarget = y
          foundCost = 0
          return true
        }
      } else if (rc < minimum) minimum = rc
    }
    if (flowCompany[k]! < companyCapacity[k]!) {
      const rc = pu - potential[sink]!
      if (rc < 0) {
        if (isOnPath[sink] === 0) {
          foundTarget = sink
          foundCost = 0
          return true
        }
      } else if (rc < minimum) minimum = rc
    }
    return false
  }
  /**
   * The sink's residual arcs, in one index space: parked candidates, then positions feeding the sink, then
   * capped companies. A current-arc cursor (reset on relabel) keeps repeated visits cheap: the sink can hold
   * tens of thousands of parked candidates.
   */
  let sinkCursor = 0
  const scanSink = (from: number, to: number): boolean => {
    const pu = potential[sink]!
    const positionEnd = parkedCount + sinkPositionList.length
    for (let i = from; i < to; i++) {
      let y: number
      if (i < parkedCount) y = parked[i]!
      else if (i < positionEnd) {
        const p = sinkPositionList[i - parkedCount]!
        if (flowUp[p] === 0) continue
        y = nC + p
      } else {
        const k = cappedCompanyList[i - positionEnd]!
        if (flowCompany[k] === 0) continue
        y = nC + nP + k
      }
      const rc = pu - potential[y]!
      if (rc < 0) {
        if (isOnPath[y] === 0) {
          foundTarget = y
          foundCost = 0
          sinkCursor = i
          return true
        }
      } else if (rc < minimum) minimum = rc
    }
    return false
  }
  const sinkArcCount = (): number => parkedCount + sinkPositionList.length + cappedCompanyList.length

  /** Moves δ ≤ excess units along the arc u → v (v is the arc's head; the arc type follows from the nodes). */
  const push = (u: number, v: number, arcCost: number): void => {
    let delta = 1
    if (u < nC) {
      if (v === sink) park(u)
      else join(u, v - nC, arcCost)
    } else if (v < nC) {
      if (u === sink) unpark(v)
      else leave(v)
    } else if (u < nC + nP) {
      const p = u - nC
      delta = Math.min(excess[u]!, positionCapacity[p]! - flowUp[p]!)
      flowUp[p]! += delta
    } else if (v < nC + nP) {
      const p = v - nC
      delta = Math.min(excess[u]!, flowUp[p]!)
      flowUp[p]! -= delta
    } else if (v === sink) {
      const k = u - nC - nP
      delta = Math.min(excess[u]!, companyCapacity[k]! - flowCompany[k]!)
      flowCompany[k]! += delta
    } else {
      const k = v - nC - nP
      delta = Math.min(excess[u]!, flowCompany[k]!)
      flowCompany[k]! -= delta
    }
    excess[u]! -= delta
    excess[v]! += delta
    if (excess[v]! > 0) enqueue(v)
  }

  // Global update: ranks in ε-units of each node's cheapest residual path to a deficit. Dial's buckets with
  // lazy deletion: an improved node gets a new entry; entries whose rank is stale are skipped when popped.
  const rank = new Int32Array(n)
  let buckets = new Int32Array(256).fill(NONE)
  let entryNode = new Int32Array(2 * n + 16)
  let entryNext = new Int32Array(2 * n + 16)
  let entryCount = 0
  const rankLimit = ALPHA * n + 1
  let searchRank = 0
  const addEntry = (v: number, r: number): void => {
    if (entryCount === entryNode.length) {
      const nodes = new Int32Array(entryCount * 2)
      nodes.set(entryNode)
      entryNode = nodes
      const nexts = new Int32Array(entryCount * 2)
      nexts.set(entryNext)
      entryNext = nexts
    }
    if (r >= buckets.length) {
      const grown = new Int32Array(Math.max(buckets.length * 2, r + 1)).fill(NONE)
      grown.set(buckets)
      buckets = grown
    }
    entryNode[entryCount] = v
    entryNext[entryCount] = buckets[r]!
    buckets[r] = entryCount++
  }
  const relaxInto = (v: number, rc: number): void => {
    const oldRank = rank[v]!
    if (searchRank >= oldRank) return
    const newRank =
      rc < epsilon ? (rc < 0 ? searchRank : searchRank + 1) : searchRank + 1 + Math.floor(rc / epsilon)
    if (newRank >= oldRank || newRank >= rankLimit) return
    rank[v] = newRank
    addEntry(v, newRank)
  }
  /**
   * Goldberg 1997 §5: a Dial-bucket search backwards from the deficits where an arc of reduced cost rc
   * counts ⌊rc/ε⌋ + 1 (0 when rc < 0), then potential −= ε·rank. Keeps ε-optimality and gives every excess
   * an admissible path. Stops once every excess is ranked; the rest get the last rank (still sound).
   */
  const updateGlobally = (): void => {
    let totalExcess = 0
    buckets.fill(NONE)
    entryCount = 0
    for (let v = 0; v < n; v++) {
      if (excess[v]! < 0) {
        rank[v] = 0
        addEntry(v, 0)
      } else {
        totalExcess += excess[v]!
        rank[v] = RANK_UNREACHED
      }
    }
    if (totalExcess === 0) return
    searchRank = 0
    for (;;) {
      let entry = buckets[searchRank]!
      if (entry < 0) {
        let next = searchRank + 1
        while (next < buckets.length && buckets[next]! < 0) next++
        if (next >= buckets.length) break
        searchRank = next
        entry = buckets[next]!
      }
      buckets[searchRank] = entryNext[entry]!
      const u = entryNode[entry]!
      if (rank[u] !== searchRank) continue
      const pu = potential[u]!
      if (u === sink) {
        for (let c = 0; c < nC; c++)
          if (isSupplied[c] === 1 && flowTo[c] !== sink) relaxInto(c, potential[c]! - pu)
        for (let i = 0; i < sinkPositionList.length; i++) {
          const p = sinkPositionList[i]!
          if (flowUp[p]! < positionCapacity[p]!) relaxInto(nC + p, potential[nC + p]! - pu)
        }
        for (let i = 0; i < cappedCompanyList.length; i++) {
          const k = cappedCompanyList[i]!
          if (flowCompany[k]! < companyCapacity[k]!) relaxInto(nC + nP + k, potential[nC + nP + k]! - pu)
        }
      } else if (u >= nC + nP) {
        const k = u - nC - nP
        for (let i = companyPositionStart[k]!; i < companyPositionStart[k + 1]!; i++) {
          const p = companyPositionList[i]!
          if (flowUp[p]! < positionCapacity[p]!) relaxInto(nC + p, potential[nC + p]! - pu)
        }
        if (flowCompany[k]! > 0) relaxInto(sink, potential[sink]! - pu)
      } else if (u >= nC) {
        const p = u - nC
        for (let i = adjacentStart[p]!; i < adjacentStart[p + 1]!; i++) {
          const c = adjacentCandidate[i]!
          // Most candidates are reached from several positions: skip the ranked ones before any arithmetic.
          if (rank[c]! <= searchRank || flowTo[c] === u) continue
          relaxInto(c, adjacentCost[i]! + potential[c]! - pu)
        }
        if (flowUp[p]! > 0) relaxInto(upper[p]!, potential[upper[p]!]! - pu)
      } else {
        const x = flowTo[u]!
        if (x >= 0) relaxInto(x, -flowCost[u]! + potential[x]! - pu)
      }
      if (excess[u]! > 0) {
        totalExcess -= excess[u]!
        if (totalExcess <= 0) break
      }
    }
    for (let v = 0; v < n; v++) {
      const k = rank[v]! < searchRank ? rank[v]! : searchRank
      if (k > 0) {
        potential[v]! -= epsilon * k
        if (v < nC) currentArc[v] = pairStart[v]!
        else if (v === sink) sinkCursor = 0
      }
    }
  }

  // Residual arcs of any node by index (used by potential refinement, off the hot path): sets arcTarget and
  // arcCost and returns false when slot i is not a residual arc.
  let arcTarget = NONE
  let arcCost = 0
  const countArcs = (u: number): number => {
    if (u < nC) return isSupplied[u] === 1 ? pairStart[u + 1]! - pairStart[u]! + 1 : 0
    if (u < nC + nP) return memberCount[u - nC]! + 1
    if (u < sink) {
      const k = u - nC - nP
      return companyCapacity[k]! >= 0 ? companyPositionStart[k + 1]! - companyPositionStart[k]! + 1 : 0
    }
    return parkedCount + sinkPositionList.length + cappedCompanyList.length
  }
  const readArc = (u: number, i: number): boolean => {
    if (u < nC) {
      const a = pairStart[u]! + i
      arcTarget = a < pairStart[u + 1]! ? nC + pairPosition[a]! : sink
      arcCost = a < pairStart[u + 1]! ? pairCost[a]! : 0
      return flowTo[u] !== arcTarget
    }
    arcCost = 0
    if (u < nC + nP) {
      const p = u - nC
      if (i < memberCount[p]!) {
        arcTarget = members[adjacentStart[p]! + i]!
        arcCost = -flowCost[arcTarget]!
        return true
      }
      arcTarget = upper[p]!
      return flowUp[p]! < positionCapacity[p]!
    }
    if (u < sink) {
      const k = u - nC - nP
      const start = companyPositionStart[k]!
      if (start + i < companyPositionStart[k + 1]!) {
        const p = companyPositionList[start + i]!
        arcTarget = nC + p
        return flowUp[p]! > 0
      }
      arcTarget = sink
      return flowCompany[k]! < companyCapacity[k]!
    }
    if (i < parkedCount) {
      arcTarget = parked[i]!
      return true
    }
    i -= parkedCount
    if (i < sinkPositionList.length) {
      const p = sinkPositionList[i]!
      arcTarget = nC + p
      return flowUp[p]! > 0
    }
    const k = cappedCompanyList[i - sinkPositionList.length]!
    arcTarget = nC + nP + k
    return flowCompany[k]! > 0
  }
  /**
   * Exact optimality certificate for the current (feasible) flow, tried after each phase: integral
   * potentials ψ in original units with every residual arc's reduced cost ≥ 0. Starts from ψ = ⌈π/scale⌉,
   * whose reduced costs are ≥ −1 once ε < scale, and repairs the few −1 arcs by a label-correcting
   * longest-path pass (D(v) ≥ D(u) − rc(u, v), ψ = ⌈π/scale⌉ − D) with a work budget. Succeeds exactly when
   * the flow is optimal (no negative residual cycle) and the repair stays small; then ψ·scale replaces the
   * potentials and no further phase is needed. Degenerate markets typically reach their optimum phases
   * before ε gets small enough to prove it.
   */
  const rounded = new Float64Array(n)
  const lift = new Float64Array(n)
  const isWaiting = new Uint8Array(n)
  const proveOptimal = (): boolean => {
    for (let v = 0; v < n; v++) rounded[v] = Math.ceil(potential[v]! / scale)
    lift.fill(0)
    isWaiting.fill(0)
    // The first pass costs about m + 4n; as much again for repairs. A flow not yet optimal fails cheaply.
    let budget = 2 * (pairStart[nC]! + 4 * n)
    head = 0
    tail = 0
    const relaxFrom = (u: number): boolean => {
      const count = countArcs(u)
      budget -= count + 1
      if (budget < 0) return false
      const base = lift[u]! - rounded[u]!
      for (let i = 0; i < count; i++) {
        if (!readArc(u, i)) continue
        const v = arcTarget
        const candidate = base - arcCost / scale + rounded[v]!
        if (candidate > lift[v]!) {
          lift[v] = candidate
          if (isWaiting[v] === 0) {
            isWaiting[v] = 1
            queue[tail] = v
            tail = tail === n ? 0 : tail + 1
          }
        }
      }
      return true
    }
    for (let u = 0; u < n; u++) if (!relaxFrom(u)) return false
    while (head !== tail) {
      const u = queue[head]!
      head = head === n ? 0 : head + 1
      isWaiting[u] = 0
      if (!relaxFrom(u)) return false
    }
    for (let v = 0; v < n; v++) potential[v] = (rounded[v]! - lift[v]!) * scale
    return true
  }

  /** Phase start: make the flow ε-optimal by raising candidate potentials and saturating violating arcs. */
  const repairArcs = (): void => {
    for (let c = 0; c < nC; c++) {
      if (isSupplied[c] === 0) continue
      const own = flowTo[c]!
      let best = own === sink ? Number.NEGATIVE_INFINITY : potential[sink]!
      for (let a = pairStart[c]!; a < pairStart[c + 1]!; a++) {
        const y = nC + pairPosition[a]!
        if (y === own) continue
        const value = potential[y]! - pairCost[a]!
        if (value > best) best = value
      }
      if (potential[c]! < best - epsilon) potential[c] = best - epsilon
      // The arc back from the candidate's unit: cancel the unit when that arc violates ε-optimality.
      if (-flowCost[c]! + potential[own]! - potential[c]! < -epsilon) {
        if (own === sink) unpark(c)
        else leave(c)
        excess[c] = 1
        excess[own]!--
      }
      currentArc[c] = pairStart[c]!
    }
    for (let p = 0; p < nP; p++) {
      const u = nC + p
      const y = upper[p]!
      const rc = potential[u]! - potential[y]!
      if (rc < -epsilon && flowUp[p]! < positionCapacity[p]!) {
        const delta = positionCapacity[p]! - flowUp[p]!
        flowUp[p] = positionCapacity[p]!
        excess[u]! -= delta
        excess[y]! += delta
      } else if (-rc < -epsilon && flowUp[p]! > 0) {
        const delta = flowUp[p]!
        flowUp[p] = 0
        excess[u]! += delta
        excess[y]! -= delta
      }
    }
    for (let i = 0; i < cappedCompanyList.length; i++) {
      const k = cappedCompanyList[i]!
      const u = nC + nP + k
      const rc = potential[u]! - potential[sink]!
      if (rc < -epsilon && flowCompany[k]! < companyCapacity[k]!) {
        const delta = companyCapacity[k]! - flowCompany[k]!
        flowCompany[k] = companyCapacity[k]!
        excess[u]! -= delta
        excess[sink]! += delta
      } else if (-rc < -epsilon && flowCompany[k]! > 0) {
        const delta = flowCompany[k]!
        flowCompany[k] = 0
        excess[u]! += delta
        excess[sink]! -= delta
      }
    }
  }

  let phases = 0
  let relabels = 0
  // With costs scaled by α·n, ε < α proves optimality: a residual cycle has at most n arcs, so its reduced
  // (= real) cost is > −α·n, i.e. > −1 in original units, hence ≥ 0 for integral scores.
  while (epsilon >= ALPHA) {
    epsilon = Math.max(1, Math.floor(epsilon / ALPHA))
    phases++
    repairArcs()
    head = 0
    tail = 0
    sinkCursor = 0
    isQueued.fill(0)
    for (let v = 0; v < n; v++) if (excess[v]! > 0) enqueue(v)
    updateGlobally()
    let nextUpdate = relabels + n
    while (head !== tail) {
      const start = queue[head]!
      if (excess[start]! <= 0) {
        isQueued[start] = 0
        head = head === n ? 0 : head + 1
        continue
      }
      // An admissible path of up to MAX_PATH arcs from `start`, relabelling dead ends on the way.
      let length = 0
      let tip = start
      pathNode[0] = start
      isOnPath[start] = 1
      while (length < MAX_PATH && excess[tip]! >= 0) {
        minimum = Number.POSITIVE_INFINITY
        let isFound: boolean
        if (tip < nC) isFound = scanCandidate(tip, currentArc[tip]!, pairStart[tip + 1]!)
        else if (tip < nC + nP) isFound = scanPosition(tip - nC)
        else if (tip < sink) isFound = scanCompany(tip - nC - nP)
        else isFound = scanSink(Math.min(sinkCursor, sinkArcCount()), sinkArcCount())
        // Arcs before the current arc were not admissible when scanned; check them too before a relabel.
        if (!isFound && tip < nC) isFound = scanCandidate(tip, pairStart[tip]!, currentArc[tip]! - 1)
        if (!isFound && tip === sink) isFound = scanSink(0, Math.min(sinkCursor, sinkArcCount()))
        if (isFound) {
          pathCost[length] = foundCost
          tip = foundTarget
          pathNode[++length] = tip
          isOnPath[tip] = 1
          continue
        }
        // Relabel: the cheapest residual arc becomes admissible (reduced cost −ε).
        if (length > 0) {
          // The arc back along the path (not admissible, but residual): include it.
          const previous = pathNode[length - 1]!
          const rc = reducedCostBack(tip, previous, pathCost[length - 1]!)
          if (rc < minimum) minimum = rc
        }
        if (minimum === Number.POSITIVE_INFINITY) minimum = 0
        potential[tip]! -= minimum + epsilon
        if (tip < nC) currentArc[tip] = pairStart[tip]!
        else if (tip === sink) sinkCursor = 0
        relabels++
        if (length > 0) {
          isOnPath[tip] = 0
          tip = pathNode[--length]!
        }
      }
      for (let i = 0; i <= length; i++) isOnPath[pathNode[i]!] = 0
      for (let i = 0; i < length; i++) push(pathNode[i]!, pathNode[i + 1]!, pathCost[i]!)
      if (relabels >= nextUpdate) {
        updateGlobally()
        nextUpdate = relabels + n
      }
    }
    if (epsilon < scale && epsilon >= ALPHA && proveOptimal()) {
      epsilon = 0
      break
    }
  }

  /** Reduced cost of the residual arc tip → previous, the reverse of the path arc previous → tip. */
  function reducedCostBack(tip: number, previous: number, forwardCost: number): number {
    return -forwardCost + potential[tip]! - potential[previous]!
  }

  const matchPosition = new Int32Array(nC).fill(NONE)
  for (let c = 0; c < nC; c++) if (flowTo[c]! >= nC && flowTo[c]! < sink) matchPosition[c] = flowTo[c]! - nC
  let isExact = true
  for (let v = 0; v < n; v++)
    if (!(Math.abs(potential[v]!) < 2 ** 52)) {
      isExact = false
      break
    }
  return { matchPosition, potential, scale, epsilon, phases, isExact }
}
