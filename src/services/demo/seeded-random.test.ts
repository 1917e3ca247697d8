import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createSeededRandom } from './seeded-random.ts'

const draw = (seed: number, stream = 0) => {
  const random = createSeededRandom(seed, stream)
  return Array.from({ length: 8 }, () => random.next())
}

test('the same seed and stream repeat the sequence; another seed or stream does not', () => {
  assert.deepEqual(draw(7), draw(7))
  assert.notDeepEqual(draw(7), draw(8))
  assert.notDeepEqual(draw(7, 1), draw(7, 2))
  assert.notDeepEqual(draw(2 ** 40), draw(2 ** 40 + 2 ** 33), 'high bits of the seed count')
})

test('draws stay in range and cover it', () => {
  const random = createSeededRandom(1)
  const seen = new Set<number>()
  for (let i = 0; i < 2000; i++) {
    const value = random.next()
    assert.ok(value >= 0 && value < 1)
    const integer = random.integer(3, 6)
    assert.ok(Number.isInteger(integer) && integer >= 3 && integer <= 6)
    seen.add(integer)
  }
  assert.deepEqual([...seen].sort(), [3, 4, 5, 6])
})

test('shuffle and sample return new lists and leave the input alone', () => {
  const random = createSeededRandom(3)
  const items = Object.freeze([1, 2, 3, 4, 5, 6])
  const shuffled = random.shuffle(items)
  assert.deepEqual([...shuffled].sort(), [1, 2, 3, 4, 5, 6])
  const sample = random.sample(items, 3)
  assert.equal(sample.length, 3)
  assert.equal(new Set(sample).size, 3)
  assert.equal(random.sample(items, 10).length, 6)
  assert.throws(() => random.pick([]))
})

test('pickWeighted follows the weights', () => {
  const random = createSeededRandom(5)
  let heavy = 0
  for (let i = 0; i < 4000; i++)
    if (
      random.pickWeighted([
        ['a', 3],
        ['b', 1],
      ] as const) === 'a'
    )
      heavy++
  assert.ok(heavy > 2800 && heavy < 3200, `got ${heavy}`)
})
