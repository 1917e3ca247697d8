import type { Candidate } from '../../domain/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'

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
