import { type Kysely, sql } from 'kysely'
import { AppError } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'
import { recordAudit } from '../audit/index.ts'

/** Why placements outlive an erasure: subsidy claims are audited by the funding ministry. */
export const PLACEMENT_LEGAL_BASIS =
  'Kept under the subsidy programme rules (보조금 관리에 관한 법률 Art. 35: records of subsidised projects are kept 5 years after the project ends); holds only pseudonymous ids.'

/** Years a statutory placement record is kept. */
const STATUTORY_YEARS = 5

/** The placeholder e-mail of an erased person: unique, undeliverable (`.invalid`, RFC 2606). */
export function erasedEmail(id: string): string {
  return `erased+${id}@erased.invalid`
}

/**
 * Erases a candidate's personal data everywhere it is held, in the caller's transaction (GDPR Art. 17,
 * PIPA Art. 36): the record's personal fields are emptied or pseudonymised (its id stays, so rank lists,
 * placements, run files and audit entries keep pointing at a pseudonymous id and verify as before); the login
 * can no longer sign in and its name and address are replaced; consents are marked withdrawn; applications
 * lose their free text and verdict details; notifications, e-mails and invitations are scrubbed; reset links
 * and throttling rows go. Accepted placements are first copied to `statutory_record` with their legal basis.
 * The run files hold only ids (and group labels such as a nationality shared by many), so they stay as they
 * are and keep their digests.
 */
export async function eraseCandidate(
  db: Kysely<Database>,
  erasure: {
    readonly candidateId: string
    readonly hubId: string
    readonly now: Date
    readonly actorUserId: string | null
  },
): Promise<void> {
  const { candidateId, hubId, now } = erasure
  const candidate = await db
    .selectFrom('candidate')
    .select(['id', 'userId', 'email'])
    .where('id', '=', candidateId)
    .where('hubId', '=', hubId)
    .executeTakeFirst()
  if (!candidate) throw new AppError('not_found', `no candidate ${candidateId}`)
  const user = candidate.userId
    ? await db
        .selectFrom('authUser')
        .select(['id', 'email'])
        .where('id', '=', candidate.userId)
        .executeTakeFirst()
    : undefined
  const emails = [
    ...new Set([candidate.email, ...(user ? [user.email] : [])].map((email) => email.toLowerCase())),
  ]

  const kept = await db
    .selectFrom('placement')
    .select(['id', 'programId', 'positionId', 'matchRunId', 'round', 'status', 'decidedAt'])
    .where('candidateId', '=', candidateId)
    .where('status', '=', 'accepted')
    .execute()
  if (kept.length > 0) {
    const until = new Date(now)
    until.setUTCFullYear(until.getUTCFullYear() + STATUTORY_YEARS)
    await db
      .insertInto('statutoryRecord')
      .values(
        kept.map((placement) => ({
          hubId,
          subjectRef: candidateId,
          kind: 'placement',
          record: JSON.stringify({ ...placement, decidedAt: placement.decidedAt?.toISOString() ?? null }),
          legalBasis: PLACEMENT_LEGAL_BASIS,
          keptUntil: until.toISOString().slice(0, 10),
          createdAt: now,
        })),
      )
      .execute()
  }

  await db
    .updateTable('candidate')
    .set({
      fullName: `Erased ${candidateId.slice(0, 8)}`,
      email: erasedEmail(candidateId),
      externalKey: null,
      nationality: 'ZZ',
      residenceCountry: 'ZZ',
      city: '',
      timeZone: 'UTC',
      languages: '[]',
      education: '[]',
      skills: '[]',
      experience: '[]',
      links: '[]',
      availableFrom: null,
      availableTo: null,
      visaStatus: '',
      cvText: '',
      erasedAt: now,
      updatedAt: now,
    })
    .where('id', '=', candidateId)
    .execute()
  await db
    .updateTable('application')
    .set({ motivation: '', overrideReason: null, eligibility: null })
    .where('candidateId', '=', candidateId)
    .execute()
  await db.updateTable('privacyRequest').set({ note: '' }).where('candidateId', '=', candidateId).execute()
  if (user) {
    await db
      .updateTable('authUser')
      .set({ name: 'Erased', email: erasedEmail(user.id), image: null, updatedAt: now })
      .where('id', '=', user.id)
      .execute()
    await db.deleteFrom('authSession').where('userId', '=', user.id).execute()
    await db.deleteFrom('authAccount').where('userId', '=', user.id).execute()
    await db.deleteFrom('passwordReset').where('userId', '=', user.id).execute()
    await db
      .updateTable('consent')
      .set({ withdrawnAt: sql`coalesce(withdrawn_at, ${now})`, ipAddress: null })
      .where('userId', '=', user.id)
      .execute()
  }
  await db
    .updateTable('notification')
    .set({ email: erasedEmail(candidateId), subject: '[erased]', body: '[erased]', params: null, link: null })
    .where((eb) =>
      eb.or([eb(eb.fn('lower', ['email']), 'in', emails), ...(user ? [eb('userId', '=', user.id)] : [])]),
    )
    .execute()
  await db
    .updateTable('invitation')
    .set({ email: erasedEmail(candidateId), name: '' })
    .where((eb) => eb.or([eb('candidateId', '=', candidateId), eb(eb.fn('lower', ['email']), 'in', emails)]))
    .execute()
  await db
    .deleteFrom('signInThrottle')
    .where(
      'key',
      'in',
      emails.map((email) => `account:${email}`),
    )
    .execute()
  await recordAudit(db, null, [
    {
      action: 'delete',
      entityType: 'candidate',
      entityId: candidateId,
      detail: { erasure: true, byUserId: erasure.actorUserId, statutoryRecords: kept.length },
      hubId,
    },
  ])
}
