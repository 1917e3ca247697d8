import type { Kysely } from 'kysely'
import { type Actor, AppError, type UiLocale } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'
import { recordAudit } from '../audit/index.ts'
import { queueNotifications } from '../notifications/index.ts'
import { createUserAccount } from './create-user-account.ts'

/** The version of the personal-data notice a candidate consents to when registering (shown on the form). */
export const PERSONAL_DATA_POLICY_VERSION = '2026-11'

/** Country code for "not given yet" (ISO 3166 user-assigned ZZ, "unknown region"). */
export const UNKNOWN_COUNTRY = 'ZZ'

/** Where a new candidate probably lives, by their language, until they say (the browser usually tells us). */
const DEFAULT_TIME_ZONES: Readonly<Record<UiLocale, string>> = {
  ko: 'Asia/Seoul',
  en: 'UTC',
  vi: 'Asia/Ho_Chi_Minh',
}

/** What a person gives to register as a candidate. */
export interface CandidateRegistration {
  readonly name: string
  readonly email: string
  readonly password: string
  readonly locale: UiLocale
  /** Consent to the processing of personal data; registration is refused without it. */
  readonly consent: true
  readonly timeZone?: string | undefined
  /** The hub to join, when an installation serves several; else its only hub. */
  readonly hubSlug?: string | undefined
}

/** What registration created. */
export interface RegisteredCandidate {
  readonly userId: string
  readonly candidateId: string
  readonly hubId: string
  readonly email: string
  readonly locale: UiLocale
}

async function findRegistrationHub(db: Kysely<Database>, hubSlug: string | undefined): Promise<string> {
  if (hubSlug !== undefined) {
    const hub = await db.selectFrom('hub').select('id').where('slug', '=', hubSlug).executeTakeFirst()
    if (!hub)
      throw new AppError('not_found', `no hub ${hubSlug}`, [{ path: 'body.hubSlug', message: 'no such hub' }])
    return hub.id
  }
  const hubs = await db.selectFrom('hub').select('id').orderBy('createdAt').limit(2).execute()
  const only = hubs[0]
  if (!only) throw new AppError('not_found', 'no hub has been set up here yet, so nobody can register')
  if (hubs.length > 1)
    throw new AppError('validation_failed', 'this installation serves several hubs: name one', [
      { path: 'body.hubSlug', message: 'required when there are several hubs' },
    ])
  return only.id
}

/**
 * Self-registration of a candidate, in the caller's transaction: the login (better-auth user and credential
 * account), the candidate role in the hub, an empty candidate record (placeholders the profile page asks
 * to fill: nationality and residence `ZZ`, empty city and visa status), the recorded consent, a welcome
 * notification and the audit entries. Throws `conflict` naming `body.email` when the email is taken.
 */
export async function registerCandidate(
  db: Kysely<Database>,
  input: CandidateRegistration,
  meta: { readonly ipAddress: string | null; readonly now?: Date },
): Promise<RegisteredCandidate> {
  const email = input.email.trim().toLowerCase()
  const taken = await db.selectFrom('authUser').select('id').where('email', '=', email).executeTakeFirst()
  if (taken) {
    throw new AppError('conflict', 'an account with this e-mail address exists already; sign in instead', [
      { path: 'body.email', message: 'already registered' },
    ])
  }
  const hubId = await findRegistrationHub(db, input.hubSlug)
  const name = input.name.trim()
  const candidate = await db
    .insertInto('candidate')
    .values({
      hubId,
      fullName: name,
      email,
      nationality: UNKNOWN_COUNTRY,
      residenceCountry: UNKNOWN_COUNTRY,
      city: '',
      timeZone: input.timeZone ?? DEFAULT_TIME_ZONES[input.locale],
      visaStatus: '',
      profileCompletedAt: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const userId = await createUserAccount(db, {
    email,
    name,
    password: input.password,
    locale: input.locale,
    grants: [{ role: 'candidate', hubId, candidateId: candidate.id }],
    ...(meta.now && { now: meta.now }),
  })
  await db
    .insertInto('consent')
    .values({
      userId,
      purpose: 'personal_data_processing',
      policyVersion: PERSONAL_DATA_POLICY_VERSION,
      locale: input.locale,
      ipAddress: meta.ipAddress,
    })
    .execute()
  await queueNotifications(db, [
    {
      hubId,
      userId,
      email,
      locale: input.locale,
      kind: 'welcome_candidate',
      params: { name },
      link: '/#profile',
    },
  ])
  const actor: Actor = {
    userId,
    email,
    name,
    locale: input.locale,
    grants: [{ role: 'candidate', hubId, companyId: null, candidateId: candidate.id }],
  }
  await recordAudit(db, actor, [
    { action: 'create', entityType: 'user', entityId: userId, detail: { selfRegistered: true } },
    { action: 'create', entityType: 'candidate', entityId: candidate.id, detail: { selfRegistered: true } },
    {
      action: 'create',
      entityType: 'consent',
      entityId: userId,
      detail: { purpose: 'personal_data_processing', policyVersion: PERSONAL_DATA_POLICY_VERSION },
    },
  ])
  return { userId, candidateId: candidate.id, hubId, email, locale: input.locale }
}
