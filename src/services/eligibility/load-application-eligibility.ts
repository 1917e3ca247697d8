import type { Application, ApplicationEligibility, EligibilityVerdict } from '../../domain/index.ts'
import { hubIdOf } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { UPDATE_BATCH } from './check-program-eligibility.ts'

export async function loadApplicationEligibility(
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
