import { AppError } from '../../domain/index.ts'
import { candidateIdOf, hubIdOf, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'
import {
  PRIVACY_REQUEST_DUE_DAYS,
  type PrivacyRequestView,
  toPrivacyRequestView,
} from './privacy-request-view.ts'

/** What a candidate asks for. */
export interface PrivacyRequestInput {
  readonly kind: PrivacyRequestView['kind']
  /** For a human review: the outcome, e.g. `match_run:<id>` or `eligibility:<application id>`. */
  readonly subject?: string | undefined
  readonly note?: string | undefined
}

/**
 * A candidate asks for erasure, withdraws consent (effective at once: their consents are marked withdrawn;
 * the erasure that follows is the operators' to carry out) or asks for a human review of an automated
 * outcome. Due in 10 days; audited.
 */
export async function createPrivacyRequest(
  context: ServiceContext,
  input: PrivacyRequestInput,
): Promise<PrivacyRequestView> {
  const { db, actor } = context
  requireRole(actor, 'candidate')
  const candidateId = candidateIdOf(actor)
  if (!candidateId) throw new AppError('not_found', 'this account has no candidate record')
  if (input.kind === 'human_review' && !input.subject)
    throw new AppError('validation_failed', 'invalid input: body.subject names the outcome to review', [
      { path: 'body.subject', message: 'required for a human review' },
    ])
  const now = context.now()
  const row = await db
    .insertInto('privacyRequest')
    .values({
      hubId: hubIdOf(actor),
      candidateId,
      kind: input.kind,
      subject: input.subject ?? '',
      note: input.note ?? '',
      createdAt: now,
      dueAt: new Date(now.getTime() + PRIVACY_REQUEST_DUE_DAYS * 24 * 60 * 60 * 1000),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  if (input.kind === 'withdraw_consent') {
    await db
      .updateTable('consent')
      .set({ withdrawnAt: now })
      .where('userId', '=', actor.userId)
      .where('withdrawnAt', 'is', null)
      .execute()
  }
  await recordAudit(db, actor, [
    { action: 'create', entityType: 'privacy_request', entityId: row.id, detail: { kind: input.kind } },
  ])
  return toPrivacyRequestView(row)
}
