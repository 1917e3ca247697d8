import { z } from 'zod'

/** Shortest password an account may have (NIST SP 800-63B asks for at least 8; Ieum asks for 10). */
export const MIN_PASSWORD_LENGTH = 10
/** Longest password accepted (argon2 hashes any length; this bounds the work per sign-in). */
export const MAX_PASSWORD_LENGTH = 128

/** Tells whether a lower-cased password is on the list of common and breached passwords. */
export type IsCommonPassword = (lowerCased: string) => boolean

/** Why a new password is refused, or null when it may be used. */
export function findPasswordProblem(
  password: string,
  isCommon: IsCommonPassword,
  context: { readonly email?: string | undefined } = {},
): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`
  const lowerCased = password.trim().toLowerCase()
  if (context.email !== undefined && lowerCased === context.email.trim().toLowerCase())
    return 'must not be your e-mail address'
  if (isCommon(lowerCased))
    return 'is one of the most common passwords, which attackers try first; choose another'
  return null
}

/**
 * The zod schema of a password being set (sign-up, invitation acceptance, change, reset): 10–128 characters
 * and not on the common-password list, checked case-insensitively. The message names the field through zod's
 * path, e.g. `body.password: is one of the most common passwords…`.
 */
export function createNewPasswordSchema(isCommon: IsCommonPassword) {
  return z.string().superRefine((password, context) => {
    const problem = findPasswordProblem(password, isCommon)
    if (problem) context.addIssue({ code: 'custom', message: problem })
  })
}
