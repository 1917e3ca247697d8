import { AppError, type MatchingConfig, type MatchRunSummary } from '../../domain/index.ts'
import { ENGINE_VERSION, type Market, type Mechanism } from '../../matching/index.ts'
import { findLastPublishedRound, findPublishedRunId } from '../../store/index.ts'
import { requireRole } from '../access/index.ts'
import { getProgram } from '../programs/index.ts'
import { isRankingFrozen } from '../rankings/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { buildProgramMarket } from './build-program-market.ts'
import { type StoredOptions, sha256, solveMarketFile } from './solve-market-file.ts'
import { summariseMatchRun } from './summarise-match-run.ts'

/** What an operator asks for when running a match. */
export interface MatchRunRequest {
  readonly mechanism?: Mechanism
  readonly seed?: number
  readonly improve?: boolean
  /** 1 for the main round, 2 (or more) to fill seats left after acceptances and declines. */
  readonly round?: number
  /** What-if: extra seats per position id (e.g. one more seat at a company). */
  readonly extraSeats?: Readonly<Record<string, number>>
}

function applyExtraSeats(market: Market, extraSeats: Readonly<Record<string, number>>): Market {
  const unknown = Object.keys(extraSeats).filter((id) => !market.positions.some((p) => p.id === id))
  if (unknown.length > 0)
    throw new AppError(
      'validation_failed',
      `extraSeats names positions not in the program: ${unknown.join(', ')}`,
    )
  return {
    ...market,
    positions: market.positions.map((p) => ({ ...p, capacity: p.capacity + (extraSeats[p.id] ?? 0) })),
  }
}

/**
 * Runs the engine on the program's frozen snapshot and stores a draft run: the market file, the options,
 * the result file and their digests, with the engine version. Rank lists must be frozen first.
 */
export async function createMatchRun(
  context: ServiceContext,
  programId: string,
  request: MatchRunRequest,
): Promise<MatchRunSummary> {
  const { db, actor } = context
  requireRole(actor, 'operator')
  const program = await getProgram(context, programId)
  if (!isRankingFrozen(program.phase)) {
    throw new AppError('phase_closed', 'freeze the rank lists (phase ranking_freeze) before running a match')
  }
  const config = program.matchingConfig as MatchingConfig
  // The round a new run belongs to: one more than the last published round, or 1.
  const round = request.round ?? (await findLastPublishedRound(db, programId)) + 1
  if (await findPublishedRunId(db, programId, round))
    throw new AppError('conflict', `round ${round} has been published already; run round ${round + 1}`)
  if (round > 1 && !(await findPublishedRunId(db, programId, round - 1)))
    throw new AppError('conflict', `publish round ${round - 1} before running round ${round}`)
  const extraSeats = request.extraSeats ?? {}
  const mechanism = request.mechanism ?? config.mechanism
  const market = applyExtraSeats(
    await buildProgramMarket(db, programId, { round, isScored: mechanism === 'max-fit' }),
    extraSeats,
  )
  const options: StoredOptions = {
    mechanism,
    seed: request.seed ?? config.tieBreakSeed,
    // Stable improvement cycles refine candidate-proposing results only.
    improve: request.improve ?? (mechanism === 'candidate-proposing' && config.stableImprovementCycles),
    round,
    extraSeats,
  }
  const marketText = `${JSON.stringify(market, null, 1)}\n`
  const resultText = solveMarketFile(marketText, options)
  const row = await db
    .insertInto('matchRun')
    .values({
      programId,
      round,
      mechanism: options.mechanism ?? 'candidate-proposing',
      seed: options.seed ?? 1,
      status: 'draft',
      engineVersion: ENGINE_VERSION,
      market: marketText,
      result: resultText,
      marketSha256: sha256(marketText),
      resultSha256: sha256(resultText),
      options: JSON.stringify(options),
      createdBy: actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  if (program.phase === 'ranking_freeze') {
    await db.updateTable('program').set({ phase: 'match' }).where('id', '=', programId).execute()
  }
  return summariseMatchRun(db, row)
}
