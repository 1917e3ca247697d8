/**
 * A flow network in flat arrays: arcs (source, target, capacity, integral cost) and node supplies
 * (positive = supply, negative = demand, summing to 0).
 */
export interface FlowNetwork {
  readonly nodeCount: number
  readonly arcSource: Int32Array
  readonly arcTarget: Int32Array
  /** Integral capacity of each arc (≥ 0). */
  readonly arcCapacity: Float64Array
  /** Integral cost per unit (any sign); |cost|·nodeCount must stay well inside 2^53. */
  readonly arcCost: Float64Array
  readonly supply: Float64Array
}

/** An optimal flow and the node potentials that prove it (complementary slackness). */
export interface FlowSolution {
  /** False when the supplies cannot be routed (then `flow` is the best partial routing found). */
  readonly isFeasible: boolean
  /** Flow on each arc of the network. */
  readonly flow: Float64Array
  /**
   * Potentials π: every arc's reduced cost cost + π(source) − π(target) is ≥ 0 when its flow is 0,
   * ≤ 0 when saturated and 0 in between, so an arc left out of the network may be priced the same way.
   */
  readonly potential: Float64Array
  readonly totalCost: number
  readonly pivots: number
}

const STATE_UPPER = -1
const STATE_TREE = 0
const STATE_LOWER = 1
const DIR_UP = 1
const DIR_DOWN = -1

