import type { Kysely } from 'kysely'
import { AppError, INVITATION_VALIDITY_DAYS, type UiLocale } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'
import { recordAudit } from '../audit/index.ts'
import { buildAcceptUrl, createInvitationToken, sendInvitationEmails } from '../invitations/index.ts'
import { systemClock } from '../service-context.ts'

/** A new hub and who runs it. */
export interface NewHub {
  readonly name: string
  /** Lower-case letters, digits and dashes; unique among hubs. */
  readonly slug: string
  readonly operatorEmail: string
  readonly operatorName: string
  /** Language of the invitation e-mail and, until they choose, of the operator's interface. */
  readonly locale: UiLocale
  /** Public URL of the server (IEUM_BASE_URL); the link is `<baseUrl>/invite/<token>`. */
  readonly baseUrl: string
  readonly now?: Date
}

/** The hub created and the first operator's one-time link. */
export interface CreatedHub {
  readonly hubId: string
  readonly invitationId: string
  readonly acceptUrl: string
  readonly expiresAt: Date
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Starts a hub on a fresh installation: the hub row and an operator invitation (the usual single-use,
 * 14-day link, also queued as an e-mail in the outbox), in the caller's transaction. Nobody is signed in
 * yet, so the invitation has no inviter and the audit entry no actor. The operator sets their own password
 * on the link's page; no password ever passes through the command line.
 */
export async function createHub(db: Kysely<Database>, hub: NewHub): Promise<CreatedHub> {
  const name = hub.name.trim()
  const email = hub.operatorEmail.trim().toLowerCase()
  if (name.length === 0 || name.length > 200)
    throw new AppError('validation_failed', 'the hub name must have 1 to 200 characters', [
      { path: 'name', message: '1 to 200 characters' },
    ])
  if (!SLUG.test(hub.slug) || hub.slug.length > 60)
    throw new AppError(
      'validation_failed',
      `the slug "${hub.slug}" is not lower-case letters, digits and dashes`,
      [{ path: 'slug', message: 'lower-case letters, digits and dashes, at most 60' }],
    )
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new AppError('validation_failed', `"${hub.operatorEmail}" is not an e-mail address`, [
      { path: 'operatorEmail', message: 'an e-mail address' },
    ])
  const taken = await db.selectFrom('hub').select('id').where('slug', '=', hub.slug).executeTakeFirst()
  if (taken) throw new AppError('conflict', `a hub with the slug "${hub.slug}" exists already`)

  const now = hub.now ?? systemClock()
  const expiresAt = new Date(now.getTime() + INVITATION_VALIDITY_DAYS * DAY_MS)
  const { id: hubId } = await db
    .insertInto('hub')
    .values({ name, slug: hub.slug })
    .returning('id')
    .executeTakeFirstOrThrow()
  const { token, tokenSha256 } = createInvitationToken()
  const { id: invitationId } = await db
    .insertInto('invitation')
    .values({
      hubId,
      email,
      name: hub.operatorName,
      role: 'operator',
      companyId: null,
      candidateId: null,
      locale: hub.locale,
      tokenSha256,
      expiresAt,
      createdBy: null,
      createdAt: now,
      lastSentAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await sendInvitationEmails(db, hub.baseUrl, [
    {
      hubId,
      hubName: name,
      inviterName: 'Ieum',
      email,
      name: hub.operatorName,
      role: 'operator',
      companyName: null,
      locale: hub.locale,
      token,
      expiresAt,
      userId: null,
    },
  ])
  await recordAudit(db, null, [
    { action: 'create', entityType: 'hub', entityId: hubId, detail: { name, slug: hub.slug }, hubId },
    {
      action: 'create',
      entityType: 'invitation',
      entityId: invitationId,
      detail: { role: 'operator' },
      hubId,
    },
  ])
  return { hubId, invitationId, acceptUrl: buildAcceptUrl(hub.baseUrl, token), expiresAt }
}
