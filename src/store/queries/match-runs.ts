import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'

/** The stored match run with this id if its program belongs to the hub, else undefined. */
export async function findRunInHub(db: Kysely<Database>, hubId: string, runId: string) {
  return db
    .selectFrom('matchRun')
    .innerJoin('program', 'program.id', 'matchRun.programId')
    .selectAll('matchRun')
    .where('matchRun.id', '=', runId)
    .where('program.hubId', '=', hubId)
    .executeTakeFirst()
}

/** The id of a program's published run of `round`, if one is published. */
export async function findPublishedRunId(
  db: Kysely<Database>,
  programId: string,
  round: number,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('matchRun')
    .select('id')
    .where('programId', '=', programId)
    .where('round', '=', round)
    .where('status', '=', 'published')
    .executeTakeFirst()
  return row?.id
}

/** The highest published round of a program, or 0 before the first publication. */
export async function findLastPublishedRound(db: Kysely<Database>, programId: string): Promise<number> {
  const row = await db
    .selectFrom('matchRun')
    .select((eb) => eb.fn.max('round').as('round'))
    .where('programId', '=', programId)
    .where('status', '=', 'published')
    .executeTakeFirst()
  return row?.round ?? 0
}

/**
 * A program's published runs, first round first, as a query the caller completes with the columns it
 * needs (the market and result files can be large, so nobody reads them by default).
 */
export function selectPublishedRuns(db: Kysely<Database>, programId: string) {
  return db
    .selectFrom('matchRun')
    .where('programId', '=', programId)
    .where('status', '=', 'published')
    .orderBy('round')
}