/**
 * Minimum-cost flow by the primal network simplex method with an artificial root, strongly feasible
 * spanning trees (Cunningham 1976) and block-search pivoting, as LEMON's NetworkSimplex (Kovács 2015,
 * "Minimum-cost flow algorithms: an experimental evaluation", found it the fastest on most classes).
 * Exact on integers (no cost scaling, so costs may be as large as lexicographic weights need); the
 * tree is stored as parent, predecessor arc, thread and successor counts so a pivot touches only the
 * subtree it moves. Deterministic: pivots follow arc order.
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: engine hot loop: the pivot loop and its steps share the tree's typed arrays as closures
export function solveMinCostFlow(network: FlowNetwork): FlowSolution {
  const { nodeCount: n, arcCapacity, supply } = network
  const m = network.arcSource.length
  if (n === 0)
    return {
      isFeasible: true,
      flow: new Float64Array(m),
      potential: new Float64Array(0),
      totalCost: 0,
      pivots: 0,
    }
  const all = m + n
  const root = n
  const source = new Int32Array(all)
  const target = new Int32Array(all)
  const capacity = new Float64Array(all)
  const cost = new Float64Array(all)
  const flow = new Float64Array(all)
  const state = new Int8Array(all)
  source.set(network.arcSource)
  target.set(network.arcTarget)
  capacity.set(arcCapacity)
  cost.set(network.arcCost)
  let maxCost = 0
  for (let e = 0; e < m; e++) {
    maxCost = Math.max(maxCost, Math.abs(cost[e]!))
    state[e] = STATE_LOWER
  }
  // An artificial arc costs more than any path of real arcs, so it carries flow only when nothing else can.
  const artificialCost = (maxCost + 1) * (n + 1)
  const parent = new Int32Array(n + 1)
  const pred = new Int32Array(n + 1)
  const predDir = new Int8Array(n + 1)
  const thread = new Int32Array(n + 1)
  const revThread = new Int32Array(n + 1)
  const succNum = new Int32Array(n + 1)
  const lastSucc = new Int32Array(n + 1)
  const potential = new Float64Array(n + 1)
  parent[root] = -1
  pred[root] = -1
  thread[root] = 0
  revThread[0] = root
  succNum[root] = n + 1
  lastSucc[root] = root - 1
  for (let u = 0; u < n; u++) {
    const e = m + u
    parent[u] = root
    pred[u] = e
    thread[u] = u + 1
    revThread[u + 1] = u
    succNum[u] = 1
    lastSucc[u] = u
    capacity[e] = Number.POSITIVE_INFINITY
    state[e] = STATE_TREE
    if (supply[u]! >= 0) {
      predDir[u] = DIR_UP
      source[e] = u
      target[e] = root
      flow[e] = supply[u]!
    } else {
      predDir[u] = DIR_DOWN
      potential[u] = artificialCost
      source[e] = root
      target[e] = u
      flow[e] = -supply[u]!
      cost[e] = artificialCost
    }
  }

  const blockSize = Math.max(10, Math.ceil(Math.sqrt(m)))
  let nextArc = 0
  let inArc = -1
  /** Block search (LEMON's default rule): the most negative reduced cost within the first block that has one. */
  const findEnteringArc = (): boolean => {
    let best = 0
    let count = blockSize
    let e = nextArc
    for (let scanned = 0; scanned < m; scanned++) {
      const s = state[e]!
      if (s !== STATE_TREE) {
        const rc = s * (cost[e]! + potential[source[e]!]! - potential[target[e]!]!)
        if (rc < best) {
          best = rc
          inArc = e
        }
      }
      e = e + 1 === m ? 0 : e + 1
      if (--count === 0) {
        if (best < 0) break
        count = blockSize
      }
    }
    nextArc = e
    return best < 0
  }

  let join = 0
  let delta = 0
  let uIn = 0
  let vIn = 0
  let uOut = 0
  const findJoinNode = (): void => {
    let u = source[inArc]!
    let v = target[inArc]!
    while (u !== v) {
      if (succNum[u]! < succNum[v]!) u = parent[u]!
      else v = parent[v]!
    }
    join = u
  }
  /** The leaving arc: the last blocking arc of the cycle in its orientation (keeps the tree strongly feasible). */
  const findLeavingArc = (): boolean => {
    const isLower = state[inArc] === STATE_LOWER
    const first = isLower ? source[inArc]! : target[inArc]!
    const second = isLower ? target[inArc]! : source[inArc]!
    delta = capacity[inArc]!
    let result = 0
    for (let u = first; u !== join; u = parent[u]!) {
      const e = pred[u]!
      const d = predDir[u] === DIR_DOWN ? capacity[e]! - flow[e]! : flow[e]!
      if (d < delta) {
        delta = d
        uOut = u
        result = 1
      }
    }
    for (let u = second; u !== join; u = parent[u]!) {
      const e = pred[u]!
      const d = predDir[u] === DIR_UP ? capacity[e]! - flow[e]! : flow[e]!
      if (d <= delta) {
        delta = d
        uOut = u
        result = 2
      }
    }
    if (result === 1) {
      uIn = first
      vIn = second
    } else {
      uIn = second
      vIn = first
    }
    return result !== 0
  }
  const changeFlow = (isChange: boolean): void => {
    if (delta > 0) {
      const value = state[inArc]! * delta
      flow[inArc]! += value
      for (let u = source[inArc]!; u !== join; u = parent[u]!) flow[pred[u]!]! -= predDir[u]! * value
      for (let u = target[inArc]!; u !== join; u = parent[u]!) flow[pred[u]!]! += predDir[u]! * value
    }
    if (isChange) {
      state[inArc] = STATE_TREE
      state[pred[uOut]!] = flow[pred[uOut]!] === 0 ? STATE_LOWER : STATE_UPPER
    } else state[inArc] = -state[inArc]! as -1 | 1
  }
  const dirty = new Int32Array(n + 1)
  const tree = { parent, pred, predDir, thread, revThread, succNum, lastSucc, source, dirty }
  const updatePotential = (): void => {
    const sigma = potential[vIn]! - potential[uIn]! - predDir[uIn]! * cost[inArc]!
    const end = thread[lastSucc[uIn]!]!
    for (let u = uIn; u !== end; u = thread[u]!) potential[u]! += sigma
  }

  let pivots = 0
  while (findEnteringArc()) {
    findJoinNode()
    const isChange = findLeavingArc()
    // Capacities are finite on real arcs and every cycle holds one, so delta is finite.
    changeFlow(isChange)
    if (isChange) {
      updateTreeStructure(tree, inArc, uIn, vIn, uOut, join)
      updatePotential()
    }
    pivots++
  }
  let isFeasible = true
  for (let e = m; e < all; e++) if (flow[e] !== 0) isFeasible = false
  let totalCost = 0
  for (let e = 0; e < m; e++) totalCost += flow[e]! * cost[e]!
  return { isFeasible, flow: flow.slice(0, m), potential: potential.slice(0, n), totalCost, pivots }
}

