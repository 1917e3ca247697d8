/**
 * `ieum match`, `ieum verify` and `ieum market generate|validate`: thin commands over the pure matching
 * engine. Files are validated at the edge (zod + reference checks, errors name the entry and JSON path) and
 * outputs are written atomically (temporary file, then rename), so a failed run leaves nothing half-written.
 */
import { isAscii } from 'node:buffer'
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { z } from 'zod'
import { AppError } from '../domain/app-error.ts'
import {
  generateMarket,
  MARKET_SHAPES,
  MECHANISMS,
  readMarket,
  solveMatching,
  solveMatchingToJson,
  solveSecondRound,
  solveSecondRoundToJson,
  verify,
} from '../matching/index.ts'

const MatchArgsSchema = z.object({
  mechanism: z.enum(MECHANISMS),
  seed: z.coerce.number().int().min(0),
  improve: z.boolean().optional(),
  explain: z.boolean(),
  secondRound: z.string().optional(),
  out: z.string().optional(),
  pretty: z.boolean().optional(),
})

const SecondRoundFileSchema = z.object({
  accepted: z.array(z.object({ candidate: z.string(), position: z.string() })),
  withdrawn: z.array(z.string()).optional(),
})

const count = z.coerce.number().int().min(0)
const GenerateArgsSchema = z.object({
  shape: z.enum(MARKET_SHAPES),
  seed: z.coerce.number().int().min(0),
  candidates: count.optional(),
  positions: count.optional(),
  seats: count.optional(),
  listLength: count.optional(),
  companies: count.optional(),
  companyCapShare: z.coerce.number().min(0).max(1).optional(),
  groups: count.optional(),
  groupCap: count.optional(),
  tieLevels: count.optional(),
  scores: z.enum(['none', 'sparse', 'dense']).optional(),
  out: z.string(),
})

function parseArgs<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((i) => ({ path: `--${i.path.join('.')}`, message: i.message }))
  throw new AppError('bad_request', `invalid options: ${issues[0]!.path} ${issues[0]!.message}`, issues)
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
    .option('--mechanism <name>', `one of ${MECHANISMS.join(', ')}`, 'candidate-proposing')
    .option('--seed <n>', 'seed of the tie-breaking lottery', '1')
    .option('--improve', 'apply stable improvement cycles after tie-breaking (candidate-proposing)')
    .option('--no-explain', 'leave out per-candidate explanations')
    .option(
      '--second-round <file>',
      'JSON {"accepted":[{candidate,position}],"withdrawn":[ids]}: fill remaining seats',
    )
    .option('--pretty', 'indent the JSON output')
    .option('--out <file>', 'write the result here (atomically) instead of stdout')
    .action((marketFile: string, raw: Record<string, unknown>) => {
      const args = parseArgs(MatchArgsSchema, raw)
      const market = readMarket(readText(marketFile))
      const options = {
        mechanism: args.mechanism,
        seed: args.seed,
        improve: args.improve,
        explain: args.explain,
      }
      let secondRound: z.infer<typeof SecondRoundFileSchema> | null = null
      if (args.secondRound) {
        let data: unknown
        try {
          data = JSON.parse(readText(args.secondRound))
        } catch (error) {
          throw new AppError(
            'bad_request',
            `malformed JSON in ${args.secondRound}: ${(error as Error).message}`,
          )
        }
        const input = SecondRoundFileSchema.safeParse(data)
        if (!input.success)
          throw new AppError(
            'bad_request',
            `invalid second-round file: ${input.error.issues[0]!.path.join('.')} ${input.error.issues[0]!.message}`,
          )
        secondRound = input.data
      }
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
    .action((marketFile: string, resultFile: string) => {
      const market = readMarket(readText(marketFile))
      let data: unknown
      try {
        data = JSON.parse(readText(resultFile))
      } catch (error) {
        throw new AppError('bad_request', `malformed JSON in ${resultFile}: ${(error as Error).message}`)
      }
      const parsed = z
        .object({ assignments: z.array(z.object({ candidate: z.string(), position: z.string() })) })
        .safeParse(data)
      if (!parsed.success) throw new AppError('bad_request', `${resultFile} has no valid "assignments" list`)
      const report = verify(market, parsed.data.assignments)
      process.stdout.write(`${JSON.stringify(report, null, 1)}\n`)
      if (!report.isStable) process.exitCode = 2
    })

  const market = program.command('market').description('market files: generate synthetic ones, validate')
  market
    .command('generate')
    .description('generate a seeded synthetic market shaped like a real one')
    .option('--shape <shape>', `one of ${MARKET_SHAPES.join(', ')}`, 'custom')
    .option('--seed <n>', 'generator seed', '1')
    .option('--candidates <n>')
    .option('--positions <n>')
    .option('--seats <n>')
    .option('--list-length <n>', 'mean candidate list length')
    .option('--companies <n>', 'companies owning the positions (SPA)')
    .option('--company-cap-share <x>', 'company cap as a share of its seats')
    .option('--groups <n>', 'candidate groups (universities)')
    .option('--group-cap <n>', 'per-company cap for each group')
    .option('--tie-levels <n>', 'evaluation levels; > 0 creates ties')
    .option('--scores <kind>', 'none, sparse or dense')
    .requiredOption('--out <file>', 'where to write the market (atomically)')
    .action((raw: Record<string, unknown>) => {
      const { out, ...options } = parseArgs(GenerateArgsSchema, raw)
      const generated = generateMarket(options)
      writeAtomically(out, `${JSON.stringify(generated)}\n`)
      process.stderr.write(
        `wrote ${out}: ${generated.candidates.length} candidates, ${generated.positions.length} positions\n`,
      )
    })
  market
    .command('validate <file>')
    .description('check a market file and report every problem with its JSON path')
    .action((file: string) => {
      const parsed = readMarket(readText(file))
      process.stdout.write(`ok: ${parsed.candidateCount} candidates, ${parsed.positionCount} positions\n`)
    })
}
