/**
 * A rank list with ties as the editor holds it: one row per ranked id, each either starting a new rank or
 * tied with the row above. Rows reorder one at a time (drag and drop or buttons); the list the API stores
 * groups tied rows into inner arrays. Pure functions: every change returns new rows.
 */

/** One ranked id; `isTiedWithAbove` puts it at the same rank as the row above it. */
export interface RankRow {
  readonly id: string
  readonly isTiedWithAbove: boolean
}

/** A stored rank entry: an id, or ids tied at one rank. */
export type RankListEntry = string | readonly string[]

/** Rows of a stored list. */
export function toRankRows(entries: readonly RankListEntry[]): RankRow[] {
  return entries.flatMap((entry) =>
    (typeof entry === 'string' ? [entry] : entry).map((id, index) => ({ id, isTiedWithAbove: index > 0 })),
  )
}

/** The stored list of rows: consecutive tied rows become one inner array. */
export function toRankEntries(rows: readonly RankRow[]): RankListEntry[] {
  const groups: string[][] = []
  for (const row of rows) {
    const last = groups[groups.length - 1]
    if (row.isTiedWithAbove && last) last.push(row.id)
    else groups.push([row.id])
  }
  return groups.map((group) => (group.length === 1 ? group[0]! : group))
}

/** The rank each row stands at (1 = first; tied rows share a rank; the next rank follows on), as the match counts. */
export function rankNumbersOf(rows: readonly RankRow[]): number[] {
  let rank = 0
  return rows.map((row, index) => {
    if (index === 0 || !row.isTiedWithAbove) rank++
    return rank
  })
}

/** True when two lists rank the same ids at the same ranks (order inside a tie does not matter). */
export function isSameRanking(a: readonly RankListEntry[], b: readonly RankListEntry[]): boolean {
  if (a.length !== b.length) return false
  const key = (entry: RankListEntry) => (typeof entry === 'string' ? entry : [...entry].sort().join(','))
  return a.every((entry, index) => key(entry) === key(b[index]!))
}

/** The first row never ties with anything above it. */
function normalise(rows: RankRow[]): RankRow[] {
  const first = rows[0]
  if (first?.isTiedWithAbove) rows[0] = { ...first, isTiedWithAbove: false }
  return rows
}

/** Takes out one row; if it started a tie, the next tied row starts the tie instead. */
function detach(rows: readonly RankRow[], index: number): RankRow[] {
  const removed = rows[index]
  const rest = rows.filter((_, i) => i !== index)
  const next = rest[index]
  if (removed && !removed.isTiedWithAbove && next?.isTiedWithAbove) {
    rest[index] = { ...next, isTiedWithAbove: false }
  }
  return rest
}

/**
 * Moves the row at `from` so that it ends at `to`. It takes a rank of its own, unless it lands between two
 * tied rows, where it joins their tie (it cannot stand between two rows of one rank otherwise).
 */
export function moveRankRow(rows: readonly RankRow[], from: number, to: number): RankRow[] {
  const row = rows[from]
  if (!row || from === to || to < 0 || to >= rows.length) return [...rows]
  const rest = detach(rows, from)
  const isInsideTie = to > 0 && rest[to]?.isTiedWithAbove === true
  rest.splice(to, 0, { id: row.id, isTiedWithAbove: isInsideTie })
  return normalise(rest)
}

/** Ties the row at `index` with the row above it, or splits it off into the next rank. */
export function setTiedWithAbove(rows: readonly RankRow[], index: number, isTied: boolean): RankRow[] {
  const next = rows.map((row, i) => (i === index ? { ...row, isTiedWithAbove: isTied } : row))
  return normalise(next)
}

/** Removes the row of `id`. */
export function removeRankRow(rows: readonly RankRow[], id: string): RankRow[] {
  const index = rows.findIndex((row) => row.id === id)
  return index < 0 ? [...rows] : normalise(detach(rows, index))
}

/** Adds `id` at the end as a rank of its own (nothing changes when it is ranked already). */
export function appendRankRow(rows: readonly RankRow[], id: string): RankRow[] {
  if (rows.some((row) => row.id === id)) return [...rows]
  return [...rows, { id, isTiedWithAbove: false }]
}
