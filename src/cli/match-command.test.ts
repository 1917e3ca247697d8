import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'

const root = new URL('../..', import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), 'ieum-match-cli-'))
after(() => rmSync(dir, { recursive: true, force: true }))

/** Runs the command as users do: through the `ieum` launcher (bin/ieum.js, what `npm run ieum` calls). */
function ieum(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['bin/ieum.js', ...args], {
    cwd: root,
    encoding: 'utf8',
  })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

const good = {
  version: 1,
  candidates: [
    { id: 'a', ranking: ['x', 'y'] },
    { id: 'b', ranking: [['x', 'y']] },
    { id: 'c', ranking: ['x'] },
  ],
  positions: [
    { id: 'x', capacity: 1, ranking: [['a', 'b'], 'c'] },
    { id: 'y', capacity: 1, ranking: ['b', 'a'] },
  ],
}

const BAD: readonly [string, string, string][] = [
  ['malformed JSON', '{"candidates": [', 'malformed JSON'],
  ['wrong version', JSON.stringify({ ...good, version: 3 }), 'version'],
  [
    'unknown id',
    JSON.stringify({ ...good, candidates: [{ id: 'a', ranking: ['x', 'zz'] }] }),
    "candidates\\[0\\]\\.ranking\\[1\\]: unknown position 'zz'",
  ],
  [
    'duplicate id',
    JSON.stringify({ ...good, positions: [...good.positions, { id: 'x', capacity: 2 }] }),
    "positions\\[2\\]\\.id: duplicate id 'x'",
  ],
  [
    'negative capacity',
    JSON.stringify({ ...good, positions: [{ id: 'x', capacity: -1 }, good.positions[1]] }),
    "positions\\[0\\]\\.capacity: .*position 'x'",
  ],
]

for (const [name, text, pattern] of BAD)
  test(`ieum match rejects a bad market file (${name}) and writes nothing`, () => {
    const file = join(dir, `${name.replace(/ /g, '-')}.json`)
    const out = join(dir, `${name.replace(/ /g, '-')}.result.json`)
    writeFileSync(file, text)
    const run = ieum('match', file, '--out', out)
    assert.notEqual(run.status, 0)
    assert.match(run.stderr, new RegExp(pattern))
    assert.equal(existsSync(out), false)
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.includes('.tmp-')),
      [],
    )
  })

test('ieum match writes a deterministic result; market generate is seeded', () => {
  const file = join(dir, 'good.json')
  writeFileSync(file, JSON.stringify(good))
  const first = join(dir, 'first.json')
  const second = join(dir, 'second.json')
  assert.equal(ieum('match', file, '--seed', '5', '--out', first).status, 0)
  assert.equal(ieum('match', file, '--seed', '5', '--out', second).status, 0)
  assert.equal(readFileSync(first, 'utf8'), readFileSync(second, 'utf8'))
  const result = JSON.parse(readFileSync(first, 'utf8'))
  assert.equal(result.format, 'ieum-result/2')
  assert.equal(result.statistics.blockingPairs, 0)
  assert.equal(result.explanations.length, good.candidates.length, 'every candidate is explained')
  // --pretty indents the same result; a non-ASCII file takes the UTF-8 path and gives the same matching.
  const pretty = join(dir, 'pretty.json')
  assert.equal(ieum('match', file, '--seed', '5', '--pretty', '--out', pretty).status, 0)
  assert.deepEqual(JSON.parse(readFileSync(pretty, 'utf8')), result)
  const korean = join(dir, 'korean.json')
  writeFileSync(korean, JSON.stringify(good).replaceAll('"a"', '"가"'))
  const koreanOut = join(dir, 'korean.result.json')
  assert.equal(ieum('match', korean, '--seed', '5', '--out', koreanOut).status, 0)
  assert.equal(readFileSync(koreanOut, 'utf8'), readFileSync(first, 'utf8').replaceAll('"a"', '"가"'))
  assert.equal(ieum('match', file, '--mechanism', 'nonsense').status === 0, false)
  const market = join(dir, 'generated.json')
  const again = join(dir, 'generated-again.json')
  const generate = [
    'market',
    'generate',
    '--candidates',
    '50',
    '--positions',
    '5',
    '--seats',
    '30',
    '--seed',
    '3',
  ]
  assert.equal(ieum(...generate, '--out', market).status, 0)
  assert.equal(ieum(...generate, '--out', again).status, 0)
  assert.equal(readFileSync(market, 'utf8'), readFileSync(again, 'utf8'))
  const verified = ieum('verify', market, first)
  assert.notEqual(verified.status, 0, 'assignments of another market name unknown ids')
})

