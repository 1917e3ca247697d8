import type { Kysely } from 'kysely'
import { AppError } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'
import { assertNewPasswordAllowed, hashPassword } from '../accounts/index.ts'

/** Checks the password policy (naming `path`), hashes with argon2id and stores it as the login's password. */
export async function setAccountPassword(
  db: Kysely<Database>,
  user: { readonly id: string; readonly email: string },
  password: string,
  options: { readonly now: Date; readonly path: string },
): Promise<void> {
  assertNewPasswordAllowed(password, { email: user.email, path: options.path })
  const result = await db
    .updateTable('authAccount')
    .set({ password: await hashPassword(password), updatedAt: options.now })
    .where('userId', '=', user.id)
    .where('providerId', '=', 'credential')
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) throw new AppError('not_found', 'this login has no password')
}
