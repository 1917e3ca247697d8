import { strToU8, zipSync } from 'fflate'
import type { Kysely } from 'kysely'
import { AppError } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'
import { formatCsv } from '../imports/index.ts'

/** Everything Ieum holds about one candidate, table by table (GDPR Art. 15 and 20, PIPA Art. 35). */
export interface SubjectExport {
  readonly candidateId: string
  readonly generatedAt: string
  readonly tables: Readonly<Record<string, readonly Record<string, unknown>[]>>
}

function plain(rows: readonly object[]): Record<string, unknown>[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
    ),
  )
}

/**
 * Collects every row about the candidate: the record, the login (never its password hash), consents,
 * applications, own rank lists, placements, notifications and e-mails, invitations, privacy requests, and the
 * audit entries about them (who read or changed their data). Rows about other people are not included.
 */
export async function exportSubjectData(
  db: Kysely<Database>,
  candidateId: string,
  now: Date,
): Promise<SubjectExport> {
  const candidate = await db
    .selectFrom('candidate')
    .selectAll()
    .where('id', '=', candidateId)
    .executeTakeFirst()
  if (!candidate) throw new AppError('not_found', `no candidate ${candidateId}`)
  const userId = candidate.userId
  const login = userId
    ? await db
        .selectFrom('authUser')
        .select(['id', 'name', 'email', 'locale', 'createdAt', 'updatedAt'])
        .where('id', '=', userId)
        .execute()
    : []
  const emails = [candidate.email, ...login.map((row) => row.email)]
  const ids = [candidateId, ...(userId ? [userId] : [])]
  const tables: Record<string, Record<string, unknown>[]> = {
    candidate: plain([candidate]),
    login: plain(login),
    consents: userId
      ? plain(await db.selectFrom('consent').selectAll().where('userId', '=', userId).execute())
      : [],
    applications: plain(
      await db.selectFrom('application').selectAll().where('candidateId', '=', candidateId).execute(),
    ),
    rankings: plain(
      await db
        .selectFrom('ranking')
        .selectAll()
        .where('side', '=', 'candidate')
        .where('candidateId', '=', candidateId)
        .execute(),
    ),
    placements: plain(
      await db.selectFrom('placement').selectAll().where('candidateId', '=', candidateId).execute(),
    ),
    notifications: plain(
      await db
        .selectFrom('notification')
        .select(['id', 'email', 'locale', 'kind', 'subject', 'body', 'link', 'createdAt', 'readAt', 'sentAt'])
        .where((eb) => eb.or([eb('email', 'in', emails), ...(userId ? [eb('userId', '=', userId)] : [])]))
        .execute(),
    ),
    invitations: plain(
      await db
        .selectFrom('invitation')
        .select([
          'id',
          'email',
          'name',
          'role',
          'locale',
          'createdAt',
          'expiresAt',
          'acceptedAt',
          'revokedAt',
        ])
        .where((eb) => eb.or([eb('candidateId', '=', candidateId), eb('email', 'in', emails)]))
        .execute(),
    ),
    privacyRequests: plain(
      await db.selectFrom('privacyRequest').selectAll().where('candidateId', '=', candidateId).execute(),
    ),
    auditEntries: plain(
      await db
        .selectFrom('auditLog')
        .select(['id', 'at', 'actorUserId', 'action', 'entityType', 'entityId', 'detail'])
        .where('entityId', 'in', ids)
        .orderBy('at')
        .execute(),
    ),
  }
  return { candidateId, generatedAt: now.toISOString(), tables }
}

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return ''
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** The export as one zip: `data.json` (all tables) and one CSV per table (UTF-8 with BOM, for spreadsheets). */
export function zipSubjectExport(data: SubjectExport): Uint8Array {
  const files: Record<string, Uint8Array> = { 'data.json': strToU8(JSON.stringify(data, null, 2)) }
  for (const [table, rows] of Object.entries(data.tables)) {
    const header = [...new Set(rows.flatMap((row) => Object.keys(row)))]
    files[`${table}.csv`] = strToU8(
      formatCsv(
        header,
        rows.map((row) => header.map((key) => cellOf(row[key]))),
      ),
    )
  }
  return zipSync(files, { level: 6 })
}
