import type { Kysely } from 'kysely'
import {
  AppError,
  INVITATION_VALIDITY_DAYS,
  type InvitationInput,
  type InvitationView,
  type ProgramInvitationInput,
  type ProgramInvitationResult,
  type Role,
  type SentInvitation,
  type UiLocale,
} from '../domain/index.ts'
import { type Database, findProgramInHub } from '../store/index.ts'
import { hubIdOf, requireRole } from './access/index.ts'
import { recordAudit } from './audit/index.ts'
import { loadInvitationViews } from './invitations/invitation-rows.ts'
import { invitationStatusOf } from './invitations/invitation-status.ts'
import { buildAcceptUrl, createInvitationToken } from './invitations/invitation-token.ts'
import { HUB_LOCALE, preferredCandidateLocale } from './invitations/preferred-locale.ts'
import { type InvitationEmail, sendInvitationEmails } from './invitations/send-invitation-emails.ts'
import type { ServiceContext } from './service-context.ts'

export { acceptInvitation, previewInvitation } from './invitations/accept-invitation.ts'
export { listHubPeople, removeRoleGrant } from './invitations/hub-people.ts'

/** What sending needs besides the input: the public base URL for the link (the clock is the context's). */
export interface InvitationOptions {
  /** Public URL of the server (IEUM_BASE_URL); the link is `<baseUrl>/invite/<token>`. */
  readonly baseUrl: string
}

const DAY_MS = 24 * 60 * 60 * 1000
/** Invitations written per statement in a bulk invitation. */
const BULK_CHUNK = 500

function expiryFrom(now: Date): Date {
  return new Date(now.getTime() + INVITATION_VALIDITY_DAYS * DAY_MS)
}

async function hubNameOf(db: Kysely<Database>, hubId: string): Promise<string> {
  const hub = await db.selectFrom('hub').select('name').where('id', '=', hubId).executeTakeFirstOrThrow()
  return hub.name
}

async function loadOne(db: Kysely<Database>, hubId: string, id: string, now: Date): Promise<InvitationView> {
  const [view] = await loadInvitationViews(db, { hubId, ids: [id] }, now)
  if (!view) throw new AppError('not_found', `no invitation ${id}`)
  return view
}

/** The candidate record a candidate invitation links to: by id, else the hub's one record with the e-mail. */
async function findCandidate(db: Kysely<Database>, hubId: string, input: InvitationInput) {
  const query = db
    .selectFrom('candidate')
    .select(['id', 'fullName', 'email', 'userId', 'languages', 'nationality'])
    .where('hubId', '=', hubId)
  if (input.candidateId) {
    const row = await query.where('id', '=', input.candidateId).executeTakeFirst()
    if (!row)
      throw new AppError('not_found', `no candidate ${input.candidateId}`, [
        { path: 'body.candidateId', message: 'no such candidate in this hub' },
      ])
    return row
  }
  const rows = await query
    .where((eb) => eb(eb.fn('lower', [eb.fn('trim', ['email'])]), '=', input.email))
    .limit(2)
    .execute()
  const [row, second] = rows
  if (!row) {
    throw new AppError(
      'not_found',
      `no candidate of this hub has the e-mail ${input.email}; import or register the applicant first`,
      [{ path: 'body.email', message: 'no candidate record with this e-mail' }],
    )
  }
  if (second) {
    throw new AppError(
      'conflict',
      `several candidate records have the e-mail ${input.email}; choose one with candidateId`,
      [{ path: 'body.candidateId', message: 'several candidates share this e-mail' }],
    )
  }
  return row
}

/**
 * Invites one person by e-mail to a role in the operator's hub and queues the e-mail (in the chosen
 * language, else the person's own, else the hub's Korean) with a link valid for 14 days.
 *
 * A person who has a login already is invited all the same: accepting (with their current password) adds
 * the role to that login, so one person can be, say, a reviewer and a company member. Refused with
 * `conflict`: the login holds this very role already, a pending invitation for the same role is open
 * (send that one again instead), or, for a candidate, the record is linked to a login already or the login
 * has a candidate profile of its own.
 */
