import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { pathToFileURL } from 'node:url'

// The launcher (bin/ieum.js) in a scratch project of its own: a tiny src/cli/main.ts and the real
// node_modules, so the test can edit sources and watch the cached bundle follow.
const repo = new URL('../..', import.meta.url).pathname
const project = mkdtempSync(join(tmpdir(), 'ieum-launcher-'))
after(() => rmSync(project, { recursive: true, force: true }))
mkdirSync(join(project, 'bin'))
mkdirSync(join(project, 'src', 'cli'), { recursive: true })
cpSync(join(repo, 'bin', 'ieum.js'), join(project, 'bin', 'ieum.js'))
cpSync(join(repo, 'tsconfig.json'), join(project, 'tsconfig.json'))
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', type: 'module' }))
// The packages are the repository's; the cache folder (node_modules/.cache) is the scratch project's own.
const cacheDir = join(project, 'node_modules', '.cache', 'ieum-cli')
mkdirSync(join(project, 'node_modules'))
for (const name of readdirSync(join(repo, 'node_modules')))
  if (name !== '.cache') symlinkSync(join(repo, 'node_modules', name), join(project, 'node_modules', name))

const mainFile = join(project, 'src', 'cli', 'main.ts')
function writeSources(word: string): void {
  writeFileSync(
    join(project, 'src', 'cli', 'word.ts'),
    `export const word: string = ${JSON.stringify(word)}\n`,
  )
  writeFileSync(
    mainFile,
    [
      "import { word } from './word.ts'",
      'const args: readonly string[] = process.argv.slice(2)',
      'console.log(JSON.stringify({ word, args, url: import.meta.url }))',
      '',
    ].join('\n'),
  )
}

function launch(...args: string[]): { word: string; args: string[]; url: string } {
  const run = spawnSync(process.execPath, [join(project, 'bin', 'ieum.js'), ...args], { encoding: 'utf8' })
  assert.equal(run.status, 0, run.stderr)
  return JSON.parse(run.stdout)
}

const bundles = (): string[] => readdirSync(cacheDir).filter((name) => /^[0-9a-f]{20}$/.test(name))

test('the launcher runs the sources from a cached bundle and rebuilds when one changes', () => {
  writeSources('one')
  const first = launch('match', 'x.json')
  assert.deepEqual(first.args, ['match', 'x.json'])
  assert.equal(first.word, 'one')
  assert.equal(first.url, pathToFileURL(mainFile).href, 'import.meta.url still names the source file')
  assert.equal(bundles().length, 1)
  // Unchanged sources: the same bundle answers.
  assert.equal(launch().word, 'one')
  assert.equal(bundles().length, 1)
  // An edited imported file (different size) is noticed and rebuilt.
  writeSources('three')
  assert.equal(launch().word, 'three')
  assert.equal(bundles().length, 2)
})

test('concurrent first runs share one bundle and both succeed', async () => {
  rmSync(cacheDir, { recursive: true, force: true })
  writeSources('together')
  const runOnce = () =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [join(project, 'bin', 'ieum.js')])
      let out = ''
      child.stdout.on('data', (chunk) => {
        out += chunk
      })
      child.on('error', reject)
      child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))))
    })
  const outputs = await Promise.all([runOnce(), runOnce(), runOnce()])
  for (const out of outputs) assert.equal(JSON.parse(out).word, 'together')
  assert.equal(bundles().length, 1)
  assert.deepEqual(
    readdirSync(cacheDir).filter((name) => name.startsWith('build-') || name.includes('.tmp-')),
    [],
    'no temporary folder or file is left behind',
  )
})

test('a source that does not compile is reported and not run from an older bundle', () => {
  writeSources('fine')
  assert.equal(launch().word, 'fine')
  writeFileSync(mainFile, 'const broken: = 1\n')
  const run = spawnSync(process.execPath, [join(project, 'bin', 'ieum.js')], { encoding: 'utf8' })
  assert.notEqual(run.status, 0)
  assert.match(run.stderr, /main\.ts/)
  assert.equal(run.stdout, '', 'the older bundle did not run')
})
