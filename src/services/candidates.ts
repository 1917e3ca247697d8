import { AppError, type Candidate, type CandidateInput } from '../domain/index.ts'
import { fromCandidateInput, toCandidate, toCandidateValues } from '../store/index.ts'
import { candidateIdOf, companyIdsOf, hasRole, hubIdOf, requireRole } from './access.ts'
import { recordAudit } from './record-audit.ts'
import type { ServiceContext } from './service-context.ts'

/** The fields of a candidate shown in lists. */
export interface CandidateSummary {
  readonly id: string
  readonly fullName: string
  readonly nationality: string
  readonly residenceCountry: string
  readonly city: string
  readonly skills: Candidate['skills']
  readonly languages: Candidate['languages']
}

/** The hub's candidates as summaries (operators and reviewers); the read is audited. */
export async function listCandidates({ db, actor }: ServiceContext): Promise<CandidateSummary[]> {
  requireRole(actor, 'operator', 'reviewer')
  const rows = await db
    .selectFrom('candidate')
    .select(['id', 'fullName', 'nationality', 'residenceCountry', 'city', 'skills', 'languages'])
    .where('hubId', '=', hubIdOf(actor))
    .orderBy('fullName')
    .execute()
  await recordAudit(db, actor, [
    { action: 'read', entityType: 'candidate', entityId: null, detail: { list: rows.length } },
  ])
  return rows.map((row) => ({
    ...row,
    skills: row.skills as Candidate['skills'],
    languages: row.languages as Candidate['languages'],
  }))
}

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

/** The signed-in candidate's own profile. */
export async function getOwnCandidate(context: ServiceContext): Promise<Candidate> {
  requireRole(context.actor, 'candidate')
  const candidateId = candidateIdOf(context.actor)
  if (!candidateId) throw new AppError('not_found', 'this account has no candidate profile')
  return getCandidate(context, candidateId)
}

/** Registers a candidate in the operator's hub. Audited. */
export async function createCandidate(
  { db, actor }: ServiceContext,
  input: CandidateInput,
): Promise<Candidate> {
  requireRole(actor, 'operator')
  const row = await db
    .insertInto('candidate')
    .values(toCandidateValues(hubIdOf(actor), input))
    .returningAll()
    .executeTakeFirstOrThrow()
  await recordAudit(db, actor, [{ action: 'create', entityType: 'candidate', entityId: row.id }])
  return toCandidate(row)
}

/** Changes a candidate's profile (the candidate themself or an operator). Audited with the changed fields. */
export async function updateCandidate(
  context: ServiceContext,
  candidateId: string,
  patch: Partial<CandidateInput>,
): Promise<Candidate> {
  const { db, actor } = context
  if (!hasRole(actor, 'operator') && candidateIdOf(actor) !== candidateId) {
    throw new AppError('not_found', `no candidate ${candidateId}`)
  }
  const values = fromCandidateInput(patch)
  if (!hasRole(actor, 'operator')) delete (values as { externalKey?: string }).externalKey
  const row = await db
    .updateTable('candidate')
    .set({ ...values, updatedAt: new Date() })
    .where('id', '=', candidateId)
    .where('hubId', '=', hubIdOf(actor))
    .returningAll()
    .executeTakeFirst()
  if (!row) throw new AppError('not_found', `no candidate ${candidateId}`)
  await recordAudit(db, actor, [
    {
      action: 'update',
      entityType: 'candidate',
      entityId: candidateId,
      detail: { fields: Object.keys(values) },
    },
  ])
  return toCandidate(row)
}