export async function createInvitation(
  { db, actor, now: clock }: ServiceContext,
  input: InvitationInput,
  options: InvitationOptions,
): Promise<SentInvitation> {
  requireRole(actor, 'operator')
  const hubId = hubIdOf(actor)
  const now = clock()
  const email = input.email.trim().toLowerCase()
  let companyName: string | null = null
  if (input.role === 'company') {
    const company = await db
      .selectFrom('company')
      .select('name')
      .where('id', '=', input.companyId ?? '')
      .where('hubId', '=', hubId)
      .executeTakeFirst()
    if (!company)
      throw new AppError('not_found', `no company ${input.companyId}`, [
        { path: 'body.companyId', message: 'no such company in this hub' },
      ])
    companyName = company.name
  }
  const candidate = input.role === 'candidate' ? await findCandidate(db, hubId, { ...input, email }) : null
  const user = await db
    .selectFrom('authUser')
    .select(['id', 'name', 'locale'])
    .where('email', '=', email)
    .executeTakeFirst()
  if (user) {
    const grants = await db
      .selectFrom('roleGrant')
      .select(['role', 'companyId', 'candidateId'])
      .where('userId', '=', user.id)
      .where('hubId', '=', hubId)
      .execute()
    const holdsRole = grants.some(
      (grant) =>
        grant.role === input.role &&
        (input.role !== 'company' || grant.companyId === input.companyId) &&
        (input.role !== 'candidate' || grant.candidateId === candidate?.id),
    )
    if (holdsRole) throw new AppError('conflict', `${email} holds this role already`)
    if (input.role === 'candidate' && grants.some((grant) => grant.role === 'candidate'))
      throw new AppError('conflict', `the login ${email} has a candidate profile already`)
  }
  if (candidate?.userId && candidate.userId !== user?.id)
    throw new AppError('conflict', `the candidate ${candidate.fullName} is linked to another login already`)
  const open = await db
    .selectFrom('invitation')
    .select('id')
    .where('hubId', '=', hubId)
    .where('email', '=', email)
    .where('role', '=', input.role)
    .where('revokedAt', 'is', null)
    .where('acceptedAt', 'is', null)
    .where('expiresAt', '>', now)
    .where((eb) =>
      input.role === 'company'
        ? eb('companyId', '=', input.companyId ?? '')
        : input.role === 'candidate'
          ? eb('candidateId', '=', candidate?.id ?? '')
          : eb.lit(true),
    )
    .executeTakeFirst()
  if (open)
    throw new AppError('conflict', `${email} has a pending invitation for this role; send it again instead`)

  const locale: UiLocale =
    input.locale ??
    (user?.locale as UiLocale | null | undefined) ??
    (candidate ? preferredCandidateLocale({ ...candidate, languages: candidate.languages }) : HUB_LOCALE)
  const name = input.name ?? user?.name ?? candidate?.fullName ?? ''
  const { token, tokenSha256 } = createInvitationToken()
  const expiresAt = expiryFrom(now)
  const row = await db
    .insertInto('invitation')
    .values({
      hubId,
      email,
      name,
      role: input.role,
      companyId: input.role === 'company' ? (input.companyId ?? null) : null,
      candidateId: candidate?.id ?? null,
      locale,
      tokenSha256,
      expiresAt,
      createdBy: actor.userId,
      createdAt: now,
      lastSentAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await sendInvitationEmails(db, options.baseUrl, [
    {
      hubId,
      hubName: await hubNameOf(db, hubId),
      inviterName: actor.name,
      email,
      name,
      role: input.role,
      companyName,
      locale,
      token,
      expiresAt,
      userId: user?.id ?? null,
    },
  ])
  await recordAudit(db, actor, [
    {
      action: 'create',
      entityType: 'invitation',
      entityId: row.id,
      detail: {
        email,
        role: input.role,
        companyId: input.companyId ?? null,
        candidateId: candidate?.id ?? null,
      },
    },
  ])
  return { ...(await loadOne(db, hubId, row.id, now)), acceptUrl: buildAcceptUrl(options.baseUrl, token) }
}

/**
 * Sends an open or expired invitation again with a new link valid for 14 days; the old link stops working.
 * `locale` changes the language of this and later e-mails. Accepted or revoked invitations answer `conflict`.
 */
export async function resendInvitation(
  { db, actor, now: clock }: ServiceContext,
  invitationId: string,
  input: { readonly locale?: UiLocale },
  options: InvitationOptions,
): Promise<SentInvitation> {
  requireRole(actor, 'operator')
  const hubId = hubIdOf(actor)
  const now = clock()
  const row = await db
    .selectFrom('invitation')
    .leftJoin('company', 'company.id', 'invitation.companyId')
    .leftJoin('authUser', 'authUser.email', 'invitation.email')
    .select([
      'invitation.id',
      'invitation.email',
      'invitation.name',
      'invitation.role',
      'invitation.locale',
      'invitation.expiresAt',
      'invitation.acceptedAt',
      'invitation.revokedAt',
      'company.name as companyName',
      'authUser.id as userId',
    ])
    .where('invitation.id', '=', invitationId)
    .where('invitation.hubId', '=', hubId)
    .forUpdate('invitation')
    .executeTakeFirst()
  if (!row) throw new AppError('not_found', `no invitation ${invitationId}`)
  const status = invitationStatusOf(row, now)
  if (status === 'accepted') throw new AppError('conflict', 'this invitation has been accepted already')
  if (status === 'revoked')
    throw new AppError('conflict', 'this invitation has been revoked; send a new invitation instead')
  const { token, tokenSha256 } = createInvitationToken()
  const expiresAt = expiryFrom(now)
  const locale = input.locale ?? (row.locale as UiLocale)
  await db
    .updateTable('invitation')
    .set((eb) => ({ tokenSha256, expiresAt, locale, lastSentAt: now, sentCount: eb('sentCount', '+', 1) }))
    .where('id', '=', row.id)
    .execute()
  await sendInvitationEmails(db, options.baseUrl, [
    {
      hubId,
      hubName: await hubNameOf(db, hubId),
      inviterName: actor.name,
      email: row.email,
      name: row.name,
      role: row.role as Role,
      companyName: row.companyName,
      locale,
      token,
      expiresAt,
      userId: row.userId,
    },
  ])
  await recordAudit(db, actor, [
    { action: 'update', entityType: 'invitation', entityId: row.id, detail: { resent: true, locale } },
  ])
  return { ...(await loadOne(db, hubId, row.id, now)), acceptUrl: buildAcceptUrl(options.baseUrl, token) }
}

/** Revokes an open or expired invitation: its link stops working. Revoking twice is harmless. */
export async function revokeInvitation(
  { db, actor, now: clock }: ServiceContext,
  invitationId: string,
): Promise<InvitationView> {
  requireRole(actor, 'operator')
  const hubId = hubIdOf(actor)
  const now = clock()
  const row = await db
    .selectFrom('invitation')
    .select(['id', 'expiresAt', 'acceptedAt', 'revokedAt'])
    .where('id', '=', invitationId)
    .where('hubId', '=', hubId)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw new AppError('not_found', `no invitation ${invitationId}`)
  const status = invitationStatusOf(row, now)
  if (status === 'accepted')
    throw new AppError(
      'conflict',
      'this invitation has been accepted; remove the role from the person instead',
    )
  if (status !== 'revoked') {
    await db
      .updateTable('invitation')
      .set({ revokedAt: now, revokedBy: actor.userId })
      .where('id', '=', row.id)
      .execute()
    await recordAudit(db, actor, [
      { action: 'update', entityType: 'invitation', entityId: row.id, detail: { revoked: true } },
    ])
  }
  return loadOne(db, hubId, row.id, now)
}

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
