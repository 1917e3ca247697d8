/**
 * `ieum match`, `ieum verify` and `ieum market generate|validate`: thin commands over the pure matching
 * engine. Files are validated at the edge (schema + reference checks, errors name the entry and JSON path) and
 * outputs are written atomically (temporary file, then rename), so a failed run leaves nothing half-written.
 */
import { isAscii } from 'node:buffer'
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { type Command, InvalidArgumentError, Option } from 'commander'
import { AppError } from '../domain/app-error.ts'
import type { CompiledMarket } from '../matching/compile-market.ts'
import { type GenerateMarketOptions, generateMarket, MARKET_SHAPES } from '../matching/generate-market.ts'
import { MECHANISMS, type Mechanism } from '../matching/matching-result.ts'
import { scanMarket } from '../matching/scan-market.ts'
import { solveMatching, solveMatchingToJson } from '../matching/solve-matching.ts'
import {
  type SecondRoundInput,
  solveSecondRound,
  solveSecondRoundToJson,
} from '../matching/solve-second-round.ts'
import { verify } from '../matching/verify.ts'

// The match path imports engine modules directly (not the `matching/index.ts` barrel) and validates its
// options with commander, so `ieum match` does not load the schema library unless a file needs it: the
// validating market reader and the small side files load on demand.

/** An option value that must be a whole number ≥ 0. */
function parseCount(value: string): number {
  const number = Number(value)
  if (value.trim() === '' || !Number.isInteger(number) || number < 0)
    throw new InvalidArgumentError('expected a whole number ≥ 0.')
  return number
}

/** An option value that must be a share between 0 and 1. */
function parseShare(value: string): number {
  const number = Number(value)
  if (value.trim() === '' || !(number >= 0 && number <= 1))
    throw new InvalidArgumentError('expected a number from 0 to 1.')
  return number
}

interface MatchArgs {
  mechanism: Mechanism
  seed: number
  improve?: boolean
  explain: boolean
  secondRound?: string
  out?: string
  pretty?: boolean
}

/** Reads a market file: the fast scanner, else the validating reader (errors name the entry and path). */
async function loadMarket(file: string): Promise<CompiledMarket> {
  const text = readText(file)
  const scanned = scanMarket(text)
  if (scanned !== null) return scanned
  const { readMarket } = await import('../matching/read-market.ts')
  return readMarket(text)
}

/** Reads and validates a JSON side file (second-round decisions, a result to verify). */
async function readJsonFile<T>(
  file: string,
  describe: string,
  pick: (zod: typeof import('zod')) => import('zod').ZodType<T>,
): Promise<T> {
  let data: unknown
  try {
    data = JSON.parse(readText(file))
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('bad_request', `malformed JSON in ${file}: ${(error as Error).message}`)
  }
  const parsed = pick(await import('zod')).safeParse(data)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  throw new AppError('bad_request', `invalid ${describe} ${file}: ${issue.path.join('.')} ${issue.message}`)
}

function readText(file: string): string {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (error) {
    throw new AppError('bad_request', `cannot read ${file}: ${(error as Error).message}`)
  }
  // Plain ASCII (the usual market file) is copied byte for byte, twice as fast as decoding UTF-8.
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')
}

