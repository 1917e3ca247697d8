import { collectIssues, isCount } from '../shared/collect-issues.ts'

/** One organisation's request for a share of a divisible resource (e.g. GPU-hours in a period). */
export interface FairShareClaim {
  readonly id: string
  /** Units requested (an integer ≥ 0, in the problem's unit: GPU-hours, GPU-minutes, ...). */
  readonly demand: number
  /** Relative entitlement inside its priority class (finite, > 0); default 1. */
  readonly weight?: number | undefined
  /** Most units this organisation may get (an integer ≥ 0); null or absent = no cap. */
  readonly cap?: number | null | undefined
  /** Priority class (an integer ≥ 1; 1 is served first); default 1. */
  readonly priorityClass?: number | undefined
}

/** A fair-share problem: the units to share and the organisations' claims (ties favour the earlier claim). */
export interface FairShareProblem {
  /** Units available in the period (an integer ≥ 0). */
  readonly total: number
  readonly claims: readonly FairShareClaim[]
}

/**
 * Why an organisation got what it got: its whole demand; its cap (below its demand); the class's water
 * level (less than it asked, as much as fairness allows); or nothing, because earlier classes took all.
 */
export type FairShareStatus = 'demand_met' | 'capped' | 'fair_share' | 'class_not_reached'

/** The units one organisation gets. */
export interface FairShareAllocation {
  readonly id: string
  readonly priorityClass: number
  readonly demand: number
  readonly allocation: number
  /** Normalised share: allocation ÷ weight. */
  readonly share: number
  readonly status: FairShareStatus
}

/** One priority class's figures. */
export interface FairShareClass {
  readonly priorityClass: number
  readonly organisations: number
  /** Units the class asked for, each claim bounded by its cap. */
  readonly requested: number
  readonly allocated: number
  /** Smallest normalised share among the class's organisations left short; null when none is short. */
  readonly level: number | null
}

/** A fair-share outcome: every claim (input order), per-class figures (class order) and the totals. */
export interface FairShareResult {
  readonly total: number
  readonly allocated: number
  /** Units nobody asked for (total − allocated). */
  readonly unallocated: number
  readonly allocations: readonly FairShareAllocation[]
  readonly classes: readonly FairShareClass[]
}

/** The claims in flat arrays (dense index = input order), as {@link allocateFairShares} reads them. */
export interface FairShareArrays {
  readonly total: number
  /** min(demand, cap) of each claim. */
  readonly upper: Float64Array
  readonly weight: Float64Array
  /** Claims in serving order: by class, then input order; `classStart` is CSR over it. */
  readonly order: Int32Array
  readonly classStart: Int32Array
}

/**
 * Weighted max-min fair share in whole units, with strict priority classes: class 1 gets
 * min(total, its requests) first, class 2 what is left, and so on (as strict-priority tiers in ColdFront
 * or Slurm QOS; decision 0030). Inside a class the allocation is the leximin optimum of the normalised
 * shares allocation ÷ weight subject to 0 ≤ allocation ≤ min(demand, cap) (weighted max-min fairness,
 * Bertsekas & Gallager, "Data Networks", 1992, §6.5.2; water-filling). In whole units this is the
 * greedy that gives each next unit to the smallest current share (Adams' divisor method, Balinski &
 * Young 1982), exact because the feasible set is M-convex (Murota 2003): no unit can move from one
 * organisation to another whose share would stay below the giver's new share. Ties go to the smaller
 * weight (the larger new share), then to the earlier claim. O(n log n); pure and deterministic.
 */
export function solveFairShare(problem: FairShareProblem): FairShareResult {
  const arrays = compileFairShare(problem)
  const allocation = allocateFairShares(arrays)
  const { claims } = problem
  const { upper, weight, order, classStart } = arrays
  const classes: FairShareClass[] = []
  const isShortClass: boolean[] = []
  let allocated = 0
  for (let g = 0; g + 1 < classStart.length; g++) {
    let requested = 0
    let given = 0
    let level = Number.POSITIVE_INFINITY
    for (let i = classStart[g]!; i < classStart[g + 1]!; i++) {
      const o = order[i]!
      requested += upper[o]!
      given += allocation[o]!
      if (allocation[o]! < upper[o]!) level = Math.min(level, allocation[o]! / weight[o]!)
    }
    allocated += given
    isShortClass.push(given === 0 && requested > 0)
    classes.push({
      priorityClass: claims[order[classStart[g]!]!]!.priorityClass ?? 1,
      organisations: classStart[g + 1]! - classStart[g]!,
      requested,
      allocated: given,
      level: Number.isFinite(level) ? level : null,
    })
  }
  const classOf = new Int32Array(claims.length)
  for (let g = 0; g + 1 < classStart.length; g++)
    for (let i = classStart[g]!; i < classStart[g + 1]!; i++) classOf[order[i]!] = g
  const allocations = claims.map((claim, o): FairShareAllocation => {
    const given = allocation[o]!
    const status: FairShareStatus =
      given >= claim.demand
        ? 'demand_met'
        : given >= upper[o]!
          ? 'capped'
          : isShortClass[classOf[o]!] === true
            ? 'class_not_reached'
            : 'fair_share'
    return {
      id: claim.id,
      priorityClass: claim.priorityClass ?? 1,
      demand: claim.demand,
      allocation: given,
      share: given / weight[o]!,
      status,
    }
  })
  return { total: problem.total, allocated, unallocated: problem.total - allocated, allocations, classes }
}

