import { sql } from 'kysely'
import type { Program } from '../../domain/index.ts'
import { toProgram } from '../../store/index.ts'
import { companyIdsOf, hasRole, hubIdOf } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'

/** A program with the counts its home page shows. */
export interface ProgramOverview extends Program {
  readonly companyCount: number
  readonly positionCount: number
  readonly seatCount: number
  readonly applicationCount: number
}

/** Programs the actor takes part in: every program of the hub for operators, reviewers and candidates
 * (calls are public), and for company members those where their company offers a position. */
export async function listPrograms({ db, actor }: ServiceContext): Promise<ProgramOverview[]> {
  let query = db
    .selectFrom('program')
    .selectAll('program')
    .select((eb) => [
      eb
        .selectFrom('programPosition')
        .innerJoin('position', 'position.id', 'programPosition.positionId')
        .select(sql<number>`count(distinct position.company_id)::int`.as('n'))
        .whereRef('programPosition.programId', '=', 'program.id')
        .as('companyCount'),
      eb
        .selectFrom('programPosition')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('programPosition.programId', '=', 'program.id')
        .as('positionCount'),
      eb
        .selectFrom('programPosition')
        .innerJoin('position', 'position.id', 'programPosition.positionId')
        .select(
          sql<number>`coalesce(sum(coalesce(program_position.capacity, position.capacity)), 0)::int`.as('n'),
        )
        .whereRef('programPosition.programId', '=', 'program.id')
        .as('seatCount'),
      eb
        .selectFrom('application')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('application.programId', '=', 'program.id')
        .as('applicationCount'),
    ])
    .where('program.hubId', '=', hubIdOf(actor))
  if (!hasRole(actor, 'operator') && !hasRole(actor, 'reviewer') && !hasRole(actor, 'candidate')) {
    const own = companyIdsOf(actor)
    if (own.length === 0) return []
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('programPosition')
          .innerJoin('position', 'position.id', 'programPosition.positionId')
          .select('programPosition.positionId')
          .whereRef('programPosition.programId', '=', 'program.id')
          .where('position.companyId', 'in', own),
      ),
    )
  }
  const rows = await query.orderBy('program.createdAt', 'desc').execute()
  return rows.map((row) => ({
    ...toProgram(row),
    companyCount: row.companyCount ?? 0,
    positionCount: row.positionCount ?? 0,
    seatCount: row.seatCount ?? 0,
    applicationCount: row.applicationCount ?? 0,
  }))
}
