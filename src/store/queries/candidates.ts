import type { Kysely } from 'kysely'
import type { Database } from '../database.ts'

/** Name and nationality of the candidates with these ids (none asked, no query). */
export async function listCandidateNames(db: Kysely<Database>, candidateIds: readonly string[]) {
  if (candidateIds.length === 0) return []
  return db
    .selectFrom('candidate')
    .select(['id', 'fullName', 'nationality'])
    .where('id', 'in', [...candidateIds])
    .execute()
}

/**
 * How to reach the candidates with these ids: name, e-mail, login and its language, and the nationality and
 * languages that choose a language when there is no login (none asked, no query).
 */
export async function listCandidateContacts(db: Kysely<Database>, candidateIds: readonly string[]) {
  if (candidateIds.length === 0) return []
  return db
    .selectFrom('candidate')
    .leftJoin('authUser', 'authUser.id', 'candidate.userId')
    .select([
      'candidate.id',
      'candidate.fullName',
      'candidate.email',
      'candidate.userId',
      'authUser.locale',
      'candidate.nationality',
      'candidate.languages',
    ])
    .where('candidate.id', 'in', [...candidateIds])
    .execute()
}
