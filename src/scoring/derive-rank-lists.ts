/**
 * Rank lists derived from scores for a side that did not rank: each position's candidates (or each
 * candidate's positions) in tiers of equal score, best first. Ties stay ties so the matching engine can
 * break them its own way; ids inside a tier are sorted only to make the output stable. Excluded pairs are
 * left out of the lists.
 */
import type { ScoringIndex } from './create-scoring-index.ts'
import { scoreMatrix } from './score-matrix.ts'
import { EXCLUDED_SCORE } from './scoring-types.ts'

/** One side's rank list: the ranking party and its tiers of ids (equal scores share a tier). */
export interface DerivedRankList {
  readonly id: string
  readonly tiers: readonly (readonly string[])[]
  readonly scores: readonly number[]
}

/** Rank lists for both sides. */
export interface DerivedRankLists {
  readonly positions: readonly DerivedRankList[]
  readonly candidates: readonly DerivedRankList[]
}

function buildList(
  id: string,
  count: number,
  scoreAt: (i: number) => number,
  idAt: (i: number) => string,
  order: Int32Array,
  minScore: number,
): DerivedRankList {
  const kept: number[] = []
  for (let i = 0; i < count; i++) {
    const score = scoreAt(i)
    if (score !== EXCLUDED_SCORE && score >= minScore) kept.push(i)
  }
  kept.sort((a, b) => scoreAt(b) - scoreAt(a) || order[a]! - order[b]!)
  const tiers: string[][] = []
  const scores: number[] = []
  for (const i of kept) {
    const score = scoreAt(i)
    if (scores.length === 0 || scores[scores.length - 1] !== score) {
      tiers.push([])
      scores.push(score)
    }
    tiers[tiers.length - 1]!.push(idAt(i))
  }
  return { id, tiers, scores }
}

/**
 * Derives rank lists from a score matrix (computed when not given). `minScore` drops pairs below it
 * (default 0: every non-excluded pair is ranked).
 */
export function deriveRankLists(index: ScoringIndex, matrix?: Float64Array, minScore = 0): DerivedRankLists {
  const scores = matrix ?? scoreMatrix(index)
  const candidateCount = index.candidateIds.length
  const positionCount = index.positionIds.length
  const positions = index.positionIds.map((positionId, p) =>
    buildList(
      positionId,
      candidateCount,
      (c) => scores[c * positionCount + p]!,
      (c) => index.candidateIds[c]!,
      index.candidateOrder,
      minScore,
    ),
  )
  const candidates = index.candidateIds.map((candidateId, c) =>
    buildList(
      candidateId,
      positionCount,
      (p) => scores[c * positionCount + p]!,
      (p) => index.positionIds[p]!,
      index.positionOrder,
      minScore,
    ),
  )
  return { positions, candidates }
}
