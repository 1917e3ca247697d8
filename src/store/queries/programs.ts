import type { Kysely } from 'kysely'
import type { EligibilityRule } from '../../domain/index.ts'
import type { Database } from '../database.ts'

/** Id and phase of the program with this id if it belongs to the hub, else undefined. */
export async function findProgramInHub(db: Kysely<Database>, hubId: string, programId: string) {
  return db
    .selectFrom('program')
    .select(['id', 'phase'])
    .where('id', '=', programId)
    .where('hubId', '=', hubId)
    .executeTakeFirst()
}

/** A program's stored eligibility rules (written only through EligibilityRulesSchema, so trusted). */
export async function loadProgramEligibilityRules(
  db: Kysely<Database>,
  programId: string,
): Promise<EligibilityRule[]> {
  const row = await db
    .selectFrom('program')
    .select('eligibilityRules')
    .where('id', '=', programId)
    .executeTakeFirstOrThrow()
  return row.eligibilityRules as EligibilityRule[]
}

/** The earliest start and latest end of a program's positions (null when none has one). */
export async function findProgramPositionSpan(db: Kysely<Database>, programId: string) {
  const span = await db
    .selectFrom('programPosition')
    .innerJoin('position', 'position.id', 'programPosition.positionId')
    .select((eb) => [eb.fn.min('position.startDate').as('start'), eb.fn.max('position.endDate').as('end')])
    .where('programPosition.programId', '=', programId)
    .executeTakeFirst()
  return { start: span?.start ?? null, end: span?.end ?? null }
}
