import { sql } from 'kysely'
import {
  AppError,
  type Application,
  type Position,
  type Program,
  type ProgramInput,
  type ProgramPhase,
} from '../domain/index.ts'
import { fromProgramInput, toApplication, toPosition, toProgram } from '../store/index.ts'
import { candidateIdOf, companyIdsOf, hasRole, hubIdOf, requireRole } from './access.ts'
import { recordAudit } from './record-audit.ts'
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

/** Creates a program in the operator's hub, in its first phase. */
export async function createProgram({ db, actor }: ServiceContext, input: ProgramInput): Promise<Program> {
  requireRole(actor, 'operator')
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
  patch: Partial<ProgramInput> & { phase?: ProgramPhase },
): Promise<Program> {
  requireRole(context.actor, 'operator')
  await getProgram(context, programId)
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
  const found = await context.db
    .selectFrom('position')
    .innerJoin('company', 'company.id', 'position.companyId')
    .select('position.id')
    .where('position.id', 'in', positionIds)
    .where('company.hubId', '=', hubIdOf(context.actor))
    .execute()
  const missing = positionIds.filter((id) => !found.some((row) => row.id === id))
  if (missing.length > 0) throw new AppError('not_found', `no position ${missing.join(', ')}`)
  await context.db
    .insertInto('programPosition')
    .values(positionIds.map((positionId) => ({ programId, positionId, capacity: null })))
    .onConflict((oc) => oc.columns(['programId', 'positionId']).doNothing())
    .execute()
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
