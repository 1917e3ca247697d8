import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import {
  appendRankRow,
  isSameRanking,
  moveRankRow,
  type RankListEntry,
  rankNumbersOf,
  removeRankRow,
  setTiedWithAbove,
  toRankEntries,
  toRankRows,
} from '../../src/web/rank-list-rows.ts'

const entriesOf = (rows: Parameters<typeof toRankEntries>[0]) => toRankEntries(rows)

/** Small rank lists with ties over distinct one-letter ids. */
const rankList = fc
  .uniqueArray(fc.constantFrom(...'abcdefghij'), { minLength: 0, maxLength: 10 })
  .chain((ids) =>
    fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }).map((ties) => {
      const entries: RankListEntry[] = []
      ids.forEach((id, index) => {
        const last = entries[entries.length - 1]
        if (index > 0 && ties[index] && last !== undefined)
          entries[entries.length - 1] = [...(typeof last === 'string' ? [last] : last), id]
        else entries.push(id)
      })
      return entries
    }),
  )

describe('rank list rows (the company ranking editor model)', () => {
  test('rows and stored entries convert both ways, ties included', () => {
    const entries: RankListEntry[] = ['a', ['b', 'c'], 'd']
    const rows = toRankRows(entries)
    assert.deepEqual(
      rows.map((row) => row.isTiedWithAbove),
      [false, false, true, false],
    )
    assert.deepEqual(entriesOf(rows), entries)
    assert.deepEqual(rankNumbersOf(rows), [1, 2, 2, 3], 'tied rows share a rank; the next rank follows on')
  })

  test('moving up through a tie joins it, then passes it', () => {
    let rows = toRankRows([['a', 'b'], 'c'])
    rows = moveRankRow(rows, 2, 1)
    assert.deepEqual(entriesOf(rows), [['a', 'c', 'b']], 'c lands between a and b, so it is tied with them')
    rows = moveRankRow(rows, 1, 0)
    assert.deepEqual(entriesOf(rows), ['c', ['a', 'b']], 'at the top c ranks alone, a and b stay tied')
  })

  test('moving the first row of a tie away leaves the rest of the tie together', () => {
    const rows = moveRankRow(toRankRows([['a', 'b', 'c'], 'd']), 0, 3)
    assert.deepEqual(entriesOf(rows), [['b', 'c'], 'd', 'a'])
  })

  test('tie and split, remove and append', () => {
    let rows = toRankRows(['a', 'b', 'c'])
    rows = setTiedWithAbove(rows, 1, true)
    assert.deepEqual(entriesOf(rows), [['a', 'b'], 'c'])
    rows = setTiedWithAbove(rows, 1, false)
    assert.deepEqual(entriesOf(rows), ['a', 'b', 'c'])
    rows = setTiedWithAbove(rows, 0, true)
    assert.deepEqual(entriesOf(rows), ['a', 'b', 'c'], 'the first row has nothing above to tie with')
    rows = removeRankRow(setTiedWithAbove(rows, 1, true), 'a')
    assert.deepEqual(entriesOf(rows), ['b', 'c'], 'removing the head of a tie keeps the rest at one rank')
    rows = appendRankRow(appendRankRow(rows, 'd'), 'd')
    assert.deepEqual(entriesOf(rows), ['b', 'c', 'd'])
  })

  test('isSameRanking ignores the order inside a tie only', () => {
    assert.equal(isSameRanking(['a', ['b', 'c']], ['a', ['c', 'b']]), true)
    assert.equal(isSameRanking(['a', ['b', 'c']], ['a', 'b', 'c']), false)
    assert.equal(isSameRanking(['a', 'b'], ['b', 'a']), false)
  })

  test('property: every edit keeps each id once, entries well formed and ranks consecutive', () => {
    fc.assert(
      fc.property(
        rankList,
        fc.array(fc.tuple(fc.nat(12), fc.nat(12), fc.boolean()), { maxLength: 8 }),
        (entries, edits) => {
          assert.deepEqual(entriesOf(toRankRows(entries)), entries)
          let rows = toRankRows(entries)
          const ids = rows.map((row) => row.id).sort()
          for (const [from, to, isTied] of edits) {
            rows = moveRankRow(rows, from % Math.max(rows.length, 1), to % Math.max(rows.length, 1))
            rows = setTiedWithAbove(rows, from % Math.max(rows.length, 1), isTied)
          }
          assert.deepEqual(rows.map((row) => row.id).sort(), ids)
          const stored = entriesOf(rows)
          for (const entry of stored) if (typeof entry !== 'string') assert.ok(entry.length >= 2)
          const ranks = rankNumbersOf(rows)
          ranks.forEach((rank, index) => {
            assert.ok(rank === (index === 0 ? 1 : ranks[index - 1]!) || rank === ranks[index - 1]! + 1)
          })
          assert.equal(ranks[ranks.length - 1] ?? 0, stored.length)
        },
      ),
    )
  })
})
