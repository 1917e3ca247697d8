/**
 * How closures were chosen: none needed; `minimum` = no smaller set of closed projects lets every open
 * project meet its minimum (proven by exhaustive search); `one_minimal` = reopening any single closed
 * project leaves some open project below its minimum (the search budget was too small to prove more).
 */
export type ClosureMinimality = 'none_needed' | 'minimum' | 'one_minimal'

/** What the closure search needs from the market: its stable matchings and who could join a project. */
export interface ClosureOracle {
  readonly projectCount: number
  /** Applicants ranking each project (the order closures are tried in: least popular first). */
  readonly popularity: Int32Array
  readonly minSize: Int32Array
  /** Projects the operator closed: never reopened, never counted as closures. */
  readonly isForced: Uint8Array
  /** The applicant-proposing stable matching with the closed projects at zero seats. */
  readonly match: (isClosed: Uint8Array) => Int32Array
  /**
   * Per project, the applicants it accepts who rank it above their match in `matchPosition`: the most it
   * could hold if reopened, since reopening a project leaves no applicant worse off (Gale & Sotomayor 1985).
   */
  readonly countContenders: (matchPosition: Int32Array, out: Int32Array) => void
}

/** The projects to close, the stable matching of the others, and how far minimality is proven. */
export interface Closures {
  readonly isClosed: Uint8Array
  readonly matchPosition: Int32Array
  readonly minimality: ClosureMinimality
  /** Feasibility tests spent (one deferred-acceptance run each). */
  readonly runs: number
}

/**
 * Chooses closures: none if the stable matching meets every minimum. Else a greedy pass closes every short
 * project nobody joined (which changes nothing else) and then, one at a time, the short project with the
 * fewest members (then the largest minimum, the least popular, the earlier) until every open project meets
 * its minimum; reopening passes then reopen any closed project that can reopen alone (skipping those with
 * too few contenders). Then every smaller set is tried, smallest first, as far as the budget allows: a
 * success is the minimum; exhausting the sizes below the greedy one proves the greedy set minimum.
 */
export function findClosures(oracle: ClosureOracle, budget: number): Closures {
  const { projectCount: nP, popularity, minSize, isForced, match } = oracle
  const size = new Int32Array(nP)
  const countSizes = (matchPosition: Int32Array): void => {
    size.fill(0)
    for (let c = 0; c < matchPosition.length; c++) if (matchPosition[c]! >= 0) size[matchPosition[c]!]!++
  }
  const isShort = (isClosed: Uint8Array, p: number): boolean =>
    isClosed[p] === 0 && isForced[p] === 0 && size[p]! < minSize[p]!
  const meetsMinimum = (isClosed: Uint8Array, matchPosition: Int32Array): boolean => {
    countSizes(matchPosition)
    for (let p = 0; p < nP; p++) if (isShort(isClosed, p)) return false
    return true
  }
  let runs = 1
  const isClosed = new Uint8Array(nP)
  let matchPosition = match(isClosed)
  if (meetsMinimum(isClosed, matchPosition))
    return { isClosed, matchPosition, minimality: 'none_needed', runs }
  const byPopularity = Array.from({ length: nP }, (_p, p) => p)
    .filter((p) => isForced[p] === 0)
    .sort((a, b) => popularity[a]! - popularity[b]! || a - b)
  const closedOrder: number[] = []
  while (!meetsMinimum(isClosed, matchPosition)) {
    let worst = -1
    for (const p of byPopularity) {
      if (!isShort(isClosed, p)) continue
      if (size[p] === 0) {
        isClosed[p] = 1
        closedOrder.push(p)
      } else if (
        worst < 0 ||
        size[p]! < size[worst]! ||
        (size[p] === size[worst] && minSize[p]! > minSize[worst]!)
      )
        worst = p
    }
    if (worst >= 0) {
      isClosed[worst] = 1
      closedOrder.push(worst)
    }
    matchPosition = match(isClosed)
    runs++
  }
  // Reopening passes, latest closure first, until none can reopen alone.
  const contenders = new Int32Array(nP)
  oracle.countContenders(matchPosition, contenders)
  for (let isChanged = true; isChanged; ) {
    isChanged = false
    for (let i = closedOrder.length - 1; i >= 0; i--) {
      const p = closedOrder[i]!
      if (isClosed[p] === 0 || contenders[p]! < minSize[p]!) continue
      isClosed[p] = 0
      const reopened = match(isClosed)
      runs++
      if (!meetsMinimum(isClosed, reopened)) isClosed[p] = 1
      else {
        matchPosition = reopened
        oracle.countContenders(matchPosition, contenders)
        isChanged = true
      }
    }
  }
  let greedyCount = 0
  for (let p = 0; p < nP; p++) greedyCount += isClosed[p]!
  // Exhaustive search of every smaller set, in order of size, while the budget lasts.
  const candidates = byPopularity.length
  const trial = new Uint8Array(nP)
  const chosen = new Int32Array(nP)
  for (let k = 1; k < greedyCount; k++) {
    if (runs + countCombinations(candidates, k) > budget)
      return { isClosed, matchPosition, minimality: 'one_minimal', runs }
    for (let i = 0; i < k; i++) chosen[i] = i
    for (;;) {
      trial.fill(0)
      for (let i = 0; i < k; i++) trial[byPopularity[chosen[i]!]!] = 1
      const tried = match(trial)
      runs++
      if (meetsMinimum(trial, tried))
        return { isClosed: trial, matchPosition: tried, minimality: 'minimum', runs }
      if (!advanceCombination(chosen, k, candidates)) break
    }
  }
  return { isClosed, matchPosition, minimality: 'minimum', runs }
}

/** C(n, k), saturating at 2^31. */
function countCombinations(n: number, k: number): number {
  let count = 1
  for (let i = 0; i < k; i++) {
    count = (count * (n - i)) / (i + 1)
    if (count > 0x7fffffff) return 0x7fffffff
  }
  return Math.round(count)
}

/** Next k-subset of 0..n−1 in lexicographic order; false after the last. */
function advanceCombination(chosen: Int32Array, k: number, n: number): boolean {
  let i = k - 1
  while (i >= 0 && chosen[i] === n - k + i) i--
  if (i < 0) return false
  chosen[i]!++
  for (let j = i + 1; j < k; j++) chosen[j] = chosen[j - 1]! + 1
  return true
}
