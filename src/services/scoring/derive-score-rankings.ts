import { deriveRankLists, scoreMatrix } from '../../scoring/index.ts'
import type { ProgramScoring } from './load-program-scoring.ts'

/** Score-derived rank lists for each position (ties kept as ties), for companies that did not rank. */
export function deriveScoreRankings(scoring: ProgramScoring): ReadonlyMap<string, (string | string[])[]> {
  const lists = deriveRankLists(scoring.index, scoreMatrix(scoring.index))
  return new Map(
    lists.positions.map((list) => [
      list.id,
      list.tiers.map((tier) => (tier.length === 1 ? tier[0]! : [...tier])),
    ]),
  )
}
