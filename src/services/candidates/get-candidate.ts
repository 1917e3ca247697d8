import { AppError, type Candidate } from '../../domain/index.ts'
import { toCandidate } from '../../store/index.ts'
import { candidateIdOf, companyIdsOf, hasRole, hubIdOf } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'

/**
 * Whether a company member may see a candidate: only one who applied to a program in which the
 * member's company offers a position.
 */
async function isApplicantOfOwnCompany({ db, actor }: ServiceContext, candidateId: string): Promise<boolean> {
  const companyIds = companyIdsOf(actor)
  if (companyIds.length === 0) return false
  const row = await db
    .selectFrom('application')
    .innerJoin('programPosition', 'programPosition.programId', 'application.programId')
    .innerJoin('position', 'position.id', 'programPosition.positionId')
    .select('application.id')
    .where('application.candidateId', '=', candidateId)
    .where('position.companyId', 'in', companyIds)
    .executeTakeFirst()
  return row !== undefined
}

/** One candidate's full profile, for the candidate, operators, reviewers and companies they applied to. Audited. */
export async function getCandidate(context: ServiceContext, candidateId: string): Promise<Candidate> {
  const { db, actor } = context
  const isAllowed =
    hasRole(actor, 'operator') ||
    hasRole(actor, 'reviewer') ||
    candidateIdOf(actor) === candidateId ||
    (hasRole(actor, 'company') && (await isApplicantOfOwnCompany(context, candidateId)))
  const row = isAllowed
    ? await db
        .selectFrom('candidate')
        .selectAll()
        .where('id', '=', candidateId)
        .where('hubId', '=', hubIdOf(actor))
        .executeTakeFirst()
    : undefined
  if (!row) throw new AppError('not_found', `no candidate ${candidateId}`)
  await recordAudit(db, actor, [{ action: 'read', entityType: 'candidate', entityId: candidateId }])
  return toCandidate(row)
}
