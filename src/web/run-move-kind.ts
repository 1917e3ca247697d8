import type { RunMove } from '../domain/index.ts'

/** How a candidate's outcome changes from the base run to the alternative. */
export type MoveKind = 'better' | 'worse' | 'newly_matched' | 'unmatched' | 'moved'

/** The kind of one move: a better or worse choice, newly placed, losing a place, or another seat. */
export function kindOfMove(move: RunMove): MoveKind {
  if (move.from === null) return 'newly_matched'
  if (move.to === null) return 'unmatched'
  if (move.fromRank !== null && move.toRank !== null) {
    if (move.toRank < move.fromRank) return 'better'
    if (move.toRank > move.fromRank) return 'worse'
  }
  return 'moved'
}
