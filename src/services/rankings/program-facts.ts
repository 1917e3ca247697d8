import type { ProgramOverview } from '../programs/index.ts'
import { isRankingFrozen } from './is-ranking-frozen.ts'

/** What a ranking view says about its program besides the entries. */
export function programFacts(program: ProgramOverview) {
  return {
    isFrozen: isRankingFrozen(program.phase),
    mechanism: program.matchingConfig.mechanism,
    phase: program.phase,
    freezesOn: program.timeline.find((step) => step.phase === 'ranking_freeze')?.startsOn ?? null,
  }
}
