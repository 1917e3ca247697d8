/**
 * Matching engine benchmark (issue 5): for each seeded market, time to build the internal arrays and solve
 * (excluding generation/parsing), peak memory, and the same for `verify` of the result. Median of several
 * runs (wall clock, and CPU time of the process, which is steadier on a shared machine); each run compiles a
 * fresh copy of the market (the compile cache is per object).
 *
 * Two figures per market: "map ids" is resolving every string id of a market object to a dense index (the
 * API path; `ieum match` does it while reading the file, in `readMarket`, so it is part of parsing there),
 * and "build+solve" is everything after that: tie-breaking keys, capacities, heaps or flow graph, and the
 * solver. The target is checked against build+solve; "total" adds the id mapping. The "file" line times
 * what `ieum match` does in-process for the hub market: JSON text → compiled arrays → result JSON bytes;
 * the "cli" line runs the command itself on that market's file, end to end.
 * `npm run bench -- matching`; `MATCHING_BENCH=hub,nrmp` picks cases.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildResult } from '../src/matching/build-result.ts'
import { compileMarket } from '../src/matching/compile-market.ts'
import { createCapacities } from '../src/matching/create-capacities.ts'
import { findBlockingPairs } from '../src/matching/find-blocking-pairs.ts'
import {
  type GenerateMarketOptions,
  generateMarket,
  type Market,
  type Mechanism,
} from '../src/matching/index.ts'
import { readMarket } from '../src/matching/read-market.ts'
import { resolveOptions, runRound, solveMatchingToJson } from '../src/matching/solve-matching.ts'

/** Issue 5, acceptance 3: `ieum match` on the 100,000 × 20 hub market file, end to end. */
const CLI_TARGET_MS = 1500

interface BenchCase {
  readonly name: string
  readonly market: GenerateMarketOptions
  readonly mechanism: Mechanism
  /** Null: reported without a target. */
  readonly targetMs: number | null
  readonly verifyTargetMs?: number
  readonly runs: number
}

