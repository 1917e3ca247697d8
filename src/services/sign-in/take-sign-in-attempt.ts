import { type Kysely, sql } from 'kysely'
import type { Database } from '../../store/index.ts'
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, type ThrottlePolicy } from './sign-in-throttle-policy.ts'

/** Whether a sign-in attempt may be evaluated now. */
export type SignInAttempt =
  | { readonly isAllowed: true }
  | { readonly isAllowed: false; readonly reason: 'account' | 'address'; readonly retryAfterSeconds: number }

/** The throttle keys of an attempt. */
export function signInThrottleKeys(email: string, address: string) {
  return { account: `account:${email.trim().toLowerCase()}`, address: `address:${address}` } as const
}

/**
 * Counts one failure against `key` unless it is waiting out a backoff, in one statement (a row lock), so that
 * concurrent attempts on several servers cannot all slip through. Returns null when the attempt is allowed,
 * else the seconds left to wait.
 */
async function takeAttempt(
  db: Kysely<Database>,
  key: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<number | null> {
  const decayCutoff = new Date(now.getTime() - policy.decaySeconds * 1000)
  const counted = await sql<{ failures: number }>`
    insert into sign_in_throttle as t (key, failures, last_failure_at, locked_until)
    values (${key}, 1, ${now}, null)
    on conflict (key) do update set
      failures = case when t.last_failure_at < ${decayCutoff} then 1 else t.failures + 1 end,
      last_failure_at = ${now},
      locked_until = case
        when (case when t.last_failure_at < ${decayCutoff} then 1 else t.failures + 1 end) > ${policy.freeFailures}
        then ${now}::timestamptz + least(
          ${policy.baseSeconds}::float8 * power(2, (t.failures - ${policy.freeFailures})::float8),
          ${policy.maxSeconds}::float8
        ) * interval '1 second'
        else null end
    where t.locked_until is null or t.locked_until <= ${now}
    returning failures
  `.execute(db)
  if (counted.rows.length > 0) return null
  const row = await db
    .selectFrom('signInThrottle')
    .select('lockedUntil')
    .where('key', '=', key)
    .executeTakeFirst()
  const until = row?.lockedUntil?.getTime() ?? now.getTime() + 1000
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000))
}

/**
 * The sign-in limiter, run before the password is checked: each attempt is counted in advance as a failure
 * against the account and the client address (see {@link ACCOUNT_THROTTLE}, {@link ADDRESS_THROTTLE}); an
 * attempt made while either waits out its backoff is refused unevaluated. {@link recordSignInSuccess}
 * takes the advance back when the password was right. Stored in the database: two servers share it.
 */
export async function takeSignInAttempt(
  db: Kysely<Database>,
  attempt: { readonly email: string; readonly address: string; readonly now: Date },
): Promise<SignInAttempt> {
  const keys = signInThrottleKeys(attempt.email, attempt.address)
  const accountWait = await takeAttempt(db, keys.account, ACCOUNT_THROTTLE, attempt.now)
  if (accountWait !== null) return { isAllowed: false, reason: 'account', retryAfterSeconds: accountWait }
  const addressWait = await takeAttempt(db, keys.address, ADDRESS_THROTTLE, attempt.now)
  if (addressWait !== null) return { isAllowed: false, reason: 'address', retryAfterSeconds: addressWait }
  return { isAllowed: true }
}

/** After a right password: the account's count is cleared and the address's advance taken back. */
export async function recordSignInSuccess(
  db: Kysely<Database>,
  attempt: { readonly email: string; readonly address: string },
): Promise<void> {
  const keys = signInThrottleKeys(attempt.email, attempt.address)
  await db.deleteFrom('signInThrottle').where('key', '=', keys.account).execute()
  await db
    .updateTable('signInThrottle')
    .set((eb) => ({ failures: sql<number>`greatest(${eb.ref('failures')} - 1, 0)` }))
    .where('key', '=', keys.address)
    .execute()
}
