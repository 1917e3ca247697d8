import type { ColumnType, Generated } from 'kysely'

/** A jsonb column: read as `T`, written as JSON text. */
export type Json<T> = ColumnType<T, string | undefined, string>
/** A column with a database default: optional on insert. */
export type Defaulted<T> = ColumnType<T, T | undefined, T>
/** A timestamptz column: read as Date, written as Date or ISO text, set by default on insert. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>
/** A nullable timestamptz column. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>

/** The database as Kysely sees it (camelCase; the CamelCasePlugin maps to snake_case columns). */
export interface Database {
  hub: { id: Generated<string>; name: string; slug: string; createdAt: CreatedAt }
  authUser: {
    id: string
    name: string
    email: string
    emailVerified: boolean
    image: string | null
    locale: string | null
    createdAt: CreatedAt
    updatedAt: CreatedAt
  }
  authSession: {
    id: string
    userId: string
    token: string
    expiresAt: Timestamp
    ipAddress: string | null
    userAgent: string | null
    createdAt: CreatedAt
    updatedAt: CreatedAt
    /** Last request made with the session (kept to the minute), for the idle timeout. */
    lastSeenAt: CreatedAt
  }
  authAccount: {
    id: string
    userId: string
    accountId: string
    providerId: string
    accessToken: string | null
    refreshToken: string | null
    idToken: string | null
    accessTokenExpiresAt: Timestamp | null
    refreshTokenExpiresAt: Timestamp | null
    scope: string | null
    password: string | null
    createdAt: CreatedAt
    updatedAt: CreatedAt
  }
  authVerification: {
    id: string
    identifier: string
    value: string
    expiresAt: Timestamp
    createdAt: CreatedAt
    updatedAt: CreatedAt
  }
  roleGrant: {
    id: Generated<string>
    userId: string
    role: string
    hubId: string
    companyId: string | null
    candidateId: string | null
  }
  company: {
    id: Generated<string>
    hubId: string
    externalKey: string | null
    name: string
    domain: string
    size: string
    location: string
    description: Defaulted<string>
    website: string | null
    isVerified: Generated<boolean>
    createdAt: CreatedAt
  }
  position: {
    id: Generated<string>
    companyId: string
    externalKey: string | null
    kind: string
    title: string
    description: Defaulted<string>
    requiredSkills: Json<{ skill: string; level: number }[]>
    preferredSkills: Json<{ skill: string; level: number }[]>
    languages: Json<{ language: string; level: string }[]>
    workMode: string
    location: string
    timeZone: string
    startDate: string | null
    endDate: string | null
    hoursPerWeek: number
    capacity: number
    stipendKrw: number | null
    subsidyKrw: number | null
    createdAt: CreatedAt
  }
  candidate: {
    id: Generated<string>
    hubId: string
    userId: string | null
    /** Set when the candidate's personal fields were erased (the record stays as a pseudonymous id). */
    erasedAt: ColumnType<Date | null, Date | undefined, Date | null>
    externalKey: string | null
    fullName: string
    email: string
    nationality: string
    residenceCountry: string
    city: string
    timeZone: string
    languages: Json<unknown[]>
    education: Json<unknown[]>
    skills: Json<unknown[]>
    experience: Json<unknown[]>
    links: Json<string[]>
    availableFrom: string | null
    availableTo: string | null
    hoursPerWeek: Defaulted<number>
    workModePreference: Json<string[]>
    visaStatus: string
    cvText: Defaulted<string>
    createdAt: CreatedAt
    updatedAt: CreatedAt
    /** When the profile was complete enough to apply; null for a self-registered candidate until then. */
    profileCompletedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
  }
  program: {
    id: Generated<string>
    hubId: string
    kind: string
    title: string
    description: Defaulted<string>
    phase: string
    timeline: Json<unknown[]>
    capacity: number
    matchingConfig: Json<Record<string, unknown>>
    eligibilityRules: Json<unknown[]>
    createdAt: CreatedAt
  }
  programPosition: { programId: string; positionId: string; capacity: number | null }
  application: {
    id: Generated<string>
    programId: string
    candidateId: string
    status: string
    motivation: Defaulted<string>
    submittedAt: CreatedAt
    /** The last eligibility verdict: `{ isEligible, reasons: [{ code, params }] }`, or null before a check. */
    eligibility: ColumnType<unknown, string | null | undefined, string | null>
    overrideReason: string | null
    overriddenBy: string | null
  }
  ranking: {
    id: Generated<string>
    programId: string
    side: string
    candidateId: string | null
    companyId: string | null
    positionId: string | null
    entries: Json<unknown[]>
    updatedAt: CreatedAt
  }
  matchRun: {
    id: Generated<string>
    programId: string
    round: number
    mechanism: string
    seed: number
    status: string
    engineVersion: string
    /** The market file exactly as the engine read it. */
    market: string
    /** The result file exactly as the engine wrote it. */
    result: string
    marketSha256: string
    resultSha256: string
    /** The engine options (mechanism, seed, improve, round) as JSON text. */
    options: string
    createdBy: string | null
    createdAt: CreatedAt
    publishedAt: Timestamp | null
  }
  placement: {
    id: Generated<string>
    programId: string
    matchRunId: string
    candidateId: string
    positionId: string
    status: string
    decidedAt: Timestamp | null
    round: Defaulted<number>
    createdAt: CreatedAt
  }
  notification: {
    id: Generated<string>
    hubId: string
    userId: string | null
    email: string
    locale: string
    kind: string
    subject: string
    body: string
    link: string | null
    createdAt: CreatedAt
    readAt: Timestamp | null
    sentAt: Timestamp | null
    sendError: string | null
    /** queued → sending (claimed) → sent; or retry (after a failed attempt, from nextAttemptAt); or failed for good. */
    deliveryStatus: Defaulted<string>
    sendAttempts: Defaulted<number>
    nextAttemptAt: Timestamp | null
    /** Lease of the sender that claimed the row; another sender leaves it alone until it passes. */
    claimedUntil: Timestamp | null
    /** The template parameters, to render the notification again in another language (null: older rows). */
    params: ColumnType<unknown, string | null | undefined, string | null>
  }
  consent: {
    id: Generated<string>
    userId: string
    purpose: string
    policyVersion: string
    locale: string
    grantedAt: CreatedAt
    ipAddress: string | null
    /** When the person withdrew this consent (their data is then erased on request). */
    withdrawnAt: ColumnType<Date | null, Date | undefined, Date | null>
  }
  invitation: {
    id: Generated<string>
    hubId: string
    /** Lower-case e-mail of the invitee. */
    email: string
    /** The name the operator gave (pre-fills the accept form); may be empty. */
    name: Defaulted<string>
    role: string
    companyId: string | null
    candidateId: string | null
    /** Language of the e-mail and the accept page. */
    locale: string
    /** SHA-256 (hex) of the token in the link; the token itself is never stored. */
    tokenSha256: string
    expiresAt: Timestamp
    createdBy: string | null
    createdAt: CreatedAt
    sentCount: Defaulted<number>
    lastSentAt: CreatedAt
    acceptedAt: Timestamp | null
    acceptedUserId: string | null
    /** When a candidate agreed to the processing of their personal data on the accept page. */
    consentedAt: Timestamp | null
    revokedAt: Timestamp | null
    revokedBy: string | null
  }
  auditLog: {
    id: Generated<string>
    /** The hub the entry belongs to; only that hub's operators read it. */
    hubId: string
    at: CreatedAt
    actorUserId: string | null
    action: string
    entityType: string
    entityId: string | null
    detail: Json<Record<string, unknown>>
    /** Position in the hub's hash chain, set by the sealer (null for the last second's rows). */
    seq: ColumnType<number | null, never, number>
    prevHash: ColumnType<string | null, never, string>
    rowHash: ColumnType<string | null, never, string>
  }
  /** Each hub's last sealed audit link. */
  auditChainHead: { hubId: string; lastSeq: number; lastHash: string }
  /** Where a hub's chain starts after a retention purge: the last purged row's seq and hash. */
  auditAnchor: { hubId: string; seq: number; rowHash: string; purgedAt: Timestamp; purgedRows: number }
  /** Failed sign-ins per `account:<e-mail>` and per `address:<client address>`, with the backoff they earned. */
  signInThrottle: {
    key: string
    failures: number
    lastFailureAt: Timestamp
    lockedUntil: Timestamp | null
  }
  /** Password-reset links: only the SHA-256 (hex) of the token is stored; single use, short-lived. */
  passwordReset: {
    id: Generated<string>
    userId: string
    tokenSha256: string
    createdAt: Timestamp
    expiresAt: Timestamp
    usedAt: Timestamp | null
    requestedFrom: string | null
  }
  /** A candidate's request under PIPA/GDPR, due 10 days after it was made, and the operator's answer. */
  privacyRequest: {
    id: Generated<string>
    hubId: string
    candidateId: string
    kind: string
    /** For a human review: what outcome (e.g. `match_run:<id>`, `eligibility:<application id>`). */
    subject: Defaulted<string>
    note: Defaulted<string>
    status: Defaulted<string>
    createdAt: Timestamp
    dueAt: Timestamp
    answeredAt: Timestamp | null
    answeredBy: string | null
    answer: Defaulted<string>
  }
  /** What a statute requires to keep after a subject's erasure, with its legal basis. */
  statutoryRecord: {
    id: Generated<string>
    hubId: string
    subjectRef: string
    kind: string
    record: Json<Record<string, unknown>>
    legalBasis: string
    keptUntil: string
    createdAt: Timestamp
  }
}
