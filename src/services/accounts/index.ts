/** Logins: better-auth, argon2id hashes, the signed-in actor, self-registration. */

export { type Auth, type AuthSettings, createAuth, MIN_PASSWORD_LENGTH } from './create-auth.ts'
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