interface Tree {
  readonly parent: Int32Array
  readonly pred: Int32Array
  readonly predDir: Int8Array
  readonly thread: Int32Array
  readonly revThread: Int32Array
  readonly succNum: Int32Array
  readonly lastSucc: Int32Array
  readonly source: Int32Array
  /** Scratch: nodes whose reverse-thread entry must be refreshed. */
  readonly dirty: Int32Array
}

/**
 * Re-hangs the subtree cut off by the leaving arc (at uOut) from the entering arc (at uIn under vIn),
 * reversing the stem between uIn and uOut, and repairs thread order, successor counts and last
 * successors (LEMON's updateTreeStructure).
 */
function updateTreeStructure(
  tree: Tree,
  inArc: number,
  uIn: number,
  vIn: number,
  uOut: number,
  join: number,
): void {
  const { parent, pred, predDir, thread, revThread, succNum, lastSucc, source, dirty } = tree
  const oldRevThread = revThread[uOut]!
  const oldSuccNum = succNum[uOut]!
  const oldLastSucc = lastSucc[uOut]!
  const vOut = parent[uOut]!
  if (uIn === uOut) {
    parent[uIn] = vIn
    pred[uIn] = inArc
    predDir[uIn] = uIn === source[inArc] ? DIR_UP : DIR_DOWN
    if (thread[vIn] !== uOut) {
      let after = thread[oldLastSucc]!
      thread[oldRevThread] = after
      revThread[after] = oldRevThread
      after = thread[vIn]!
      thread[vIn] = uOut
      revThread[uOut] = vIn
      thread[oldLastSucc] = after
      revThread[after] = oldLastSucc
    }
  } else {
    const threadContinue = oldRevThread === vIn ? thread[oldLastSucc]! : thread[vIn]!
    let stem = uIn
    let parentStem = vIn
    let last = lastSucc[uIn]!
    let after = thread[last]!
    thread[vIn] = uIn
    let dirtyCount = 0
    dirty[dirtyCount++] = vIn
    while (stem !== uOut) {
      const nextStem = parent[stem]!
      thread[last] = nextStem
      dirty[dirtyCount++] = last
      const before = revThread[stem]!
      thread[before] = after
      revThread[after] = before
      parent[stem] = parentStem
      parentStem = stem
      stem = nextStem
      last = lastSucc[stem] === lastSucc[parentStem] ? revThread[parentStem]! : lastSucc[stem]!
      after = thread[last]!
    }
    parent[uOut] = parentStem
    thread[last] = threadContinue
    revThread[threadContinue] = last
    lastSucc[uOut] = last
    if (oldRevThread !== vIn) {
      thread[oldRevThread] = after
      revThread[after] = oldRevThread
    }
    for (let i = 0; i < dirtyCount; i++) revThread[thread[dirty[i]!]!] = dirty[i]!
    let count = 0
    const lastOfOut = lastSucc[uOut]!
    for (let u = uOut, p = parent[u]!; u !== uIn; u = p, p = parent[u]!) {
      pred[u] = pred[p]!
      predDir[u] = -predDir[p]! as -1 | 1
      count += succNum[u]! - succNum[p]!
      succNum[u] = count
      lastSucc[p] = lastOfOut
    }
    pred[uIn] = inArc
    predDir[uIn] = uIn === source[inArc] ? DIR_UP : DIR_DOWN
    succNum[uIn] = oldSuccNum
  }
  const upLimitOut = lastSucc[join] === vIn ? join : -1
  const lastSuccOut = lastSucc[uOut]!
  for (let u = vIn; u !== -1 && lastSucc[u] === vIn; u = parent[u]!) lastSucc[u] = lastSuccOut
  if (join !== oldRevThread && vIn !== oldRevThread) {
    for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]!)
      lastSucc[u] = oldRevThread
  } else if (lastSuccOut !== oldLastSucc) {
    for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]!)
      lastSucc[u] = lastSuccOut
  }
  for (let u = vIn; u !== join; u = parent[u]!) succNum[u]! += oldSuccNum
  for (let u = vOut; u !== join; u = parent[u]!) succNum[u]! -= oldSuccNum
}
