/**
 * A bounded min-heap keeping the best k (score desc, tie order asc) entries of a stream; flat typed
 * arrays, no allocation per offered entry.
 */

/** Top-k collector over dense ids with a tie-break order (lower order wins a tie). */
export interface TopK {
  readonly size: () => number
  /** The worst kept score; -Infinity while fewer than k are kept, +Infinity when k = 0. */
  readonly threshold: () => number
  readonly offer: (id: number, score: number) => void
  /** Kept ids, best first. */
  readonly drain: () => { readonly ids: Int32Array; readonly scores: Float64Array }
}

/** Creates a top-k collector; `order[id]` breaks score ties (ascending). */
export function selectTopK(k: number, order: Int32Array): TopK {
  const capacity = Math.max(0, Math.floor(k))
  const ids = new Int32Array(capacity)
  const scores = new Float64Array(capacity)
  let count = 0
  // "a is worse than b": lower score, or same score and later in tie order.
  const isWorse = (scoreA: number, idA: number, scoreB: number, idB: number): boolean =>
    scoreA < scoreB || (scoreA === scoreB && order[idA]! > order[idB]!)
  const siftDown = (start: number): void => {
    let i = start
    for (;;) {
      const left = 2 * i + 1
      const right = left + 1
      let worst = i
      if (left < count && isWorse(scores[left]!, ids[left]!, scores[worst]!, ids[worst]!)) worst = left
      if (right < count && isWorse(scores[right]!, ids[right]!, scores[worst]!, ids[worst]!)) worst = right
      if (worst === i) return
      const id = ids[i]!
      const score = scores[i]!
      ids[i] = ids[worst]!
      scores[i] = scores[worst]!
      ids[worst] = id
      scores[worst] = score
      i = worst
    }
  }
  return {
    size: () => count,
    threshold: () =>
      capacity === 0 ? Number.POSITIVE_INFINITY : count < capacity ? Number.NEGATIVE_INFINITY : scores[0]!,
    offer(id, score) {
      if (capacity === 0) return
      if (count < capacity) {
        let i = count++
        ids[i] = id
        scores[i] = score
        while (i > 0) {
          const parent = (i - 1) >> 1
          if (!isWorse(scores[i]!, ids[i]!, scores[parent]!, ids[parent]!)) break
          const parentId = ids[parent]!
          const parentScore = scores[parent]!
          ids[parent] = ids[i]!
          scores[parent] = scores[i]!
          ids[i] = parentId
          scores[i] = parentScore
          i = parent
        }
        return
      }
      if (!isWorse(scores[0]!, ids[0]!, score, id)) return
      ids[0] = id
      scores[0] = score
      siftDown(0)
    },
    drain() {
      const outIds = new Int32Array(count)
      const outScores = new Float64Array(count)
      for (let i = count - 1; i >= 0; i--) {
        outIds[i] = ids[0]!
        outScores[i] = scores[0]!
        count--
        ids[0] = ids[count]!
        scores[0] = scores[count]!
        siftDown(0)
      }
      return { ids: outIds, scores: outScores }
    },
  }
}
