/** Items grouped by owner in CSR form: owner k's items are `items[start[k] .. start[k + 1])`, in item order. */
export interface OwnerGroups {
  readonly start: Int32Array
  readonly items: Int32Array
}

/** Groups item indices 0..n−1 by `owner[item]` (a counting sort, one pass each way). */
export function groupByOwner(owner: Int32Array, ownerCount: number): OwnerGroups {
  const start = new Int32Array(ownerCount + 1)
  for (let i = 0; i < owner.length; i++) start[owner[i]! + 1]!++
  for (let k = 0; k < ownerCount; k++) start[k + 1]! += start[k]!
  const fill = start.slice(0, ownerCount)
  const items = new Int32Array(owner.length)
  for (let i = 0; i < owner.length; i++) items[fill[owner[i]!]!++] = i
  return { start, items }
}
