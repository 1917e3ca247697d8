import { sql } from 'kysely'
import {
  AppError,
  type Application,
  type CatalogPosition,
  type Position,
  type Program,
  type ProgramInput,
  type ProgramPatch,
} from '../domain/index.ts'
import {
  fromProgramInput,
  listPositionIdsInHub,
  toApplication,
  toPosition,
  toProgram,
} from '../store/index.ts'
import { candidateIdOf, companyIdsOf, hasRole, hubIdOf, requireRole } from './access/index.ts'
import { recordAudit } from './audit/index.ts'
import type { ServiceContext } from './service-context.ts'

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

/** One program, if the actor takes part in it. */
export async function getProgram(context: ServiceContext, programId: string): Promise<ProgramOverview> {
  const program = (await listPrograms(context)).find((p) => p.id === programId)
  if (!program) throw new AppError('not_found', `no program ${programId}`)
  return program
}

/** Company caps must name companies of the hub (a cap on an unknown id would silently do nothing). */
async function checkCompanyCaps({ db, actor }: ServiceContext, input: Partial<ProgramInput>): Promise<void> {
  const ids = Object.keys(input.matchingConfig?.companyCaps ?? {})
  if (ids.length === 0) return
  const found = await db
    .selectFrom('company')
    .select('id')
    .where('id', 'in', ids)
    .where('hubId', '=', hubIdOf(actor))
    .execute()
  const known = new Set(found.map((row) => row.id))
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length > 0) {
    throw new AppError(
      'validation_failed',
      `company caps name companies that are not in this hub: ${unknown.join(', ')}`,
      unknown.map((id) => ({ path: `body.matchingConfig.companyCaps.${id}`, message: 'no such company' })),
    )
  }
}

