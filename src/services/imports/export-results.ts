import { AppError } from '../../domain/index.ts'
import type { MatchingResult } from '../../matching/index.ts'
import { hubIdOf } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'
import type { ExportTable, TableColumn } from './format-xlsx.ts'

/** The columns of a results export, one row per candidate of each round's market. */
export const RESULT_COLUMNS: readonly TableColumn[] = [
  { name: 'round', valueType: 'whole_number' },
  { name: 'run_id', valueType: 'key' },
  { name: 'run_status', valueType: 'choice' },
  { name: 'candidate_key', valueType: 'key' },
  { name: 'full_name', valueType: 'text' },
  { name: 'email', valueType: 'email' },
  { name: 'nationality', valueType: 'country' },
  { name: 'outcome', valueType: 'choice' },
  { name: 'company_key', valueType: 'key' },
  { name: 'company_name', valueType: 'text' },
  { name: 'position_key', valueType: 'key' },
  { name: 'position_title', valueType: 'text' },
  { name: 'choice_rank', valueType: 'whole_number' },
  { name: 'placement_status', valueType: 'choice' },
  { name: 'decided_at', valueType: 'text' },
  { name: 'unmatched_reason', valueType: 'choice' },
]

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

type ParsedRun = { id: string; round: number; status: string; outcome: MatchingResult }
type Person = { externalKey: string | null; fullName: string; email: string; nationality: string }
type Seat = { externalKey: string | null; title: string; companyKey: string | null; companyName: string }
type Answer = { status: string; decidedAt: Date | null }

/** The table's rows: per run, the matched (by company, position and name), then the unmatched (by name). */
function resultRowsOf(
  parsed: readonly ParsedRun[],
  personOf: ReadonlyMap<string, Person>,
  seatOf: ReadonlyMap<string, Seat>,
  placementOf: ReadonlyMap<string, Answer>,
): string[][] {
  const rows: string[][] = []
  for (const run of parsed) {
    const rankOf = new Map(run.outcome.explanations.map((entry) => [entry.candidate, entry.choiceRank]))
    const matched = run.outcome.assignments.map((entry) => {
      const person = personOf.get(entry.candidate)
      const seat = seatOf.get(entry.position)
      const placement = placementOf.get(`${run.id}:${entry.candidate}`)
      const rank = rankOf.get(entry.candidate)
      return [
        String(run.round),
        run.id,
        run.status,
        person?.externalKey ?? '',
        person?.fullName ?? entry.candidate,
        person?.email ?? '',
        person?.nationality ?? '',
        'matched',
        seat?.companyKey ?? '',
        seat?.companyName ?? '',
        seat?.externalKey ?? '',
        seat?.title ?? entry.position,
        rank === null || rank === undefined ? '' : String(rank),
        placement?.status ?? '',
        placement?.decidedAt?.toISOString() ?? '',
        '',
      ]
    })
    const unmatched = run.outcome.unmatched.map((entry) => {
      const person = personOf.get(entry.candidate)
      return [
        String(run.round),
        run.id,
        run.status,
        person?.externalKey ?? '',
        person?.fullName ?? entry.candidate,
        person?.email ?? '',
        person?.nationality ?? '',
        'not_matched',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        entry.reason,
      ]
    })
    // Matched by company, position and name; then the unmatched by name.
    matched.sort(
      (a, b) =>
        compareText(a[9]!, b[9]!) ||
        compareText(a[11]!, b[11]!) ||
        compareText(a[4]!, b[4]!) ||
        compareText(a[3]!, b[3]!),
    )
    unmatched.sort((a, b) => compareText(a[4]!, b[4]!) || compareText(a[3]!, b[3]!))
    rows.push(...matched, ...unmatched)
  }
  return rows
}

/**
 * A program's match results as a table: with `runId` that run (a draft shows who would be placed), else
 * every published round. One row per candidate of the round's market: matched (company, position, choice
 * rank, offer status) or not matched with the engine's reason. Audited: it lists personal data.
 */
export async function exportResultsTable(
  context: ServiceContext,
  programId: string | undefined,
  runId: string | undefined,
): Promise<ExportTable> {
  const { db, actor } = context
  if (programId === undefined) {
    throw new AppError('validation_failed', 'a results export needs the program', [
      { path: 'querystring.programId', message: 'required' },
    ])
  }
  let query = db
    .selectFrom('matchRun')
    .innerJoin('program', 'program.id', 'matchRun.programId')
    .select(['matchRun.id', 'matchRun.round', 'matchRun.status', 'matchRun.result'])
    .where('matchRun.programId', '=', programId)
    .where('program.hubId', '=', hubIdOf(actor))
  query =
    runId === undefined
      ? query.where('matchRun.status', '=', 'published')
      : query.where('matchRun.id', '=', runId)
  const runs = await query.orderBy('matchRun.round').execute()
  if (runs.length === 0) {
    if (runId !== undefined) throw new AppError('not_found', `no match run ${runId} in program ${programId}`)
    throw new AppError('conflict', 'no results have been published in this program yet')
  }

  const parsed = runs.map((run) => ({ ...run, outcome: JSON.parse(run.result) as MatchingResult }))
  const candidateIds = new Set<string>()
  const positionIds = new Set<string>()
  for (const run of parsed) {
    for (const entry of run.outcome.assignments) {
      candidateIds.add(entry.candidate)
      positionIds.add(entry.position)
    }
    for (const entry of run.outcome.unmatched) candidateIds.add(entry.candidate)
  }
  const people =
    candidateIds.size === 0
      ? []
      : await db
          .selectFrom('candidate')
          .select(['id', 'externalKey', 'fullName', 'email', 'nationality'])
          .where('id', 'in', [...candidateIds])
          .execute()
  const personOf = new Map(people.map((row) => [row.id, row]))
  const seats =
    positionIds.size === 0
      ? []
      : await db
          .selectFrom('position')
          .innerJoin('company', 'company.id', 'position.companyId')
          .select([
            'position.id',
            'position.externalKey',
            'position.title',
            'company.externalKey as companyKey',
            'company.name as companyName',
          ])
          .where('position.id', 'in', [...positionIds])
          .execute()
  const seatOf = new Map(seats.map((row) => [row.id, row]))
  const placements = await db
    .selectFrom('placement')
    .select(['matchRunId', 'candidateId', 'status', 'decidedAt'])
    .where(
      'matchRunId',
      'in',
      parsed.map((run) => run.id),
    )
    .execute()
  const placementOf = new Map(placements.map((row) => [`${row.matchRunId}:${row.candidateId}`, row]))

  const rows = resultRowsOf(parsed, personOf, seatOf, placementOf)
  await recordAudit(db, actor, [
    {
      action: 'export',
      entityType: 'placement',
      entityId: null,
      detail: {
        kind: 'results',
        programId,
        runIds: parsed.map((run) => run.id),
        rows: rows.length,
      },
    },
  ])
  return { sheet: 'results', columns: RESULT_COLUMNS, rows }
}