/** Checks a problem (throws `bad_request` naming each bad field) and lays it out in flat arrays. */
export function compileFairShare(problem: FairShareProblem): FairShareArrays {
  const issues = collectIssues()
  const { claims, total } = problem
  const n = claims.length
  if (!Number.isSafeInteger(total) || total < 0) issues.note('total', 'must be an integer ≥ 0')
  issues.index(claims, 'claims')
  const upper = new Float64Array(n)
  const weight = new Float64Array(n)
  const classRank = new Int32Array(n)
  for (let o = 0; o < n; o++) {
    const claim = claims[o]!
    const cap = claim.cap ?? null
    const w = claim.weight ?? 1
    const priorityClass = claim.priorityClass ?? 1
    if (!Number.isSafeInteger(claim.demand) || claim.demand < 0)
      issues.note(`claims[${o}].demand`, 'must be an integer ≥ 0')
    if (cap !== null && (!Number.isSafeInteger(cap) || cap < 0))
      issues.note(`claims[${o}].cap`, 'must be an integer ≥ 0 or null')
    if (!(w > 0) || !Number.isFinite(w)) issues.note(`claims[${o}].weight`, 'must be a finite number > 0')
    if (!isCount(priorityClass) || priorityClass < 1)
      issues.note(`claims[${o}].priorityClass`, 'must be an integer ≥ 1')
    upper[o] = cap === null ? claim.demand : Math.min(claim.demand, cap)
    weight[o] = w
    classRank[o] = priorityClass
  }
  issues.throwIfAny('fair-share problem')
  const order = new Int32Array(n)
  for (let o = 0; o < n; o++) order[o] = o
  order.sort((a, b) => classRank[a]! - classRank[b]! || a - b)
  const starts = [0]
  for (let i = 1; i < n; i++) if (classRank[order[i]!] !== classRank[order[i - 1]!]) starts.push(i)
  if (n > 0) starts.push(n)
  return { total, upper, weight, order, classStart: Int32Array.from(starts) }
}

/**
 * The allocation of every claim (dense index), class by class. Each class first gets every unit whose
 * greedy key (units held ÷ weight) lies below a level found by bisection — a prefix of the greedy
 * order — then the last few units one by one from a heap in exact greedy order.
 */
export function allocateFairShares(arrays: FairShareArrays): Float64Array {
  const { upper, weight, order, classStart } = arrays
  const allocation = new Float64Array(upper.length)
  const heap = new Int32Array(upper.length)
  let remaining = arrays.total
  for (let g = 0; g + 1 < classStart.length && remaining > 0; g++) {
    const start = classStart[g]!
    const end = classStart[g + 1]!
    let requested = 0
    let highest = 0
    for (let i = start; i < end; i++) {
      const o = order[i]!
      requested += upper[o]!
      highest = Math.max(highest, upper[o]! / weight[o]!)
    }
    if (requested <= remaining) {
      for (let i = start; i < end; i++) allocation[order[i]!] = upper[order[i]!]!
      remaining -= requested
      continue
    }
    // Largest level μ whose units with key < μ (ceil(w·μ) of each claim) fit in what remains.
    const countBelow = (level: number): number => {
      let count = 0
      for (let i = start; i < end; i++) {
        const o = order[i]!
        count += Math.min(upper[o]!, Math.ceil(weight[o]! * level))
      }
      return count
    }
    let lo = 0
    let hi = highest
    for (let step = 0; step < 100 && hi - lo > 1e-12 * hi; step++) {
      const mid = (lo + hi) / 2
      if (countBelow(mid) <= remaining) lo = mid
      else hi = mid
    }
    // A margin below the level keeps float error from splitting units of equal key.
    const level = lo * (1 - 1e-9)
    let heapSize = 0
    for (let i = start; i < end; i++) {
      const o = order[i]!
      allocation[o] = Math.min(upper[o]!, Math.ceil(weight[o]! * level))
      remaining -= allocation[o]!
      if (allocation[o]! < upper[o]!) heapSize = pushHeap(heap, heapSize, o, allocation, weight)
    }
    while (remaining > 0 && heapSize > 0) {
      const o = heap[0]!
      heapSize = popHeap(heap, heapSize, allocation, weight)
      allocation[o]!++
      remaining--
      if (allocation[o]! < upper[o]!) heapSize = pushHeap(heap, heapSize, o, allocation, weight)
    }
  }
  return allocation
}

/** Greedy order: smaller share (units ÷ weight, compared exactly by cross-multiplying), smaller weight, earlier. */
function isBefore(a: number, b: number, allocation: Float64Array, weight: Float64Array): boolean {
  const left = allocation[a]! * weight[b]!
  const right = allocation[b]! * weight[a]!
  if (left !== right) return left < right
  return weight[a]! !== weight[b]! ? weight[a]! < weight[b]! : a < b
}

function pushHeap(heap: Int32Array, size: number, o: number, allocation: Float64Array, weight: Float64Array) {
  let i = size
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (!isBefore(o, heap[parent]!, allocation, weight)) break
    heap[i] = heap[parent]!
    i = parent
  }
  heap[i] = o
  return size + 1
}

function popHeap(heap: Int32Array, size: number, allocation: Float64Array, weight: Float64Array): number {
  const last = heap[--size]!
  let i = 0
  for (;;) {
    let child = 2 * i + 1
    if (child >= size) break
    if (child + 1 < size && isBefore(heap[child + 1]!, heap[child]!, allocation, weight)) child++
    if (!isBefore(heap[child]!, last, allocation, weight)) break
    heap[i] = heap[child]!
    i = child
  }
  heap[i] = last
  return size
}