const CASES: readonly BenchCase[] = [
  {
    name: 'hub',
    market: { shape: 'hub', seed: 1 },
    mechanism: 'candidate-proposing',
    targetMs: 150,
    verifyTargetMs: 100,
    runs: 9,
  },
  {
    name: 'nrmp',
    market: { shape: 'nrmp', seed: 1 },
    mechanism: 'candidate-proposing',
    targetMs: 30,
    runs: 15,
  },
  {
    name: 'spa',
    market: { shape: 'spa', seed: 1 },
    mechanism: 'candidate-proposing',
    targetMs: 150,
    verifyTargetMs: 100,
    runs: 9,
  },
  {
    name: 'spa-pos',
    market: { shape: 'spa', seed: 1 },
    mechanism: 'position-proposing',
    targetMs: null,
    runs: 3,
  },
  { name: 'dense-5k', market: { shape: 'dense', seed: 1 }, mechanism: 'max-fit', targetMs: 1500, runs: 3 },
  {
    name: 'dense-10k',
    market: { shape: 'dense', seed: 1, candidates: 10_000, positions: 1_000, seats: 5_500 },
    mechanism: 'max-fit',
    targetMs: 8000,
    runs: 3,
  },
  { name: 'sparse', market: { shape: 'sparse', seed: 1 }, mechanism: 'max-fit', targetMs: 8000, runs: 3 },
  {
    name: 'sparse-spa',
    market: { shape: 'sparse-spa', seed: 1 },
    mechanism: 'max-fit',
    targetMs: 3000,
    runs: 3,
  },
]

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[s.length >> 1]!
}
const heap = (): number => {
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}
const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`

const picked = (process.env.MATCHING_BENCH ?? '').split(',').filter(Boolean)
let missed = 0
for (const bench of CASES) {
  if (picked.length > 0 && !picked.includes(bench.name)) continue
  const market: Market = generateMarket(bench.market)
  const options = resolveOptions({ mechanism: bench.mechanism, seed: 1 })
  const solveTimes: number[] = []
  const solveCpu: number[] = []
  const buildTimes: number[] = []
  const totalTimes: number[] = []
  const resultTimes: number[] = []
  const verifyTimes: number[] = []
  let solvePeak = 0
  let verifyPeak = 0
  let summary = ''
  // Warm-up runs (JIT) are not counted: DA cases get 3, max-fit none.
  const warmup = bench.mechanism === 'max-fit' ? 0 : 3
  for (let run = -warmup; run < bench.runs; run++) {
    const copy: Market = { ...market }
    gc()
    const before = heap()
    const t0 = performance.now()
    const compiled = compileMarket(copy)
    // The id mapping's garbage is collected here and charged to it, not to the solver that follows.
    gc()
    const t1 = performance.now()
    const cpu = process.cpuUsage()
    const capacities = createCapacities(compiled)
    const outcome = runRound(compiled, capacities, options)
    const t2 = performance.now()
    const used = process.cpuUsage(cpu)
    if (run < 0) continue
    solvePeak = Math.max(solvePeak, heap() - before)
    buildTimes.push(t1 - t0)
    solveTimes.push(t2 - t1)
    solveCpu.push((used.user + used.system) / 1000)
    totalTimes.push(t2 - t0)
    gc()
    const beforeVerify = heap()
    const t3 = performance.now()
    const blocking = findBlockingPairs(compiled, capacities, outcome.matchPosition)
    const t4 = performance.now()
    verifyPeak = Math.max(verifyPeak, heap() - beforeVerify)
    verifyTimes.push(t4 - t3)
    if (run === 0) {
      const t5 = performance.now()
      const result = buildResult({
        compiled,
        capacities,
        mechanism: options.mechanism,
        seed: options.seed,
        improve: false,
        round: 1,
        matchPosition: outcome.matchPosition,
        isFixed: null,
        isWithdrawn: null,
        improvement: null,
        maxFit: outcome.maxFit,
        explain: true,
      })
      resultTimes.push(performance.now() - t5)
      const s = result.statistics
      summary =
        `matched ${s.matched}/${s.candidates} seats ${s.seatsFilled}/${s.seats} blocking ${blocking.count}` +
        (outcome.maxFit
          ? ` total ${outcome.maxFit.totalScore} pricing rounds ${outcome.maxFit.rounds} phases ${outcome.maxFit.phases} pairs ${outcome.maxFit.edgeCount}`
          : '')
    }
  }
  const solve = median(solveTimes)
  const isMet = bench.targetMs === null || solve <= bench.targetMs
  const verify = median(verifyTimes)
  const isVerifyMet = bench.verifyTargetMs === undefined || verify <= bench.verifyTargetMs
  if (!isMet || !isVerifyMet) missed++
  console.log(
    `${bench.name.padEnd(11)} ${bench.mechanism.padEnd(20)} build+solve ${solve.toFixed(1)} ms ` +
      `(min ${Math.min(...solveTimes).toFixed(1)}, cpu ${median(solveCpu).toFixed(1)}, n=${bench.runs}) | ` +
      `map ids ${median(buildTimes).toFixed(1)} ms, total ${median(totalTimes).toFixed(1)} ms | ` +
      (bench.targetMs === null ? 'no target | ' : `target ≤${bench.targetMs} ${isMet ? 'ok' : 'MISSED'} | `) +
      `peak +${mb(solvePeak)} | ` +
      `verify ${verify.toFixed(1)} ms peak +${mb(verifyPeak)}` +
      (bench.verifyTargetMs ? ` target ≤${bench.verifyTargetMs} ${isVerifyMet ? 'ok' : 'MISSED'}` : '') +
      ` | result+explanations ${resultTimes[0]!.toFixed(0)} ms | ${summary}`,
  )
}
if (picked.length === 0 || picked.includes('file')) {
  // What `ieum match` does in-process (startup excluded): read the text, solve, encode the result bytes.
  const text = JSON.stringify(generateMarket({ shape: 'hub', seed: 1 }))
  const readTimes: number[] = []
  const fileTimes: number[] = []
  let bytes = 0
  for (let run = -1; run < 5; run++) {
    gc()
    const t0 = performance.now()
    const compiled = readMarket(text)
    const t1 = performance.now()
    bytes = solveMatchingToJson(compiled).json.length
    const t2 = performance.now()
    if (run < 0) continue
    readTimes.push(t1 - t0)
    fileTimes.push(t2 - t0)
  }
  console.log(
    `file        hub text → result JSON   ${median(fileTimes).toFixed(0)} ms (read market ${median(readTimes).toFixed(0)} ms; ` +
      `${mb(text.length)} in, ${mb(bytes)} out, n=5)`,
  )
  // Issue 5, acceptance 3: the command itself, end to end (process start, parse, solve, write), as users
  // run it: `npm run --silent ieum -- match hub.json --out result.json`. The first run may build the
  // launcher's bundle and is not counted.
  const dir = mkdtempSync(join(tmpdir(), 'ieum-bench-cli-'))
  try {
    const marketFile = join(dir, 'hub.json')
    writeFileSync(marketFile, `${text}\n`)
    const npm = process.env.npm_execpath
    const command = npm ? [process.execPath, npm] : ['npm']
    const args = [...command.slice(1), 'run', '--silent', 'ieum', '--', 'match', marketFile]
    const cliTimes: number[] = []
    for (let run = -1; run < 5; run++) {
      const t0 = performance.now()
      const child = spawnSync(command[0]!, [...args, '--out', join(dir, 'result.json')], {
        cwd: new URL('..', import.meta.url).pathname,
        encoding: 'utf8',
      })
      const elapsed = performance.now() - t0
      if (child.status !== 0) throw new Error(`ieum match failed: ${child.stderr}`)
      if (run >= 0) cliTimes.push(elapsed)
    }
    const cli = median(cliTimes)
    const isMet = cli <= CLI_TARGET_MS
    if (!isMet) missed++
    console.log(
      `cli         npm run ieum -- match    ${cli.toFixed(0)} ms (min ${Math.min(...cliTimes).toFixed(0)}, n=5) | ` +
        `target ≤${CLI_TARGET_MS} ${isMet ? 'ok' : 'MISSED'} | process start, parse, solve, explain, write`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
console.log(`process peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`)
if (missed > 0) console.log(`${missed} target(s) missed`)