/** Creates a program in the operator's hub, in its first phase. */
export async function createProgram(context: ServiceContext, input: ProgramInput): Promise<Program> {
  const { db, actor } = context
  requireRole(actor, 'operator')
  await checkCompanyCaps(context, input)
  const row = await db
    .insertInto('program')
    .values({
      ...fromProgramInput(input),
      hubId: hubIdOf(actor),
      kind: input.kind,
      title: input.title,
      capacity: input.capacity,
      phase: 'call_open',
      matchingConfig: JSON.stringify(input.matchingConfig),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toProgram(row)
}

/** Changes a program's settings or phase (operator). */
export async function updateProgram(
  context: ServiceContext,
  programId: string,
  patch: ProgramPatch,
): Promise<Program> {
  requireRole(context.actor, 'operator')
  await getProgram(context, programId)
  await checkCompanyCaps(context, patch)
  const row = await context.db
    .updateTable('program')
    .set({ ...fromProgramInput(patch), ...(patch.phase !== undefined && { phase: patch.phase }) })
    .where('id', '=', programId)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toProgram(row)
}

/** A position as offered in a program: its seats there and its company's name. */
export interface ProgramPosition extends Position {
  readonly seats: number
  readonly companyName: string
}

/** The positions offered in a program (public to everyone taking part in it). */
export async function listProgramPositions(
  context: ServiceContext,
  programId: string,
): Promise<ProgramPosition[]> {
  await getProgram(context, programId)
  const rows = await context.db
    .selectFrom('programPosition')
    .innerJoin('position', 'position.id', 'programPosition.positionId')
    .innerJoin('company', 'company.id', 'position.companyId')
    .selectAll('position')
    .select(['programPosition.capacity as programCapacity', 'company.name as companyName'])
    .where('programPosition.programId', '=', programId)
    .orderBy('company.name')
    .orderBy('position.title')
    .execute()
  return rows.map(({ programCapacity, companyName, ...row }) => ({
    ...toPosition(row),
    seats: programCapacity ?? row.capacity,
    companyName,
  }))
}

/** Adds positions to a program (operator); a position already in it is left as it is. */
export async function addProgramPositions(
  context: ServiceContext,
  programId: string,
  positionIds: readonly string[],
): Promise<void> {
  requireRole(context.actor, 'operator')
  await getProgram(context, programId)
  if (positionIds.length === 0) return
  const found = await listPositionIdsInHub(context.db, hubIdOf(context.actor), positionIds)
  const missing = positionIds.filter((id) => !found.includes(id))
  if (missing.length > 0) throw new AppError('not_found', `no position ${missing.join(', ')}`)
  await context.db
    .insertInto('programPosition')
    .values(positionIds.map((positionId) => ({ programId, positionId, capacity: null })))
    .onConflict((oc) => oc.columns(['programId', 'positionId']).doNothing())
    .execute()
}

/** Every position of the hub, marked with whether it takes part in the program and with how many seats (operator). */
export async function listPositionCatalog(
  context: ServiceContext,
  programId: string,
): Promise<CatalogPosition[]> {
  requireRole(context.actor, 'operator')
  await getProgram(context, programId)
  const rows = await context.db
    .selectFrom('position')
    .innerJoin('company', 'company.id', 'position.companyId')
    .leftJoin('programPosition', (join) =>
      join
        .onRef('programPosition.positionId', '=', 'position.id')
        .on('programPosition.programId', '=', programId),
    )
    .select([
      'position.id',
      'position.externalKey',
      'position.title',
      'position.kind',
      'position.workMode',
      'position.location',
      'position.capacity',
      'company.id as companyId',
      'company.name as companyName',
      'programPosition.programId as joinedProgramId',
      'programPosition.capacity as programSeats',
    ])
    .where('company.hubId', '=', hubIdOf(context.actor))
    .orderBy('company.name')
    .orderBy('position.title')
    .orderBy('position.id')
    .execute()
  return rows.map(({ joinedProgramId, programSeats, ...row }) => ({
    ...row,
    isInProgram: joinedProgramId !== null,
    programSeats: joinedProgramId !== null ? programSeats : null,
  }))
}

/** One position of a program and its seats (null = the position's own capacity). */
export interface ProgramSeatEntry {
  readonly positionId: string
  readonly seats: number | null
}

/**
 * Sets which positions a program offers and with how many seats: listed positions join or keep taking
 * part with the given seats, others leave. A position that already has placements in the program cannot
 * leave it (`conflict`), so published results keep their seats.
 */
export async function setProgramPositions(
  context: ServiceContext,
  programId: string,
  entries: readonly ProgramSeatEntry[],
): Promise<ProgramPosition[]> {
  const { db, actor } = context
  requireRole(actor, 'operator')
  await getProgram(context, programId)
  const seen = new Map<string, number>()
  const duplicates = entries.flatMap((entry, index) => {
    const first = seen.get(entry.positionId)
    seen.set(entry.positionId, first ?? index)
    return first === undefined
      ? []
      : [{ path: `body.positions.${index}.positionId`, message: `listed twice (also item ${first + 1})` }]
  })
  if (duplicates.length > 0) throw new AppError('validation_failed', 'a position is listed twice', duplicates)
  const ids = entries.map((entry) => entry.positionId)
  const known = new Set(await listPositionIdsInHub(db, hubIdOf(actor), ids))
  const missing = entries.flatMap((entry, index) =>
    known.has(entry.positionId)
      ? []
      : [{ path: `body.positions.${index}.positionId`, message: `no position ${entry.positionId}` }],
  )
  if (missing.length > 0) throw new AppError('not_found', 'some positions do not exist in this hub', missing)

  const current = await db
    .selectFrom('programPosition')
    .select('positionId')
    .where('programId', '=', programId)
    .execute()
  const leaving = current.map((row) => row.positionId).filter((id) => !seen.has(id))
  if (leaving.length > 0) {
    const placed = await db
      .selectFrom('placement')
      .innerJoin('position', 'position.id', 'placement.positionId')
      .select(['position.id', 'position.title'])
      .distinct()
      .where('placement.programId', '=', programId)
      .where('placement.positionId', 'in', leaving)
      .execute()
    if (placed.length > 0) {
      throw new AppError(
        'conflict',
        `positions with placements cannot leave the program: ${placed.map((row) => row.title).join(', ')}`,
        placed.map((row) => ({ path: `position ${row.id}`, message: `${row.title} has placements` })),
      )
    }
    await db
      .deleteFrom('programPosition')
      .where('programId', '=', programId)
      .where('positionId', 'in', leaving)
      .execute()
  }
  if (entries.length > 0) {
    await db
      .insertInto('programPosition')
      .values(entries.map((entry) => ({ programId, positionId: entry.positionId, capacity: entry.seats })))
      .onConflict((conflict) =>
        conflict
          .columns(['programId', 'positionId'])
          .doUpdateSet({ capacity: (eb) => eb.ref('excluded.capacity') })
          .where(sql<boolean>`program_position.capacity is distinct from excluded.capacity`),
      )
      .execute()
  }
  return listProgramPositions(context, programId)
}

/** An application with the applicant's summary. */
export interface ApplicationWithApplicant extends Application {
  readonly fullName: string
  readonly nationality: string
  readonly residenceCountry: string
  readonly skills: unknown
}

/** A program's applications: all for operators and reviewers; for a company, those of the program it
 * takes part in (audited: names are personal data). */
export async function listProgramApplications(
  context: ServiceContext,
  programId: string,
): Promise<ApplicationWithApplicant[]> {
  const { db, actor } = context
  requireRole(actor, 'operator', 'reviewer', 'company')
  await getProgram(context, programId)
  const rows = await db
    .selectFrom('application')
    .innerJoin('candidate', 'candidate.id', 'application.candidateId')
    .selectAll('application')
    .select(['candidate.fullName', 'candidate.nationality', 'candidate.residenceCountry', 'candidate.skills'])
    .where('application.programId', '=', programId)
    .orderBy('candidate.fullName')
    .execute()
  await recordAudit(db, actor, [
    { action: 'read', entityType: 'application', entityId: null, detail: { programId, list: rows.length } },
  ])
  return rows.map(({ fullName, nationality, residenceCountry, skills, ...row }) => ({
    ...toApplication(row),
    fullName,
    nationality,
    residenceCountry,
    skills,
  }))
}

/** The signed-in candidate applies to a program whose call is open. */
export async function applyToProgram(
  context: ServiceContext,
  input: { programId: string; motivation: string },
): Promise<Application> {
  const { db, actor } = context
  requireRole(actor, 'candidate')
  const candidateId = candidateIdOf(actor)
  if (!candidateId) throw new AppError('not_found', 'this account has no candidate profile')
  const program = await getProgram(context, input.programId)
  if (program.phase !== 'call_open') throw new AppError('phase_closed', 'the call for this program is closed')
  const row = await db
    .insertInto('application')
    .values({ programId: input.programId, candidateId, status: 'submitted', motivation: input.motivation })
    .onConflict((oc) => oc.columns(['programId', 'candidateId']).doNothing())
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new AppError('conflict', 'you have applied to this program already')
  await recordAudit(db, actor, [{ action: 'create', entityType: 'application', entityId: row.id }])
  return toApplication(row)
}

/** The signed-in candidate's applications with each program's title and phase. */
export async function listOwnApplications({
  db,
  actor,
}: ServiceContext): Promise<(Application & { programTitle: string; programPhase: string })[]> {
  requireRole(actor, 'candidate')
  const candidateId = candidateIdOf(actor)
  if (!candidateId) return []
  const rows = await db
    .selectFrom('application')
    .innerJoin('program', 'program.id', 'application.programId')
    .selectAll('application')
    .select(['program.title as programTitle', 'program.phase as programPhase'])
    .where('application.candidateId', '=', candidateId)
    .orderBy('application.submittedAt', 'desc')
    .execute()
  return rows.map(({ programTitle, programPhase, ...row }) => ({
    ...toApplication(row),
    programTitle,
    programPhase,
  }))
}
