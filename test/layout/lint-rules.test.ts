import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { after, before, describe, test } from 'node:test'

const ROOT = join(import.meta.dirname, '..', '..')
const BIOME = join(ROOT, 'node_modules', '.bin', 'biome')

/** Lints one file written into a scratch copy of the project's Biome configuration; returns the output. */
function lintFile(folder: string, path: string, text: string): { isClean: boolean; output: string } {
  const file = join(folder, path)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, text)
  const run = spawnSync(BIOME, ['lint', '--colors=off', path], { cwd: folder, encoding: 'utf8' })
  rmSync(file)
  return { isClean: run.status === 0, output: `${run.stdout}${run.stderr}` }
}

const importing = (specifier: string) => `import { x } from '${specifier}'\n\nexport const y = x\n`

describe('lint: the layer boundaries and size limits fail the build (biome.json)', () => {
  let folder: string
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'ieum-lint-'))
    copyFileSync(join(ROOT, 'biome.json'), join(folder, 'biome.json'))
  })
  after(() => rmSync(folder, { recursive: true, force: true }))

  const refused: readonly [string, string, string][] = [
    ['web → services', 'src/web/bad-import.ts', '../services/index.ts'],
    ['web → store', 'src/web/features/people/bad-import.ts', '../../../store/index.ts'],
    ['web → matching', 'src/web/bad-import.ts', '../matching/index.ts'],
    ['web → node:*', 'src/web/bad-import.ts', 'node:fs'],
    ['matching → services', 'src/matching/bad-import.ts', '../services/index.ts'],
    ['matching → store', 'src/matching/bad-import.ts', '../store/index.ts'],
    ['scoring → services', 'src/scoring/bad-import.ts', '../services/index.ts'],
    ['scoring → api', 'src/scoring/bad-import.ts', '../api/index.ts'],
    ['domain → kysely', 'src/domain/bad-import.ts', 'kysely'],
    ['domain → scoring', 'src/domain/bad-import.ts', '../scoring/index.ts'],
    ['services → api', 'src/services/programs/bad-import.ts', '../../api/index.ts'],
    ['services → cli', 'src/services/bad-import.ts', '../cli/main.ts'],
  ]
  for (const [what, path, specifier] of refused) {
    test(`refuses ${what}`, () => {
      const { isClean, output } = lintFile(folder, path, importing(specifier))
      assert.equal(isClean, false, output)
      assert.match(output, /lint\/style\/noRestrictedImports/)
      assert.match(output, new RegExp(path.replaceAll('/', '[/\\\\]')))
    })
  }

  const allowed: readonly [string, string, string][] = [
    ['web → domain', 'src/web/good-import.ts', '../domain/index.ts'],
    ['domain → zod', 'src/domain/good-import.ts', 'zod'],
    ['matching → domain', 'src/matching/good-import.ts', '../domain/index.ts'],
    ['services → store', 'src/services/programs/good-import.ts', '../../store/index.ts'],
  ]
  for (const [what, path, specifier] of allowed) {
    test(`allows ${what}`, () => {
      const { isClean, output } = lintFile(folder, path, importing(specifier))
      assert.equal(isClean, true, output)
    })
  }

  const longFunction = (lines: number, prefix = '') =>
    `${prefix}export function tooLong(): number {\n  let n = 0\n${'  n += 1\n'.repeat(lines - 2)}  return n\n}\n`

  test('refuses a service function over 120 lines, naming it', () => {
    const { isClean, output } = lintFile(folder, 'src/services/too-long.ts', longFunction(122))
    assert.equal(isClean, false, output)
    assert.match(output, /src[/\\]services[/\\]too-long\.ts/)
    assert.match(output, /lint\/complexity\/noExcessiveLinesPerFunction/)
    assert.match(output, /tooLong/)
  })

  test('allows 120 lines, and a longer engine loop only with a reason on the spot', () => {
    assert.equal(lintFile(folder, 'src/services/long-enough.ts', longFunction(118)).isClean, true)
    const exempt = longFunction(
      122,
      '// biome-ignore lint/complexity/noExcessiveLinesPerFunction: engine hot loop over flat arrays\n',
    )
    assert.equal(lintFile(folder, 'src/matching/exempt.ts', exempt).isClean, true)
  })
})
