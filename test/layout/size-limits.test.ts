import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { test } from 'node:test'

const ROOT = join(import.meta.dirname, '..', '..')
/** The most lines a service or route file may have (functions: 120, checked by Biome's noExcessiveLinesPerFunction). */
const MAX_FILE_LINES = 400
/** A file may be longer only with this comment on its first line, saying why (data tables). */
const EXEMPTION = /^\/\/ size-limit-exempt: \S.{9,}/

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path))
    .map((path) => join(ROOT, folder, path))
}

test(`no service or route file is over ${MAX_FILE_LINES} lines, unless it says why on its first line`, () => {
  const files = [...sourceFiles('src/services'), ...sourceFiles('src/api')]
  assert.ok(files.length > 50, `found only ${files.length} files: is the layout still src/services, src/api?`)
  const tooLong = files.flatMap((file) => {
    const text = readFileSync(file, 'utf8')
    const lines = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length
    if (lines <= MAX_FILE_LINES || EXEMPTION.test(text)) return []
    return [
      `${relative(ROOT, file)}: ${lines} lines (split it, or exempt a data table with "// size-limit-exempt: <why>")`,
    ]
  })
  assert.deepEqual(tooLong, [])
})

test('every size-limit exemption names its reason', () => {
  const files = [...sourceFiles('src/services'), ...sourceFiles('src/api')]
  const bare = files.filter((file) => {
    const text = readFileSync(file, 'utf8')
    return text.includes('size-limit-exempt') && !EXEMPTION.test(text)
  })
  assert.deepEqual(
    bare.map((file) => relative(ROOT, file)),
    [],
  )
})
