/**
 * Runs every `bench/*.bench.ts` in its own process (clean heap, honest peak memory) and prints its figures.
 * `npm run bench -- matching` runs only files whose name contains "matching".
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const benchDir = new URL('.', import.meta.url).pathname
const filter = process.argv.slice(2)
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter.length === 0 || filter.some((p) => f.includes(p)))
  .sort()
let failed = 0
for (const file of files) {
  console.log(`\n## ${file}`)
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', join(benchDir, file)],
    {
      stdio: 'inherit',
    },
  )
  if (run.status !== 0) failed++
}
if (files.length === 0) console.log('no benchmark matched')
process.exit(failed === 0 ? 0 : 1)
