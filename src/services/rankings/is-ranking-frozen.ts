import type { ProgramPhase } from '../../domain/index.ts'

/** Phases in which rank lists may still change; from `ranking_freeze` on they are fixed. */
const RANKING_OPEN_PHASES: readonly ProgramPhase[] = ['call_open', 'eligibility_check', 'ranking']

/** True once a program's rank lists are frozen. */
export function isRankingFrozen(phase: ProgramPhase): boolean {
  return !RANKING_OPEN_PHASES.includes(phase)
}
