import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { createRandom } from '../seeded-random.ts'
import { type FlowNetwork, solveMinCostFlow } from './solve-min-cost-flow.ts'

const RUNS = Number(process.env.MATCHING_PROPERTY_RUNS ?? 1)
const seedArbitrary = fc.integer({ min: 0, max: 0x7fffffff })

/** A random network: `nodes` nodes, `arcs` arcs (parallel arcs and both directions allowed), balanced supplies. */
function randomNetwork(seed: number, nodes: number, arcs: number, maxCapacity: number): FlowNetwork {
  const random = createRandom(seed)
  const n = 2 + random.nextInt(nodes - 1)
  const m = random.nextInt(arcs + 1)
  const arcSource = new Int32Array(m)
  const arcTarget = new Int32Array(m)
  const arcCapacity = new Float64Array(m)
  const arcCost = new Float64Array(m)
  for (let e = 0; e < m; e++) {
    arcSource[e] = random.nextInt(n)
    arcTarget[e] = (arcSource[e]! + 1 + random.nextInt(n - 1)) % n
    arcCapacity[e] = random.nextInt(maxCapacity + 1)
    arcCost[e] = random.nextInt(21) - 6
  }
  const supply = new Float64Array(n)
  for (let i = 0; i < 1 + random.nextInt(3); i++) {
    const amount = 1 + random.nextInt(maxCapacity)
    supply[random.nextInt(n)]! += amount
    supply[random.nextInt(n)]! -= amount
  }
  return { nodeCount: n, arcSource, arcTarget, arcCapacity, arcCost, supply }
}

/** Exhaustive minimum cost over every integral flow that meets the supplies; null when none does. */
function bruteForceCost(network: FlowNetwork): number | null {
  const { nodeCount: n, arcSource, arcTarget, arcCapacity, arcCost, supply } = network
  const balance = new Array<number>(n).fill(0)
  let best: number | null = null
  const visit = (e: number, total: number): void => {
    if (e === arcSource.length) {
      for (let u = 0; u < n; u++) if (balance[u] !== supply[u]) return
      if (best === null || total < best) best = total
      return
    }
    for (let f = 0; f <= arcCapacity[e]!; f++) {
      balance[arcSource[e]!]! += f
      balance[arcTarget[e]!]! -= f
      visit(e + 1, total + f * arcCost[e]!)
      balance[arcSource[e]!]! -= f
      balance[arcTarget[e]!]! += f
    }
  }
  visit(0, 0)
  return best
}

/** Checks conservation, bounds and complementary slackness (which proves the flow optimal). */
function assertOptimal(network: FlowNetwork, solution: ReturnType<typeof solveMinCostFlow>): void {
  const { nodeCount: n, arcSource, arcTarget, arcCapacity, arcCost, supply } = network
  const { flow, potential } = solution
  const balance = new Float64Array(n)
  for (let e = 0; e < arcSource.length; e++) {
    const f = flow[e]!
    assert.ok(Number.isInteger(f) && f >= 0 && f <= arcCapacity[e]!, `arc ${e} flow ${f}`)
    balance[arcSource[e]!]! += f
    balance[arcTarget[e]!]! -= f
    const rc = arcCost[e]! + potential[arcSource[e]!]! - potential[arcTarget[e]!]!
    if (f < arcCapacity[e]!) assert.ok(rc >= 0, `arc ${e} below capacity has reduced cost ${rc}`)
    if (f > 0) assert.ok(rc <= 0, `arc ${e} with flow has reduced cost ${rc}`)
  }
  for (let u = 0; u < n; u++) assert.equal(balance[u], supply[u])
}

test('min-cost flow equals the exhaustive optimum on tiny networks (negative costs, infeasible supplies)', () => {
  fc.assert(
    fc.property(seedArbitrary, (seed) => {
      const network = randomNetwork(seed, 4, 6, 2)
      const solution = solveMinCostFlow(network)
      const best = bruteForceCost(network)
      assert.equal(solution.isFeasible, best !== null)
      if (best !== null) {
        assert.equal(solution.totalCost, best)
        assertOptimal(network, solution)
      }
    }),
    { numRuns: 1500 * RUNS },
  )
})

test('min-cost flow is optimal by complementary slackness on larger networks', () => {
  fc.assert(
    fc.property(seedArbitrary, (seed) => {
      const network = randomNetwork(seed, 40, 300, 6)
      const solution = solveMinCostFlow(network)
      if (solution.isFeasible) assertOptimal(network, solution)
      assert.deepEqual(solveMinCostFlow(network).flow, solution.flow)
    }),
    { numRuns: 300 * RUNS },
  )
})
