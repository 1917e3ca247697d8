import type { Kysely } from 'kysely'
import { AppError } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'

/**
 * Throws `conflict` naming `path` when `email` is another account's login, or another candidate record's
 * address in the hub: a candidate could otherwise take over someone else's address (invitations and password
 * resets go by e-mail). `candidateId` is the record being changed, whose own login may keep its address.
 */
export async function assertEmailUnclaimed(
  db: Kysely<Database>,
  claim: {
    readonly email: string
    readonly hubId: string
    readonly candidateId: string
    readonly path: string
  },
): Promise<void> {
  const email = claim.email.trim().toLowerCase()
  const own = await db
    .selectFrom('candidate')
    .select('userId')
    .where('id', '=', claim.candidateId)
    .executeTakeFirst()
  let logins = db.selectFrom('authUser').select('id').where('email', '=', email)
  if (own?.userId) logins = logins.where('id', '!=', own.userId)
  const login = await logins.executeTakeFirst()
  const record = await db
    .selectFrom('candidate')
    .select('id')
    .where('hubId', '=', claim.hubId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
    .where('id', '!=', claim.candidateId)
    .executeTakeFirst()
  if (login || record) {
    throw new AppError('conflict', `the e-mail address ${email} belongs to another account`, [
      { path: claim.path, message: 'belongs to another account' },
    ])
  }
}
