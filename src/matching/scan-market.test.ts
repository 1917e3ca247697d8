import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { AppError } from '../domain/app-error.ts'
import { type CompiledMarket, compileMarket } from './compile-market.ts'
import { generateMarket } from './generate-market.ts'
import type { Market } from './market-schema.ts'
import { parseMarket } from './parse-market.ts'
import { readMarket } from './read-market.ts'
import { scanMarketText } from './scan-market.ts'
import { createRandom } from './seeded-random.ts'
import { randomSmallMarket } from './test-markets.ts'

const RUNS = Number(process.env.MATCHING_PROPERTY_RUNS ?? 1)

function assertSameCompiled(actual: CompiledMarket, expected: CompiledMarket): void {
  for (const key of Object.keys(expected) as (keyof CompiledMarket)[])
    assert.ok(isDeepStrictEqual(actual[key], expected[key]), `field ${key} differs`)
}

/** Writes a market as JSON in one of several styles real writers produce (same meaning every time). */
function writeMarket(market: Market, style: number, seed: number): string {
  if (style === 0) return JSON.stringify(market)
  if (style === 1) return `\n${JSON.stringify(market, null, 2)}\r\n`
  // Shuffled key order, unknown keys with nested values, tabs: the meaning stays the same.
  const random = createRandom(seed)
  const shuffle = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(shuffle)
    if (value === null || typeof value !== 'object') return value
    const entries = Object.entries(value).map(([k, v]) => [k, shuffle(v)] as const)
    for (let i = entries.length - 1; i > 0; i--) {
      const j = random.nextInt(i + 1)
      ;[entries[i], entries[j]] = [entries[j]!, entries[i]!]
    }
    if (random.nextFloat() < 0.3)
      entries.push(['note', { nested: [1, -2.5e3, true, null, 'x\\"y\u00e9', { a: [] }], empty: {} }])
    return Object.fromEntries(entries)
  }
  return JSON.stringify(shuffle(market), null, '\t')
}

test('the text reader compiles exactly what the validating reader compiles', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 0x7fffffff }), fc.integer({ min: 0, max: 2 }), (seed, style) => {
      const market = randomSmallMarket(seed, {
        maxCandidates: 9,
        maxPositions: 6,
        hasTies: true,
        hasCandidateTies: true,
        hasCompanies: seed % 3 !== 0,
        groupCaps: seed % 2 === 0 ? 'laminar' : 'none',
        hasScores: seed % 4 === 0,
      })
      let expected: CompiledMarket | null = null
      try {
        expected = compileMarket(parseMarket(JSON.stringify(market)))
      } catch (error) {
        if (!(error instanceof AppError)) throw error
      }
      const text = writeMarket(market, style, seed)
      if (expected === null) {
        assert.equal(scanMarketText(text) === null || assertThrows(text), true)
        return
      }
      assert.notEqual(scanMarketText(text), null, 'a valid file takes the fast path')
      assertSameCompiled(readMarket(text), expected)
    }),
    { numRuns: 400 * RUNS },
  )
})

/** An invalid market must fail with the same error through both readers. */
function assertThrows(text: string): boolean {
  let slow = ''
  try {
    parseMarket(text)
  } catch (error) {
    slow = (error as Error).message
  }
  assert.throws(
    () => readMarket(text),
    (error: Error) => error.message === slow,
  )
  return true
}

test('generated markets of every shape take the fast path and compile identically', () => {
  for (const shape of ['hub', 'nrmp', 'spa', 'dense', 'sparse-spa'] as const) {
    const market = generateMarket({ shape, seed: 3, candidates: 400, positions: 40, seats: 300 })
    const text = JSON.stringify(market)
    assert.notEqual(scanMarketText(text), null, shape)
    assertSameCompiled(readMarket(text), compileMarket(parseMarket(text)))
  }
  const grouped = generateMarket({
    shape: 'spa',
    seed: 4,
    candidates: 300,
    positions: 30,
    groups: 5,
    groupCap: 2,
  })
  assertSameCompiled(readMarket(JSON.stringify(grouped)), compileMarket(grouped))
})

test('unusual but valid files are read by the validating reader with the same result', () => {
  const base = {
    candidates: [
      { id: 'a', ranking: ['x', ['y']] },
      { id: 'b', ranking: [] },
    ],
    positions: [
      { id: 'x', capacity: 1.0, ranking: ['b', 'a'] },
      { id: 'y', capacity: 2 },
    ],
  }
  const texts = [
    JSON.stringify(base).replace('"a"', '"\\u0061"'),
    JSON.stringify(base).replace('{"candidates"', '{"version":1.0,"name":"\\u00e9","candidates"'),
    JSON.stringify({ ...base, companies: [{ id: 'k', capacity: null }] }),
    // A repeated key: JSON.parse keeps the last one.
    JSON.stringify(base).replace('{"id":"b"', '{"id":"q","id":"b"'),
  ]
  for (const text of texts) assertSameCompiled(readMarket(text), compileMarket(parseMarket(text)))
})

test('bad files fail with the validating reader’s error, naming the path', () => {
  const good = JSON.stringify({
    candidates: [{ id: 'a', ranking: ['x'] }],
    positions: [{ id: 'x', capacity: 1 }],
  })
  const bad = [
    good.slice(0, -1),
    `${good}x`,
    good.replace('"x"]', '"zz"]'),
    good.replace('"capacity":1', '"capacity":-1'),
    good.replace('"capacity":1', '"capacity":1.5'),
    good.replace('"capacity":1', '"capacity":1e999'),
    good.replace('{"candidates"', '{"version":2,"candidates"'),
    good.replace('"ranking":["x"]', '"ranking":["x","x"]'),
    good.replace('"ranking":["x"]', '"ranking":[[]]'),
    good.replace('"ranking":["x"]', '"ranking":[""]'),
    good.replace('"ranking":["x"]', '"ranking":null'),
    good.replace('"capacity":1', '"capacity":01'),
    good.replace(/^\{"candidates":\[[^\]]*\]\}\],/, '{'),
    good.replace('"a"', '"a\u0001"'),
    good.replace('"capacity":1}', '"capacity":1,"company":"k"}'),
    `${good.slice(0, -1)},"scores":[{"candidate":"a","position":"x","score":1},{"candidate":"a","position":"x","score":2}]}`,
  ]
  for (const text of bad) {
    assert.throws(() => parseMarket(text), AppError, text)
    assertThrows(text)
  }
})
