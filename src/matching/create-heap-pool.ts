/** Many indexed max-heaps of candidates in one flat pool; each candidate sits in at most one heap. */
export interface HeapPool {
  /** Current size of each heap. */
  readonly size: Int32Array
  /** Heap that holds each candidate, -1 for none. */
  readonly heapOf: Int32Array
  /** Key of the top (worst) candidate of each heap, -Infinity when empty: one read on the hot reject path. */
  readonly topKey: Float64Array
  /** Candidate with the largest key (the worst) in heap h; only when size[h] > 0. */
  readonly top: (h: number) => number
  readonly push: (h: number, candidate: number) => void
  readonly remove: (candidate: number) => void
}

/**
 * Creates indexed binary max-heaps keyed by `key[candidate]` (smaller key = better candidate, so the top is
 * the one to reject). `room[h]` bounds heap h's size. Iterative sifts, no allocation after creation.
 */
export function createHeapPool(room: Int32Array, candidateCount: number, key: Float64Array): HeapPool {
  const heapCount = room.length
  const base = new Int32Array(heapCount + 1)
  for (let h = 0; h < heapCount; h++) base[h + 1] = base[h]! + room[h]!
  const items = new Int32Array(base[heapCount]!)
  const size = new Int32Array(heapCount)
  const slot = new Int32Array(candidateCount)
  const heapOf = new Int32Array(candidateCount).fill(-1)
  const topKey = new Float64Array(heapCount).fill(Number.NEGATIVE_INFINITY)

  const siftUp = (b: number, i: number): void => {
    const c = items[b + i]!
    const k = key[c]!
    while (i > 0) {
      const parent = (i - 1) >> 1
      const pc = items[b + parent]!
      if (key[pc]! >= k) break
      items[b + i] = pc
      slot[pc] = i
      i = parent
    }
    items[b + i] = c
    slot[c] = i
  }
  const siftDown = (b: number, n: number, i: number): void => {
    const c = items[b + i]!
    const k = key[c]!
    for (;;) {
      let child = 2 * i + 1
      if (child >= n) break
      if (child + 1 < n && key[items[b + child + 1]!]! > key[items[b + child]!]!) child++
      const cc = items[b + child]!
      if (key[cc]! <= k) break
      items[b + i] = cc
      slot[cc] = i
      i = child
    }
    items[b + i] = c
    slot[c] = i
  }
  const top = (h: number): number => items[base[h]!]!
  const push = (h: number, candidate: number): void => {
    const n = size[h]!
    items[base[h]! + n] = candidate
    size[h] = n + 1
    heapOf[candidate] = h
    siftUp(base[h]!, n)
    topKey[h] = key[items[base[h]!]!]!
  }
  const remove = (candidate: number): void => {
    const h = heapOf[candidate]!
    heapOf[candidate] = -1
    const b = base[h]!
    const n = size[h]! - 1
    size[h] = n
    const i = slot[candidate]!
    if (i !== n) {
      const last = items[b + n]!
      items[b + i] = last
      slot[last] = i
      if (i > 0 && key[items[b + ((i - 1) >> 1)]!]! < key[last]!) siftUp(b, i)
      else siftDown(b, n, i)
    }
    topKey[h] = n > 0 ? key[items[b]!]! : Number.NEGATIVE_INFINITY
  }
  return { size, heapOf, topKey, top, push, remove }
}
