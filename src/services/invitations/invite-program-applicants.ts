import {
  AppError,
  type ProgramInvitationInput,
  type ProgramInvitationResult,
  type UiLocale,
} from '../../domain/index.ts'
import { findProgramInHub } from '../../store/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'
import type { InvitationOptions } from './create-invitation.ts'
import { hubNameOf } from './hub-name-of.ts'
import { expiryFrom } from './invitation-expiry.ts'
import { createInvitationToken } from './invitation-token.ts'
import { preferredCandidateLocale } from './preferred-locale.ts'
import { type InvitationEmail, sendInvitationEmails } from './send-invitation-emails.ts'

/** Invitations written per statement in a bulk invitation. */
const BULK_CHUNK = 500

/**
 * Invites every applicant of a program who has no login yet as a candidate, each in their own language
 * (or `input.locale`). Skipped and counted: applicants with a login (their record is linked, or a login
 * uses their e-mail), with an open invitation, without an e-mail, and any later applicant who shares an
 * e-mail with an earlier one. Withdrawn applications are left out.
 */
export async function inviteProgramApplicants(
  { db, actor, now: clock }: ServiceContext,
  programId: string,
  input: ProgramInvitationInput,
  options: InvitationOptions,
): Promise<ProgramInvitationResult> {
  requireRole(actor, 'operator')
  const hubId = hubIdOf(actor)
  const now = clock()
  const program = await findProgramInHub(db, hubId, programId)
  if (!program) throw new AppError('not_found', `no program ${programId}`)
  const applicants = await db
    .selectFrom('application')
    .innerJoin('candidate', 'candidate.id', 'application.candidateId')
    .select([
      'candidate.id',
      'candidate.fullName',
      'candidate.email',
      'candidate.userId',
      'candidate.languages',
      'candidate.nationality',
    ])
    .where('application.programId', '=', programId)
    .where('application.status', '!=', 'withdrawn')
    .orderBy('application.submittedAt')
    .orderBy('candidate.id')
    .execute()
  const emails = [...new Set(applicants.map((a) => a.email.trim().toLowerCase()).filter((e) => e.length > 0))]
  const withLogin = new Set(
    emails.length === 0
      ? []
      : (await db.selectFrom('authUser').select('email').where('email', 'in', emails).execute()).map(
          (row) => row.email,
        ),
  )
  const open = await db
    .selectFrom('invitation')
    .select(['email', 'candidateId'])
    .where('hubId', '=', hubId)
    .where('role', '=', 'candidate')
    .where('revokedAt', 'is', null)
    .where('acceptedAt', 'is', null)
    .where('expiresAt', '>', now)
    .execute()
  const openCandidates = new Set(open.map((row) => row.candidateId))
  const openEmails = new Set(open.map((row) => row.email))

  const counts = { invited: 0, alreadyHasLogin: 0, alreadyInvited: 0, withoutEmail: 0, duplicateEmail: 0 }
  const seen = new Set<string>()
  const toInvite: { candidate: (typeof applicants)[number]; email: string; locale: UiLocale }[] = []
  for (const candidate of applicants) {
    const email = candidate.email.trim().toLowerCase()
    if (email.length === 0) counts.withoutEmail++
    else if (seen.has(email)) counts.duplicateEmail++
    else if (candidate.userId || withLogin.has(email)) counts.alreadyHasLogin++
    else if (openCandidates.has(candidate.id) || openEmails.has(email)) counts.alreadyInvited++
    else toInvite.push({ candidate, email, locale: input.locale ?? preferredCandidateLocale(candidate) })
    if (email.length > 0) seen.add(email)
  }
  counts.invited = toInvite.length
  const expiresAt = expiryFrom(now)
  const hubName = toInvite.length > 0 ? await hubNameOf(db, hubId) : ''
  // In chunks: a program may have thousands of applicants, and one statement takes at most 65,535 values.
  for (let start = 0; start < toInvite.length; start += BULK_CHUNK) {
    const chunk = toInvite.slice(start, start + BULK_CHUNK).map((entry) => ({
      ...entry,
      ...createInvitationToken(),
    }))
    const rows = await db
      .insertInto('invitation')
      .values(
        chunk.map(({ candidate, email, locale, tokenSha256 }) => ({
          hubId,
          email,
          name: candidate.fullName,
          role: 'candidate',
          candidateId: candidate.id,
          locale,
          tokenSha256,
          expiresAt,
          createdBy: actor.userId,
          createdAt: now,
          lastSentAt: now,
        })),
      )
      .returning(['id', 'candidateId'])
      .execute()
    await sendInvitationEmails(
      db,
      options.baseUrl,
      chunk.map(
        ({ candidate, email, locale, token }): InvitationEmail => ({
          hubId,
          hubName,
          inviterName: actor.name,
          email,
          name: candidate.fullName,
          role: 'candidate',
          companyName: null,
          locale,
          token,
          expiresAt,
          userId: null,
        }),
      ),
    )
    await recordAudit(
      db,
      actor,
      rows.map((row) => ({
        action: 'create' as const,
        entityType: 'invitation',
        entityId: row.id,
        detail: { role: 'candidate', candidateId: row.candidateId, programId },
      })),
    )
  }
  return { applicants: applicants.length, ...counts }
}
