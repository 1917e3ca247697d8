import type { Candidate, CandidateInput } from '../../domain/index.ts'
import { toCandidate, toCandidateValues } from '../../store/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'

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
