import type { RankEntry } from '../../domain/index.ts'

function flatten(entries: readonly RankEntry[]): string[] {
  return entries.flatMap((entry) => (typeof entry === 'string' ? [entry] : [...entry]))
}

/** Ids in a rank list, in order, ties flattened. */
export function rankedIds(entries: readonly RankEntry[]): string[] {
  return flatten(entries)
}
