import { AppError, type Application, type EligibilityVerdict } from '../../domain/index.ts'
import { candidateIdOf, requireRole } from '../access/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'

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
