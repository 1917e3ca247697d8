import type { FlowNetwork } from './solve-min-cost-flow.ts'

/** Adds arcs to a network of known size, then hands it over with its supplies. */
export interface FlowBuilder {
  /** Appends the arc from → to and returns its index (arcs keep the order they are added in). */
  readonly add: (from: number, to: number, capacity: number, cost: number) => number
  /** The network of the arcs added so far, with one source sending `amount` units to one sink. */
  readonly build: (source: number, sink: number, amount: number) => FlowNetwork
}

/** Starts a network of `nodeCount` nodes with room for `arcCount` arcs (flat arrays, allocated once). */
export function createFlowBuilder(nodeCount: number, arcCount: number): FlowBuilder {
  const arcSource = new Int32Array(arcCount)
  const arcTarget = new Int32Array(arcCount)
  const arcCapacity = new Float64Array(arcCount)
  const arcCost = new Float64Array(arcCount)
  let count = 0
  return {
    add: (from, to, capacity, cost) => {
      arcSource[count] = from
      arcTarget[count] = to
      arcCapacity[count] = capacity
      arcCost[count] = cost
      return count++
    },
    build: (source, sink, amount) => {
      const supply = new Float64Array(nodeCount)
      supply[source] = amount
      supply[sink] = -amount
      return {
        nodeCount,
        arcSource: arcSource.subarray(0, count),
        arcTarget: arcTarget.subarray(0, count),
        arcCapacity: arcCapacity.subarray(0, count),
        arcCost: arcCost.subarray(0, count),
        supply,
      }
    },
  }
}
