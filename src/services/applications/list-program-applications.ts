import type { Application } from '../../domain/index.ts'
import { toApplication } from '../../store/index.ts'
import { requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'

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
