import { sql } from 'kysely'
import type { EligibilityCheckSummary } from '../../domain/index.ts'
import { requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { evaluateProgramApplications, loadRules } from './evaluate-program-applications.ts'

/** Rows per batched update: 3 parameters a row stays far below PostgreSQL's 65,535. */
export const UPDATE_BATCH = 1000

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
