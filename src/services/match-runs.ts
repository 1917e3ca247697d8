import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import {
  AppError,
  type MatchingConfig,
  type MatchRunSummary,
  type NextRoundPreview,
  type OfferSummary,
  type RoundOffers,
  type RunAssignment,
  type RunAssignments,
  type RunComparison,
} from '../domain/index.ts'
import {
  ENGINE_VERSION,
  type Market,
  type MatchingOptions,
  type MatchingResult,
  type Mechanism,
  parseMarket,
  solveMatching,
} from '../matching/index.ts'
import type { Database } from '../store/index.ts'
import { hubIdOf, requireRole } from './access/index.ts'
import { recordAudit } from './audit/index.ts'
import { buildProgramMarket } from './build-program-market.ts'
import { preferredCandidateLocale } from './invitations/preferred-locale.ts'
import { type OutgoingNotification, queueNotifications } from './notifications/index.ts'
import { getProgram } from './programs/index.ts'
import { isRankingFrozen } from './rankings/index.ts'
import type { ServiceContext } from './service-context.ts'

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

/** The options stored with a run; with the market file they reproduce it byte for byte. */
interface StoredOptions extends MatchingOptions {
  readonly round: number
  readonly extraSeats: Readonly<Record<string, number>>
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** Runs the engine on a market file's text with stored options: the one code path for runs and re-runs. */
function solveFile(marketText: string, options: StoredOptions): string {
  const market = parseMarket(marketText)
  const result = solveMatching(market, {
    mechanism: options.mechanism,
    seed: options.seed,
    improve: options.improve,
    explain: true,
  })
  return `${JSON.stringify(result, null, 1)}\n`
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

async function loadRun(db: Kysely<Database>, hubId: string, runId: string) {
  const run = await db
    .selectFrom('matchRun')
    .innerJoin('program', 'program.id', 'matchRun.programId')
    .selectAll('matchRun')
    .where('matchRun.id', '=', runId)
    .where('program.hubId', '=', hubId)
    .executeTakeFirst()
  if (!run) throw new AppError('not_found', `no match run ${runId}`)
  return run
}

/** Name and nationality of the candidates with these ids (none asked, no query). */
async function loadPeople(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db.selectFrom('candidate').select(['id', 'fullName', 'nationality']).where('id', 'in', ids).execute()
}

async function summarise(
  db: Kysely<Database>,
  run: Awaited<ReturnType<typeof loadRun>>,
): Promise<MatchRunSummary> {
  const result = JSON.parse(run.result) as MatchingResult
  const market = JSON.parse(run.market) as Market
  const options = JSON.parse(run.options) as StoredOptions
  const candidateIds = market.candidates.map((c) => c.id)
  const nationalityOf = new Map((await loadPeople(db, candidateIds)).map((row) => [row.id, row.nationality]))
  const matched = new Set(result.assignments.map((a) => a.candidate))
  const countries = new Map<string, { candidates: number; matched: number }>()
  for (const id of candidateIds) {
    const country = nationalityOf.get(id) ?? '??'
    const entry = countries.get(country) ?? { candidates: 0, matched: 0 }
    entry.candidates++
    if (matched.has(id)) entry.matched++
    countries.set(country, entry)
  }
  const positionIds = market.positions.map((p) => p.id)
  const companyRows =
    positionIds.length === 0
      ? []
      : await db
          .selectFrom('position')
          .innerJoin('company', 'company.id', 'position.companyId')
          .select(['position.id', 'position.title', 'company.id as companyId', 'company.name'])
          .where('position.id', 'in', positionIds)
          .execute()
  const companyOf = new Map(companyRows.map((row) => [row.id, row]))
  const companies = new Map<
    string,
    { companyId: string; companyName: string; seats: number; filled: number }
  >()
  for (const outcome of result.positions) {
    const company = companyOf.get(outcome.position)
    if (!company) continue
    const entry = companies.get(company.companyId) ?? {
      companyId: company.companyId,
      companyName: company.name,
      seats: 0,
      filled: 0,
    }
    entry.seats += outcome.capacity
    entry.filled += outcome.filled
    companies.set(company.companyId, entry)
  }
  return {
    id: run.id,
    programId: run.programId,
    round: run.round,
    mechanism: run.mechanism,
    seed: run.seed,
    status: run.status,
    engineVersion: run.engineVersion,
    createdAt: run.createdAt.toISOString(),
    publishedAt: run.publishedAt?.toISOString() ?? null,
    marketSha256: run.marketSha256,
    resultSha256: run.resultSha256,
    extraSeats: options.extraSeats,
    statistics: result.statistics,
    byCountry: [...countries.entries()]
      .map(([country, value]) => ({ country, ...value }))
      .sort((a, b) => b.candidates - a.candidates || a.country.localeCompare(b.country)),
    byCompany: [...companies.values()].sort((a, b) => a.companyName.localeCompare(b.companyName)),
    byPosition: result.positions
      .map((outcome) => ({
        positionId: outcome.position,
        title: companyOf.get(outcome.position)?.title ?? outcome.position,
        companyName: companyOf.get(outcome.position)?.name ?? '',
        seats: outcome.capacity,
        filled: outcome.filled,
        cutoffRank: outcome.cutoffRank,
      }))
      .sort(
        (a, b) =>
          a.companyName.localeCompare(b.companyName) ||
          a.title.localeCompare(b.title) ||
          a.positionId.localeCompare(b.positionId),
      ),
  }
}

/** The round a new run belongs to: one more than the last published round, or 1. */
async function nextRound(db: Kysely<Database>, programId: string): Promise<number> {
  const row = await db
    .selectFrom('matchRun')
    .select((eb) => eb.fn.max('round').as('round'))
    .where('programId', '=', programId)
    .where('status', '=', 'published')
    .executeTakeFirst()
  return (row?.round ?? 0) + 1
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
  const round = request.round ?? (await nextRound(db, programId))
  const published = await db
    .selectFrom('matchRun')
    .select('id')
    .where('programId', '=', programId)
    .where('round', '=', round)
    .where('status', '=', 'published')
    .executeTakeFirst()
  if (published)
    throw new AppError('conflict', `round ${round} has been published already; run round ${round + 1}`)
  if (round > 1) {
    const previous = await db
      .selectFrom('matchRun')
      .select('id')
      .where('programId', '=', programId)
      .where('round', '=', round - 1)
      .where('status', '=', 'published')
      .executeTakeFirst()
    if (!previous) throw new AppError('conflict', `publish round ${round - 1} before running round ${round}`)
  }
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
  const resultText = solveFile(marketText, options)
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
  return summarise(db, row)
}

/** A program's match runs, newest first (operator). */
export async function listMatchRuns(context: ServiceContext, programId: string): Promise<MatchRunSummary[]> {
  requireRole(context.actor, 'operator')
  await getProgram(context, programId)
  const rows = await context.db
    .selectFrom('matchRun')
    .selectAll()
    .where('programId', '=', programId)
    .orderBy('createdAt', 'desc')
    .execute()
  return Promise.all(rows.map((row) => summarise(context.db, row)))
}

/** One run's summary (operator). */
export async function getMatchRun(context: ServiceContext, runId: string): Promise<MatchRunSummary> {
  requireRole(context.actor, 'operator')
  return summarise(context.db, await loadRun(context.db, hubIdOf(context.actor), runId))
}

/** The stored market or result file of a run, byte for byte (operator). */
export async function getMatchRunFile(context: ServiceContext, runId: string, file: 'market' | 'result') {
  requireRole(context.actor, 'operator')
  const run = await loadRun(context.db, hubIdOf(context.actor), runId)
  return { text: file === 'market' ? run.market : run.result, fileName: `ieum-${file}-${run.id}.json` }
}

/** Runs a stored run again from its market file and options; the result must be identical byte for byte. */
export async function rerunMatchRun(context: ServiceContext, runId: string) {
  requireRole(context.actor, 'operator')
  const run = await loadRun(context.db, hubIdOf(context.actor), runId)
  const resultText = solveFile(run.market, JSON.parse(run.options) as StoredOptions)
  const digest = sha256(resultText)
  return {
    runId,
    isIdentical: resultText === run.result,
    storedResultSha256: run.resultSha256,
    rerunResultSha256: digest,
    engineVersion: ENGINE_VERSION,
    storedEngineVersion: run.engineVersion,
  }
}

/** Who would move between two runs of the same program (a what-if view). */
export async function compareMatchRuns(
  context: ServiceContext,
  baseRunId: string,
  otherRunId: string,
): Promise<RunComparison> {
  requireRole(context.actor, 'operator')
  const hubId = hubIdOf(context.actor)
  const [base, other] = [
    await loadRun(context.db, hubId, baseRunId),
    await loadRun(context.db, hubId, otherRunId),
  ]
  if (base.programId !== other.programId)
    throw new AppError('validation_failed', 'compare runs of the same program')
  const baseResult = JSON.parse(base.result) as MatchingResult
  const otherResult = JSON.parse(other.result) as MatchingResult
  const basePlace = new Map(baseResult.assignments.map((a) => [a.candidate, a.position]))
  const otherPlace = new Map(otherResult.assignments.map((a) => [a.candidate, a.position]))
  const baseRank = new Map(baseResult.explanations.map((e) => [e.candidate, e.choiceRank]))
  const otherRank = new Map(otherResult.explanations.map((e) => [e.candidate, e.choiceRank]))
  const ids = [...new Set([...basePlace.keys(), ...otherPlace.keys()])].sort()
  const moved = ids.filter((id) => basePlace.get(id) !== otherPlace.get(id))
  const names = await loadPeople(context.db, moved)
  const nameOf = new Map(names.map((row) => [row.id, row.fullName]))
  const nationalityOf = new Map(names.map((row) => [row.id, row.nationality]))
  const positionIds = [
    ...new Set(
      moved.flatMap((id) => [basePlace.get(id), otherPlace.get(id)]).filter((p): p is string => !!p),
    ),
  ]
  const positions =
    positionIds.length === 0
      ? []
      : await context.db
          .selectFrom('position')
          .innerJoin('company', 'company.id', 'position.companyId')
          .select(['position.id', 'position.title', 'company.name as companyName'])
          .where('position.id', 'in', positionIds)
          .execute()
  const label = new Map(positions.map((p) => [p.id, `${p.companyName} — ${p.title}`]))
  return {
    base: await summarise(context.db, base),
    other: await summarise(context.db, other),
    moves: moved.map((id) => ({
      candidateId: id,
      fullName: nameOf.get(id) ?? id,
      nationality: nationalityOf.get(id) ?? null,
      from: basePlace.get(id) ?? null,
      fromLabel: label.get(basePlace.get(id) ?? '') ?? null,
      /** The choice (1 = first) the candidate gets in the base run; null when unmatched or not ranked. */
      fromRank: basePlace.has(id) ? (baseRank.get(id) ?? null) : null,
      to: otherPlace.get(id) ?? null,
      toLabel: label.get(otherPlace.get(id) ?? '') ?? null,
      toRank: otherPlace.has(id) ? (otherRank.get(id) ?? null) : null,
    })),
  }
}

function acceptanceDeadline(timeline: readonly { phase: string; startsOn: string }[]): string {
  return timeline.find((step) => step.phase === 'acceptance_deadline')?.startsOn ?? ''
}

/**
 * Publishes a draft: it becomes the round's result, other drafts of the round are superseded, every
 * assignment becomes an offer, and every candidate and company is notified — nobody is left without an outcome.
 */
export async function publishMatchRun(context: ServiceContext, runId: string): Promise<MatchRunSummary> {
  const { db, actor } = context
  requireRole(actor, 'operator')
  const run = await loadRun(db, hubIdOf(actor), runId)
  if (run.status !== 'draft') throw new AppError('conflict', `run ${runId} is ${run.status}, not a draft`)
  const already = await db
    .selectFrom('matchRun')
    .select('id')
    .where('programId', '=', run.programId)
    .where('round', '=', run.round)
    .where('status', '=', 'published')
    .executeTakeFirst()
  if (already) throw new AppError('conflict', `round ${run.round} has been published already`)
  const program = await getProgram(context, run.programId)
  const result = JSON.parse(run.result) as MatchingResult
  const market = JSON.parse(run.market) as Market
  const now = context.now()
  await db
    .updateTable('matchRun')
    .set({ status: 'published', publishedAt: now })
    .where('id', '=', runId)
    .execute()
  await db
    .updateTable('matchRun')
    .set({ status: 'superseded' })
    .where('programId', '=', run.programId)
    .where('round', '=', run.round)
    .where('status', '=', 'draft')
    .execute()
  if (result.assignments.length > 0) {
    await db
      .insertInto('placement')
      .values(
        result.assignments.map((a) => ({
          programId: run.programId,
          matchRunId: run.id,
          candidateId: a.candidate,
          positionId: a.position,
          status: 'offered',
          round: run.round,
          decidedAt: null,
        })),
      )
      .execute()
  }
  await db
    .updateTable('program')
    .set({ phase: run.round === 1 ? 'acceptance_deadline' : 'second_round' })
    .where('id', '=', run.programId)
    .execute()

  // Notifications: every candidate of the market, and every company with seats in it.
  const candidateIds = market.candidates.map((c) => c.id)
  const people =
    candidateIds.length === 0
      ? []
      : await db
          .selectFrom('candidate')
          .leftJoin('authUser', 'authUser.id', 'candidate.userId')
          .select([
            'candidate.id',
            'candidate.fullName',
            'candidate.email',
            'candidate.userId',
            'authUser.locale',
            'candidate.nationality',
            'candidate.languages',
          ])
          .where('candidate.id', 'in', candidateIds)
          .execute()
  const positionRows = await db
    .selectFrom('position')
    .innerJoin('company', 'company.id', 'position.companyId')
    .select(['position.id', 'position.title', 'company.id as companyId', 'company.name as companyName'])
    .where('position.id', 'in', market.positions.length === 0 ? [''] : market.positions.map((p) => p.id))
    .execute()
  const positionOf = new Map(positionRows.map((row) => [row.id, row]))
  const explanationOf = new Map(result.explanations.map((e) => [e.candidate, e]))
  const deadline = acceptanceDeadline(program.timeline)
  const hubId = hubIdOf(actor)
  const outgoing: OutgoingNotification[] = people.map((person): OutgoingNotification => {
    const explanation = explanationOf.get(person.id)
    const position = explanation?.position ? positionOf.get(explanation.position) : undefined
    // Without a login: the language they read best, as their invitation was written in.
    const locale = person.locale ?? preferredCandidateLocale(person)
    if (!position) {
      return {
        hubId,
        userId: person.userId,
        email: person.email,
        locale,
        kind: 'match_unmatched',
        params: { name: person.fullName, program: program.title, round: run.round },
        link: `/programs/${program.id}/result`,
      }
    }
    return {
      hubId,
      userId: person.userId,
      email: person.email,
      locale,
      kind: run.round === 1 ? 'match_placed' : 'second_round_placed',
      params: {
        name: person.fullName,
        program: program.title,
        company: position.companyName,
        position: position.title,
        choice: explanation?.choiceRank ?? '-',
        deadline: deadline || '-',
      },
      link: `/programs/${program.id}/result`,
    }
  })
  const filledByCompany = new Map<string, number>()
  for (const a of result.assignments) {
    const companyId = positionOf.get(a.position)?.companyId
    if (companyId) filledByCompany.set(companyId, (filledByCompany.get(companyId) ?? 0) + 1)
  }
  const companyIds = [...new Set(positionRows.map((p) => p.companyId))]
  const members =
    companyIds.length === 0
      ? []
      : await db
          .selectFrom('roleGrant')
          .innerJoin('authUser', 'authUser.id', 'roleGrant.userId')
          .innerJoin('company', 'company.id', 'roleGrant.companyId')
          .select([
            'authUser.id',
            'authUser.email',
            'authUser.locale',
            'company.id as companyId',
            'company.name',
          ])
          .where('roleGrant.companyId', 'in', companyIds)
          .execute()
  for (const member of members) {
    outgoing.push({
      hubId,
      userId: member.id,
      email: member.email,
      locale: member.locale ?? 'ko',
      kind: 'company_results',
      params: {
        program: program.title,
        company: member.name,
        count: filledByCompany.get(member.companyId) ?? 0,
      },
      link: `/programs/${program.id}/company-results`,
    })
  }
  if (run.round === 1) {
    // Applicants found not eligible are not in the market; the announcement tells them too, so that every
    // applicant hears an outcome (their program page shows the rules they did not meet, and why).
    const ineligible = await db
      .selectFrom('application')
      .innerJoin('candidate', 'candidate.id', 'application.candidateId')
      .leftJoin('authUser', 'authUser.id', 'candidate.userId')
      .select([
        'candidate.fullName',
        'candidate.email',
        'candidate.userId',
        'authUser.locale',
        'candidate.nationality',
        'candidate.languages',
      ])
      .where('application.programId', '=', run.programId)
      .where('application.status', '=', 'ineligible')
      .execute()
    for (const person of ineligible) {
      outgoing.push({
        hubId,
        userId: person.userId,
        email: person.email,
        locale: person.locale ?? preferredCandidateLocale(person),
        kind: 'application_ineligible',
        params: { name: person.fullName, program: program.title },
        link: `/programs/${program.id}`,
      })
    }
  }
  await queueNotifications(db, outgoing)
  await recordAudit(db, actor, [
    {
      action: 'update',
      entityType: 'match_run',
      entityId: runId,
      detail: { published: true, placements: result.assignments.length },
    },
  ])
  return summarise(db, await loadRun(db, hubId, runId))
}

/** A run's placements and unmatched candidates with names (operator; audited: personal data). */
export async function listRunAssignments(context: ServiceContext, runId: string): Promise<RunAssignments> {
  const { db, actor } = context
  requireRole(actor, 'operator')
  const run = await loadRun(db, hubIdOf(actor), runId)
  const result = JSON.parse(run.result) as MatchingResult
  const market = JSON.parse(run.market) as Market
  const candidateIds = market.candidates.map((c) => c.id)
  const people = await loadPeople(db, candidateIds)
  const personOf = new Map(people.map((row) => [row.id, row]))
  const positionIds = market.positions.map((p) => p.id)
  const positions =
    positionIds.length === 0
      ? []
      : await db
          .selectFrom('position')
          .innerJoin('company', 'company.id', 'position.companyId')
          .select(['position.id', 'position.title', 'company.name as companyName'])
          .where('position.id', 'in', positionIds)
          .execute()
  const positionOf = new Map(positions.map((row) => [row.id, row]))
  const rankOf = new Map(result.explanations.map((e) => [e.candidate, e.choiceRank]))
  const assignments: RunAssignment[] = result.assignments.map((a) => ({
    candidateId: a.candidate,
    fullName: personOf.get(a.candidate)?.fullName ?? a.candidate,
    nationality: personOf.get(a.candidate)?.nationality ?? null,
    positionId: a.position,
    positionTitle: positionOf.get(a.position)?.title ?? a.position,
    companyName: positionOf.get(a.position)?.companyName ?? '',
    choiceRank: rankOf.get(a.candidate) ?? null,
  }))
  assignments.sort(
    (a, b) =>
      a.companyName.localeCompare(b.companyName) ||
      a.positionTitle.localeCompare(b.positionTitle) ||
      a.fullName.localeCompare(b.fullName),
  )
  const unmatched = result.unmatched
    .map((u) => ({
      candidateId: u.candidate,
      fullName: personOf.get(u.candidate)?.fullName ?? u.candidate,
      nationality: personOf.get(u.candidate)?.nationality ?? null,
      reason: u.reason,
    }))
    .sort((a, b) => a.fullName.localeCompare(b.fullName))
  await recordAudit(db, actor, [
    {
      action: 'read',
      entityType: 'match_run',
      entityId: runId,
      detail: { assignments: assignments.length, unmatched: unmatched.length },
    },
  ])
  return { runId, round: run.round, status: run.status, assignments, unmatched }
}

const AFTER_DEADLINE_PHASES: readonly string[] = ['second_round', 'running', 'closed']

/**
 * The answers to a program's offers round by round, and a preview of the next round built from the same
 * snapshot a run would use: accepted placements and pending offers keep their seats, candidates who
 * declined leave, every other eligible applicant without a placement takes part.
 */
export async function getOfferSummary(context: ServiceContext, programId: string): Promise<OfferSummary> {
  const { db, actor } = context
  requireRole(actor, 'operator')
  const program = await getProgram(context, programId)
  const runs = await db
    .selectFrom('matchRun')
    .select(['id', 'round', 'publishedAt'])
    .where('programId', '=', programId)
    .where('status', '=', 'published')
    .orderBy('round')
    .execute()
  const placements = await db
    .selectFrom('placement')
    .select(['matchRunId', 'positionId', 'status'])
    .where('programId', '=', programId)
    .execute()
  const rounds: RoundOffers[] = runs.map((run) => {
    const own = placements.filter((p) => p.matchRunId === run.id)
    const count = (status: string) => own.filter((p) => p.status === status).length
    return {
      round: run.round,
      runId: run.id,
      publishedAt: run.publishedAt?.toISOString() ?? null,
      offers: own.length,
      accepted: count('accepted'),
      declined: count('declined'),
      pending: count('offered'),
      expired: count('expired'),
    }
  })
  const deadline = acceptanceDeadline(program.timeline) || null
  const today = context.now().toISOString().slice(0, 10)
  const isDeadlinePassed =
    AFTER_DEADLINE_PHASES.includes(program.phase) || (deadline !== null && deadline < today)
  let nextRound: NextRoundPreview | null = null
  const last = rounds.at(-1)
  if (last) {
    const round = last.round + 1
    const market = await buildProgramMarket(db, programId, { round })
    const labels =
      market.positions.length === 0
        ? []
        : await db
            .selectFrom('position')
            .innerJoin('company', 'company.id', 'position.companyId')
            .select(['position.id', 'position.title', 'company.name as companyName'])
            .where(
              'position.id',
              'in',
              market.positions.map((p) => p.id),
            )
            .execute()
    const labelOf = new Map(labels.map((row) => [row.id, row]))
    const declinedAt = new Map<string, number>()
    for (const p of placements)
      if (p.status === 'declined') declinedAt.set(p.positionId, (declinedAt.get(p.positionId) ?? 0) + 1)
    const drafts = await db
      .selectFrom('matchRun')
      .select('id')
      .where('programId', '=', programId)
      .where('round', '=', round)
      .where('status', '=', 'draft')
      .execute()
    nextRound = {
      round,
      candidates: market.candidates.length,
      seats: market.positions.reduce((sum, p) => sum + p.capacity, 0),
      acceptedKept: placements.filter((p) => p.status === 'accepted').length,
      pendingKept: placements.filter((p) => p.status === 'offered').length,
      declinedExcluded: placements.filter((p) => p.status === 'declined').length,
      drafts: drafts.length,
      positions: market.positions
        .filter((p) => p.capacity > 0)
        .map((p) => ({
          positionId: p.id,
          title: labelOf.get(p.id)?.title ?? p.id,
          companyName: labelOf.get(p.id)?.companyName ?? '',
          freeSeats: p.capacity,
          declined: declinedAt.get(p.id) ?? 0,
        }))
        .sort(
          (a, b) =>
            b.declined - a.declined ||
            a.companyName.localeCompare(b.companyName) ||
            a.title.localeCompare(b.title),
        ),
    }
  }
  return {
    programId,
    phase: program.phase,
    acceptanceDeadline: deadline,
    isDeadlinePassed,
    rounds,
    nextRound,
  }
}
