import { AppError, type Application } from '../../domain/index.ts'
import { toApplication } from '../../store/index.ts'
import { candidateIdOf, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'

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
