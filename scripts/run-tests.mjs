#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with node:test through tsx and prints, as the last line,
// "N passed, N failed, N skipped" (read from a TAP copy of the run). Node 20 does not expand globs for --test.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const filter = process.argv.slice(2)

function listTests(dir) {
  const out = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    const full = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...listTests(full))
    else if (entry.name.endsWith('.test.ts') || entry.name.endsWith('.test.tsx')) out.push(full)
  }
  return out
}

const files = ['src', 'test']
  .flatMap((d) => listTests(join(root, d)))
  .map((f) => relative(root, f))
  .filter((f) => filter.length === 0 || filter.some((p) => f.includes(p)))
  .sort()
if (files.length === 0) {
  console.error('run-tests: no *.test.ts file found')
  process.exit(1)
}

const tapDir = mkdtempSync(join(tmpdir(), 'ieum-tap-'))
const tapFile = join(tapDir, 'run.tap')
const concurrency = process.env.TEST_CONCURRENCY ?? '2'
const args = [
  '--import',
  'tsx',
  '--test',
  `--test-concurrency=${concurrency}`,
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${tapFile}`,
  ...files,
]
const child = spawn(process.execPath, args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test' },
})
child.on('exit', (code, signal) => {
  let passed = 0
  let failed = 0
  let skipped = 0
  try {
    const tap = readFileSync(tapFile, 'utf8')
    // The summary comments at the end of the TAP stream count top-level and nested tests alike.
    const read = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0)
    passed = read('pass')
    failed = read('fail') + read('cancelled')
    skipped = read('skipped') + read('todo')
  } catch {
    failed = Math.max(failed, 1)
  }
  rmSync(tapDir, { recursive: true, force: true })
  const exitCode = code ?? (signal ? 1 : 0)
  if (exitCode !== 0 && failed === 0) failed = 1
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
  process.exit(exitCode)
})
