import { sql } from 'kysely'
import {
  AppError,
  type Application,
  type ApplicationEligibility,
  type EligibilityCheckSummary,
  type EligibilityRule,
  type EligibilityRulesPreview,
  type EligibilityVerdict,
  type Program,
} from '../../domain/index.ts'
import { findProgramPositionSpan, loadProgramEligibilityRules, toCandidate } from '../../store/index.ts'
import { candidateIdOf, hubIdOf, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { evaluateEligibility } from './evaluate-eligibility.ts'

/** Rows per batched update: 3 parameters a row stays far below PostgreSQL's 65,535. */
const UPDATE_BATCH = 1000

/** The signed-in candidate's own eligibility for one program. */
export interface OwnEligibility {
  readonly programId: string
  readonly applicationId: string
  /** The final answer: `eligible` or `ineligible` once checked (an operator override wins), else `submitted`. */
  readonly status: Application['status']
  readonly isOverridden: boolean
  /** The rules' verdict with every reason, or null before the first check. */
  readonly verdict: EligibilityVerdict | null
}

async function loadRules({ db }: ServiceContext, programId: string): Promise<EligibilityRule[]> {
  return loadProgramEligibilityRules(db, programId)
}

/** When the program runs: its positions' earliest start and latest end, else its timeline's running phase. */
async function findProgramDates({ db }: ServiceContext, program: Program) {
  const span = await findProgramPositionSpan(db, program.id)
  const stepDate = (phase: Program['phase']) =>
    program.timeline.find((step) => step.phase === phase)?.startsOn
  return {
    programStart: span.start ?? stepDate('running') ?? null,
    programEnd: span.end ?? stepDate('closed') ?? null,
  }
}

/** Replaces a program's eligibility rules (operator). Returns the stored rules. */
export async function setEligibilityRules(
  context: ServiceContext,
  programId: string,
  rules: readonly EligibilityRule[],
): Promise<EligibilityRule[]> {
  requireRole(context.actor, 'operator')
  await getProgram(context, programId)
  await context.db
    .updateTable('program')
    .set({ eligibilityRules: JSON.stringify(rules) })
    .where('id', '=', programId)
    .execute()
  await recordAudit(context.db, context.actor, [
    {
      action: 'update',
      entityType: 'program',
      entityId: programId,
      detail: { eligibilityRules: rules.length },
    },
  ])
  return [...rules]
}

/** A program's eligibility rules, for anyone taking part in it (calls are public). */
export async function getEligibilityRules(
  context: ServiceContext,
  programId: string,
): Promise<EligibilityRule[]> {
  await getProgram(context, programId)
  return loadRules(context, programId)
}

/** A verdict for every application that is not withdrawn, under `rules`, without storing anything. */
async function evaluateProgramApplications(
  context: ServiceContext,
  program: Program,
  rules: readonly EligibilityRule[],
  options: { referenceDate?: string | undefined },
) {
  const { programStart, programEnd } = await findProgramDates(context, program)
  const referenceDate =
    options.referenceDate ??
    program.timeline.find((step) => step.phase === 'eligibility_check')?.startsOn ??
    // Today in UTC, `YYYY-MM-DD`, by the context's clock.
    context.now().toISOString().slice(0, 10)
  const rows = await context.db
    .selectFrom('application')
    .innerJoin('candidate', 'candidate.id', 'application.candidateId')
    .selectAll('candidate')
    .select([
      'application.id as applicationId',
      'application.status as applicationStatus',
      'application.overrideReason',
    ])
    .where('application.programId', '=', program.id)
    .where('application.status', '!=', 'withdrawn')
    .orderBy('application.id')
    .execute()
  const evaluationOptions = {
    referenceDate,
    ...(programStart !== null && { programStart }),
    ...(programEnd !== null && { programEnd }),
  }
  const outcomes = rows.map(({ applicationId, applicationStatus, overrideReason, ...candidate }) => {
    const verdict = evaluateEligibility(toCandidate(candidate), rules, evaluationOptions)
    const isOverridden = overrideReason !== null
    const status = isOverridden ? applicationStatus : verdict.isEligible ? 'eligible' : 'ineligible'
    return { applicationId, previousStatus: applicationStatus, verdict, isOverridden, status }
  })
  return { referenceDate, programStart, programEnd, outcomes }
}

/**
 * Evaluates every application that is not withdrawn against the program's rules (operator): stores each
 * verdict and sets the status to eligible or ineligible, except where an operator override is recorded,
 * which keeps its status (its verdict is still refreshed). The reference date defaults to the timeline's
 * eligibility-check day, else today, so that re-checking later gives the same answer.
 */
export async function checkProgramEligibility(
  context: ServiceContext,
  programId: string,
  options: { referenceDate?: string } = {},
): Promise<EligibilityCheckSummary> {
  const { db, actor } = context
  requireRole(actor, 'operator')
  const program = await getProgram(context, programId)
  const rules = await loadRules(context, programId)
  const { referenceDate, programStart, programEnd, outcomes } = await evaluateProgramApplications(
    context,
    program,
    rules,
    options,
  )
  const updates = outcomes.map((outcome) => ({
    id: outcome.applicationId,
    verdict: JSON.stringify(outcome.verdict),
    status: outcome.status,
  }))
  for (let start = 0; start < updates.length; start += UPDATE_BATCH) {
    const values = updates
      .slice(start, start + UPDATE_BATCH)
      .map((row) => sql`(${row.id}::uuid, ${row.verdict}::jsonb, ${row.status})`)
    // One statement per batch; the override test is repeated here so a concurrent override is never undone.
    await sql`
      update application as a
      set eligibility = v.verdict,
          status = case when a.override_reason is null then v.status else a.status end
      from (values ${sql.join(values)}) as v(id, verdict, status)
      where a.id = v.id`.execute(db)
  }
  await recordAudit(db, actor, [
    {
      action: 'update',
      entityType: 'application',
      entityId: null,
      detail: { programId, eligibilityCheck: outcomes.length, referenceDate },
    },
  ])
  const eligible = outcomes.filter((outcome) => outcome.status === 'eligible').length
  return {
    programId,
    referenceDate,
    programStart,
    programEnd,
    checked: outcomes.length,
    eligible,
    ineligible: outcomes.length - eligible,
    overridden: outcomes.filter((outcome) => outcome.isOverridden).length,
  }
}

/**
 * Evaluates a draft rule set against every application without storing anything (operator), so that an
 * operator sees the effect of a change before saving it.
 */
export async function previewEligibilityRules(
  context: ServiceContext,
  programId: string,
  rules: readonly EligibilityRule[],
  options: { referenceDate?: string } = {},
): Promise<EligibilityRulesPreview> {
  requireRole(context.actor, 'operator')
  const program = await getProgram(context, programId)
  const { referenceDate, programStart, programEnd, outcomes } = await evaluateProgramApplications(
    context,
    program,
    rules,
    options,
  )
  const eligible = outcomes.filter((outcome) => outcome.status === 'eligible').length
  const changes = outcomes.filter((outcome) => outcome.status !== outcome.previousStatus)
  return {
    programId,
    referenceDate,
    programStart,
    programEnd,
    checked: outcomes.length,
    eligible,
    ineligible: outcomes.length - eligible,
    overridden: outcomes.filter((outcome) => outcome.isOverridden).length,
    changed: changes.length,
    becomeEligible: changes.filter((outcome) => outcome.status === 'eligible').length,
    becomeIneligible: changes.filter((outcome) => outcome.status === 'ineligible').length,
  }
}

async function loadApplicationEligibility(
  { db, actor }: ServiceContext,
  where: { programId?: string; applicationId?: string },
): Promise<ApplicationEligibility[]> {
  let query = db
    .selectFrom('application')
    .innerJoin('program', 'program.id', 'application.programId')
    .innerJoin('candidate', 'candidate.id', 'application.candidateId')
    .leftJoin('authUser', 'authUser.id', 'application.overriddenBy')
    .select([
      'application.id as applicationId',
      'application.candidateId',
      'candidate.fullName',
      'candidate.nationality',
      'application.status',
      'application.eligibility',
      'application.overrideReason',
      'application.overriddenBy',
      'authUser.name as overriddenByName',
    ])
    .where('program.hubId', '=', hubIdOf(actor))
  if (where.programId !== undefined) query = query.where('application.programId', '=', where.programId)
  if (where.applicationId !== undefined) query = query.where('application.id', '=', where.applicationId)
  const rows = await query.orderBy('candidate.fullName').orderBy('application.id').execute()
  const decidedAt = await findOverrideTimes(
    db,
    rows.filter((row) => row.overrideReason !== null).map((row) => row.applicationId),
  )
  return rows.map(({ eligibility, overriddenByName, ...row }) => {
    const isOverridden = row.overrideReason !== null
    return {
      ...row,
      status: row.status as Application['status'],
      verdict: (eligibility ?? null) as EligibilityVerdict | null,
      isOverridden,
      overriddenByName: isOverridden ? (overriddenByName ?? null) : null,
      overriddenAt: isOverridden ? (decidedAt.get(row.applicationId) ?? null) : null,
    }
  })
}

/** When each application's current override was made: its latest override entry in the audit log. */
async function findOverrideTimes(
  db: ServiceContext['db'],
  applicationIds: readonly string[],
): Promise<Map<string, string>> {
  const times = new Map<string, string>()
  for (let start = 0; start < applicationIds.length; start += UPDATE_BATCH) {
    const rows = await db
      .selectFrom('auditLog')
      .select(['entityId', 'at', 'detail'])
      .where('entityType', '=', 'application')
      .where('entityId', 'in', applicationIds.slice(start, start + UPDATE_BATCH))
      .where('action', '=', 'update')
      .orderBy('at', 'desc')
      .execute()
    for (const row of rows) {
      const detail = row.detail as Record<string, unknown>
      if (row.entityId === null || times.has(row.entityId) || !('eligibilityOverride' in detail)) continue
      times.set(row.entityId, row.at.toISOString())
    }
  }
  return times
}

/** Every application's eligibility in a program, for operators and reviewers (audited: personal data). */
export async function listProgramEligibility(
  context: ServiceContext,
  programId: string,
): Promise<ApplicationEligibility[]> {
  requireRole(context.actor, 'operator', 'reviewer')
  await getProgram(context, programId)
  const list = await loadApplicationEligibility(context, { programId })
  await recordAudit(context.db, context.actor, [
    {
      action: 'read',
      entityType: 'application',
      entityId: null,
      detail: { programId, eligibility: list.length },
    },
  ])
  return list
}

/**
 * Sets an application eligible or ineligible by hand (operator), whatever the rules say; the reason and
 * the operator are recorded on the application and in the audit log, and later checks keep the decision.
 */
export async function overrideEligibility(
  context: ServiceContext,
  applicationId: string,
  input: { isEligible: boolean; reason: string },
): Promise<ApplicationEligibility> {
  const { db, actor } = context
  requireRole(actor, 'operator')
  const reason = input.reason.trim()
  if (reason.length < 3 || reason.length > 1000) {
    throw new AppError('validation_failed', 'an override needs a reason of 3 to 1000 characters', [
      { path: 'reason', message: 'must be 3 to 1000 characters' },
    ])
  }
  const [current] = await loadApplicationEligibility(context, { applicationId })
  if (!current) throw new AppError('not_found', `no application ${applicationId}`)
  if (current.status === 'withdrawn')
    throw new AppError('conflict', 'this application was withdrawn; its eligibility cannot be overridden')
  const status = input.isEligible ? 'eligible' : 'ineligible'
  await db
    .updateTable('application')
    .set({ status, overrideReason: reason, overriddenBy: actor.userId })
    .where('id', '=', applicationId)
    .execute()
  await recordAudit(db, actor, [
    {
      action: 'update',
      entityType: 'application',
      entityId: applicationId,
      detail: { eligibilityOverride: status, previousStatus: current.status, reason },
    },
  ])
  const [updated] = await loadApplicationEligibility(context, { applicationId })
  if (!updated) throw new AppError('not_found', `no application ${applicationId}`)
  return updated
}

/**
 * Removes an operator's override (operator): the application's status goes back to what its stored
 * verdict says, or to submitted if it was never checked. The reason is recorded in the audit log.
 */
export async function clearEligibilityOverride(
  context: ServiceContext,
  applicationId: string,
  input: { reason: string },
): Promise<ApplicationEligibility> {
  const { db, actor } = context
  requireRole(actor, 'operator')
  const reason = input.reason.trim()
  const [current] = await loadApplicationEligibility(context, { applicationId })
  if (!current) throw new AppError('not_found', `no application ${applicationId}`)
  if (!current.isOverridden) throw new AppError('conflict', 'this application has no override to remove')
  if (current.status === 'withdrawn')
    throw new AppError('conflict', 'this application was withdrawn; its eligibility cannot be changed')
  const status =
    current.verdict === null ? 'submitted' : current.verdict.isEligible ? 'eligible' : 'ineligible'
  await db
    .updateTable('application')
    .set({ status, overrideReason: null, overriddenBy: null })
    .where('id', '=', applicationId)
    .execute()
  await recordAudit(db, actor, [
    {
      action: 'update',
      entityType: 'application',
      entityId: applicationId,
      detail: {
        eligibilityOverrideRemoved: current.status,
        previousReason: current.overrideReason,
        status,
        reason,
      },
    },
  ])
  const [updated] = await loadApplicationEligibility(context, { applicationId })
  if (!updated) throw new AppError('not_found', `no application ${applicationId}`)
  return updated
}

/**
 * The signed-in candidate's eligibility for a program they applied to, with every reason. The operator's
 * override reason is an internal note and is not shown; `isOverridden` says a person decided.
 */
export async function getOwnEligibility(context: ServiceContext, programId: string): Promise<OwnEligibility> {
  const { db, actor } = context
  requireRole(actor, 'candidate')
  const candidateId = candidateIdOf(actor)
  await getProgram(context, programId)
  const row =
    candidateId === null
      ? undefined
      : await db
          .selectFrom('application')
          .select(['id', 'status', 'eligibility', 'overrideReason'])
          .where('programId', '=', programId)
          .where('candidateId', '=', candidateId)
          .executeTakeFirst()
  if (!row) throw new AppError('not_found', `you have not applied to program ${programId}`)
  return {
    programId,
    applicationId: row.id,
    status: row.status as Application['status'],
    isOverridden: row.overrideReason !== null,
    verdict: (row.eligibility ?? null) as EligibilityVerdict | null,
  }
}
