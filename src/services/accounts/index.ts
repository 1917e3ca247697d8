/** Logins: better-auth, argon2id hashes, the signed-in actor, self-registration. */

export { assertNewPasswordAllowed, isCommonPassword, NewPasswordSchema } from './common-passwords.ts'
export {
  type Auth,
  type AuthSettings,
  createAuth,
  DEFAULT_SESSION_IDLE_SECONDS,
  DEFAULT_SESSION_MAX_SECONDS,
} from './create-auth.ts'
export { createUserAccount, type NewAccount } from './create-user-account.ts'
export { hashPassword, verifyPassword } from './hash-password.ts'
export { loadActor } from './load-actor.ts'
export {
  type CandidateRegistration,
  PERSONAL_DATA_POLICY_VERSION,
  type RegisteredCandidate,
  registerCandidate,
  UNKNOWN_COUNTRY,
} from './register-candidate.ts'
export { setUserLocale } from './set-user-locale.ts'