/** Writes a file atomically: a temporary sibling first, then a rename over the target. */
function writeAtomically(file: string, text: string | Uint8Array): void {
  const temporary = `${file}.tmp-${process.pid}`
  try {
    writeFileSync(temporary, text)
    renameSync(temporary, file)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
}

function output(text: string | Uint8Array, out: string | undefined): void {
  if (out) writeAtomically(out, text)
  else process.stdout.write(text)
}

/** Registers the matching commands on the `ieum` program. */
export function registerMatchCommands(program: Command): void {
  program
    .command('match <market>')
    .description('match a market file (docs/formats/market.md); writes a result (docs/formats/result.md)')
    .addOption(
      new Option('--mechanism <name>', 'matching mechanism')
        .choices(MECHANISMS)
        .default('candidate-proposing'),
    )
    .option('--seed <n>', 'seed of the tie-breaking lottery', parseCount, 1)
    .option('--improve', 'apply stable improvement cycles after tie-breaking (candidate-proposing)')
    .option('--no-explain', 'leave out per-candidate explanations')
    .option(
      '--second-round <file>',
      'JSON {"accepted":[{candidate,position}],"withdrawn":[ids]}: fill remaining seats',
    )
    .option('--pretty', 'indent the JSON output')
    .option('--out <file>', 'write the result here (atomically) instead of stdout')
    .action(async (marketFile: string, args: MatchArgs) => {
      const market = await loadMarket(marketFile)
      const options = {
        mechanism: args.mechanism,
        seed: args.seed,
        improve: args.improve,
        explain: args.explain,
      }
      const secondRound: SecondRoundInput | null = args.secondRound
        ? await readJsonFile(args.secondRound, 'second-round file', ({ z }) =>
            z.object({
              accepted: z.array(z.object({ candidate: z.string(), position: z.string() })),
              withdrawn: z.array(z.string()).optional(),
            }),
          )
        : null
      // Compact output is written straight from the engine's arrays; --pretty indents the result object.
      let statistics: ReturnType<typeof solveMatching>['statistics']
      if (args.pretty) {
        const result =
          secondRound === null
            ? solveMatching(market, options)
            : solveSecondRound(market, secondRound, options)
        output(`${JSON.stringify(result, null, 1)}\n`, args.out)
        statistics = result.statistics
      } else {
        const encoded =
          secondRound === null
            ? solveMatchingToJson(market, options)
            : solveSecondRoundToJson(market, secondRound, options)
        output(encoded.json, args.out)
        statistics = encoded.statistics
      }
      const s = statistics
      process.stderr.write(
        `matched ${s.matched}/${s.candidates} (${(100 * s.matchRate).toFixed(1)}%), seats ${s.seatsFilled}/${s.seats}, blocking pairs ${s.blockingPairs}\n`,
      )
    })

  program
    .command('verify <market> <result>')
    .description('list the blocking pairs and cap violations of a result (or any {"assignments":[…]} file)')
    .action(async (marketFile: string, resultFile: string) => {
      const market = await loadMarket(marketFile)
      const { assignments } = await readJsonFile(resultFile, 'result file', ({ z }) =>
        z.object({ assignments: z.array(z.object({ candidate: z.string(), position: z.string() })) }),
      )
      const report = verify(market, assignments)
      process.stdout.write(`${JSON.stringify(report, null, 1)}\n`)
      if (!report.isStable) process.exitCode = 2
    })

  const market = program.command('market').description('market files: generate synthetic ones, validate')
  market
    .command('generate')
    .description('generate a seeded synthetic market shaped like a real one')
    .addOption(
      new Option('--shape <shape>', 'shape of a real market').choices(MARKET_SHAPES).default('custom'),
    )
    .option('--seed <n>', 'generator seed', parseCount, 1)
    .option('--candidates <n>', 'number of candidates', parseCount)
    .option('--positions <n>', 'number of positions', parseCount)
    .option('--seats <n>', 'seats over all positions', parseCount)
    .option('--list-length <n>', 'mean candidate list length', parseCount)
    .option('--companies <n>', 'companies owning the positions (SPA)', parseCount)
    .option('--company-cap-share <x>', 'company cap as a share of its seats', parseShare)
    .option('--groups <n>', 'candidate groups (universities)', parseCount)
    .option('--group-cap <n>', 'per-company cap for each group', parseCount)
    .option('--tie-levels <n>', 'evaluation levels; > 0 creates ties', parseCount)
    .addOption(new Option('--scores <kind>', 'scores to include').choices(['none', 'sparse', 'dense']))
    .requiredOption('--out <file>', 'where to write the market (atomically)')
    .action(({ out, ...options }: { out: string } & GenerateMarketOptions) => {
      const generated = generateMarket(options)
      writeAtomically(out, `${JSON.stringify(generated)}\n`)
      process.stderr.write(
        `wrote ${out}: ${generated.candidates.length} candidates, ${generated.positions.length} positions\n`,
      )
    })
  market
    .command('validate <file>')
    .description('check a market file and report every problem with its JSON path')
    .action(async (file: string) => {
      const parsed = await loadMarket(file)
      process.stdout.write(`ok: ${parsed.candidateCount} candidates, ${parsed.positionCount} positions\n`)
    })
}
