import type { Application } from '../../domain/index.ts'
import { toApplication } from '../../store/index.ts'
import { candidateIdOf, requireRole } from '../access/index.ts'
import type { ServiceContext } from '../service-context.ts'

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
