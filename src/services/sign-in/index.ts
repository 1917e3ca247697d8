/** Sign-in and sessions: throttling, idle timeout, password change and reset. */

export { changePassword, type PasswordChange } from './change-password.ts'
export { endOtherSessions } from './end-other-sessions.ts'
export { PASSWORD_RESET_MINUTES, PASSWORD_RESETS_PER_HOUR } from './password-reset-rules.ts'
export { buildResetUrl, requestPasswordReset } from './request-password-reset.ts'
export { type PasswordResetStatus, previewPasswordReset, resetPassword } from './reset-password.ts'
export { resolveSession, type SessionActor } from './resolve-session.ts'
export { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, type ThrottlePolicy } from './sign-in-throttle-policy.ts'
export { recordSignInSuccess, type SignInAttempt, takeSignInAttempt } from './take-sign-in-attempt.ts'
