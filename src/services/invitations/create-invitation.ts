import type { Kysely } from 'kysely'
import { AppError, type InvitationInput, type SentInvitation, type UiLocale } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'
import { hubIdOf, requireRole } from '../access/index.ts'
import { recordAudit } from '../audit/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { hubNameOf } from './hub-name-of.ts'
import { expiryFrom } from './invitation-expiry.ts'
import { buildAcceptUrl, createInvitationToken } from './invitation-token.ts'
import { loadInvitationView } from './load-invitation-view.ts'
import { HUB_LOCALE, preferredCandidateLocale } from './preferred-locale.ts'
import { sendInvitationEmails } from './send-invitation-emails.ts'

/** What sending needs besides the input: the public base URL for the link (the clock is the context's). */
export interface InvitationOptions {
  /** Public URL of the server (IEUM_BASE_URL); the link is `<baseUrl>/invite/<token>`. */
  readonly baseUrl: string
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
      // No e-mail address here: the append-only log keeps ids only, so erasing a person needs no rewrite.
      detail: {
        role: input.role,
        companyId: input.companyId ?? null,
        candidateId: candidate?.id ?? null,
      },
    },
  ])
  return {
    ...(await loadInvitationView(db, hubId, row.id, now)),
    acceptUrl: buildAcceptUrl(options.baseUrl, token),
  }
}