test('ieum match --second-round fills the freed seat; ieum verify and market validate report', () => {
  const file = join(dir, 'round.json')
  // As `good`, with a fourth candidate whom only y would take, after everyone else.
  writeFileSync(
    file,
    JSON.stringify({
      ...good,
      candidates: [...good.candidates, { id: 'd', ranking: ['y'] }],
      positions: [good.positions[0], { id: 'y', capacity: 1, ranking: ['b', 'a', 'd'] }],
    }),
  )
  const first = join(dir, 'round-1.json')
  assert.equal(ieum('match', file, '--seed', '5', '--out', first).status, 0)
  const round1 = JSON.parse(readFileSync(first, 'utf8'))
  // The candidate placed at y declines; whoever holds x accepts. Round 2 keeps x and refills y.
  const atX = round1.assignments.find((a: { position: string }) => a.position === 'x').candidate
  const atY = round1.assignments.find((a: { position: string }) => a.position === 'y').candidate
  const decisions = join(dir, 'decisions.json')
  writeFileSync(
    decisions,
    JSON.stringify({ accepted: [{ candidate: atX, position: 'x' }], withdrawn: [atY] }),
  )
  const second = join(dir, 'round-2.json')
  const run = ieum('match', file, '--second-round', decisions, '--out', second)
  assert.equal(run.status, 0, run.stderr)
  const round2 = JSON.parse(readFileSync(second, 'utf8'))
  assert.deepEqual(round2.fixed, [{ candidate: atX, position: 'x' }])
  const refilled = round2.assignments.find((a: { position: string }) => a.position === 'y')
  assert.ok(refilled, 'the declined seat is filled again')
  assert.equal(refilled.candidate, 'd', 'by the candidate next in line, not by the one who declined')

  const report = ieum('verify', file, first)
  assert.equal(report.status, 0, report.stderr)
  assert.equal(JSON.parse(report.stdout).isStable, true)
  // Against the full market, round 2 is blocked by the candidate who declined (exit code 2).
  const blocked = ieum('verify', file, second)
  assert.equal(blocked.status, 2)
  assert.deepEqual(
    JSON.parse(blocked.stdout).blockingPairs.map((pair: { candidate: string }) => pair.candidate),
    [atY],
  )
  assert.match(ieum('market', 'validate', file).stdout, /ok: 4 candidates, 2 positions/)
  const invalid = ieum('market', 'validate', join(dir, 'wrong-version.json'))
  assert.notEqual(invalid.status, 0)
  assert.match(invalid.stderr, /version/)
})

test('ieum match names the bad option or side file, and writes nothing', () => {
  const file = join(dir, 'options.json')
  writeFileSync(file, JSON.stringify(good))
  const out = join(dir, 'options.result.json')
  const seed = ieum('match', file, '--seed', '-1', '--out', out)
  assert.notEqual(seed.status, 0)
  assert.match(seed.stderr, /--seed <n>.*-1.*whole number/)
  const mechanism = ieum('match', file, '--mechanism', 'lottery', '--out', out)
  assert.match(mechanism.stderr, /--mechanism <name>.*lottery.*candidate-proposing/)
  const share = ieum('market', 'generate', '--company-cap-share', '1.5', '--out', out)
  assert.match(share.stderr, /--company-cap-share <x>.*0 to 1/)
  const decisions = join(dir, 'bad-decisions.json')
  writeFileSync(decisions, JSON.stringify({ accepted: [{ candidate: 'a' }] }))
  const side = ieum('match', file, '--second-round', decisions, '--out', out)
  assert.notEqual(side.status, 0)
  assert.match(side.stderr, /invalid second-round file .*: accepted\.0\.position/)
  writeFileSync(decisions, '{"accepted": [')
  assert.match(ieum('match', file, '--second-round', decisions, '--out', out).stderr, /malformed JSON in/)
  assert.equal(existsSync(out), false)
})
