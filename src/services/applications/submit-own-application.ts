import { AppError, type Application, type Candidate } from '../../domain/index.ts'
import { toApplication } from '../../store/index.ts'
import { recordAudit } from '../audit/index.ts'
import { findMissingProfileFields, getOwnCandidate } from '../candidates/index.ts'
import { queueNotifications } from '../notifications/index.ts'
import { getProgram } from '../programs/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { applyToProgram } from './index.ts'
import { programPath } from './program-path.ts'

function requireCompleteProfile(candidate: Candidate): void {
  const missing = findMissingProfileFields(candidate)
  if (missing.length > 0) {
    throw new AppError('conflict', `complete your profile before applying: ${missing.join(', ')}`, [
      ...missing.map((field) => ({ path: `profile.${field}`, message: 'required before applying' })),
    ])
  }
}

/**
 * The signed-in candidate applies to a program whose call is open: the profile must be complete; an
 * application withdrawn earlier is submitted again (its old verdict cleared). Queues the confirmation in
 * the candidate's language. Audited.
 */
export async function submitOwnApplication(
  context: ServiceContext,
  input: { programId: string; motivation: string },
): Promise<Application> {
  const { db, actor } = context
  const candidate = await getOwnCandidate(context)
  requireCompleteProfile(candidate)
  const program = await getProgram(context, input.programId)
  const previous = await db
    .selectFrom('application')
    .select(['id', 'status'])
    .where('programId', '=', input.programId)
    .where('candidateId', '=', candidate.id)
    .executeTakeFirst()
  let application: Application
  if (previous?.status === 'withdrawn') {
    if (program.phase !== 'call_open')
      throw new AppError('phase_closed', 'the call for this program is closed')
    const row = await db
      .updateTable('application')
      .set({
        status: 'submitted',
        motivation: input.motivation,
        submittedAt: context.now(),
        eligibility: null,
        overrideReason: null,
        overriddenBy: null,
      })
      .where('id', '=', previous.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(db, actor, [
      { action: 'update', entityType: 'application', entityId: row.id, detail: { resubmitted: true } },
    ])
    application = toApplication(row)
  } else {
    application = await applyToProgram(context, input)
  }
  await queueNotifications(db, [
    {
      hubId: program.hubId,
      userId: actor.userId,
      email: actor.email,
      locale: actor.locale,
      kind: 'application_received',
      params: { name: candidate.fullName, program: program.title },
      link: programPath(program.id),
    },
  ])
  return application
}
