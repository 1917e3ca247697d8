import { readFileSync } from 'node:fs'
import { AppError, createNewPasswordSchema, findPasswordProblem } from '../../domain/index.ts'

/** The bundled list of common and breached passwords (source and licence: its COMMON-PASSWORDS.md). */
const LIST_FILE = new URL('../../domain/data/common-passwords.txt', import.meta.url)

let list: ReadonlySet<string> | null = null

/** True when the lower-cased password is on the bundled list (read once, on first use: ~49,000 entries). */
export function isCommonPassword(lowerCased: string): boolean {
  list ??= new Set(
    readFileSync(LIST_FILE, 'utf8')
      .split('\n')
      .filter((line) => line.length > 0),
  )
  return list.has(lowerCased)
}

/** A password being set, as routes validate it: length and the common-password list, naming the field. */
export const NewPasswordSchema = createNewPasswordSchema(isCommonPassword)

/**
 * Throws `validation_failed` naming `path` unless `password` may be set (see `findPasswordProblem`):
 * services check it wherever a password is stored, whatever the route validated.
 */
export function assertNewPasswordAllowed(
  password: string,
  options: { readonly email?: string; readonly path?: string } = {},
): void {
  const problem = findPasswordProblem(password, isCommonPassword, { email: options.email })
  if (!problem) return
  const path = options.path ?? 'body.password'
  throw new AppError('validation_failed', `invalid input: ${path} ${problem}`, [{ path, message: problem }])
}
