/** How failed sign-ins are throttled for one kind of key. */
export interface ThrottlePolicy {
  /** Failures allowed before any wait (within `decaySeconds` of each other). */
  readonly freeFailures: number
  /** The first wait after the free ones, doubling with each further failure… */
  readonly baseSeconds: number
  /** …up to this. */
  readonly maxSeconds: number
  /** A failure this long after the previous one starts the count again. */
  readonly decaySeconds: number
}

/**
 * Per account (the e-mail typed, whether or not it exists, so the answer reveals nothing): 5 free tries, then
 * 1 s, 2 s, 4 s … up to 15 min between evaluated guesses, for whoever sends them and from however many
 * addresses. 180 guesses in a few seconds get ~8 evaluated; the owner, after the attacker stops, waits at
 * most 15 minutes, and a success clears the count.
 */
export const ACCOUNT_THROTTLE: ThrottlePolicy = {
  freeFailures: 5,
  baseSeconds: 1,
  maxSeconds: 15 * 60,
  decaySeconds: 60 * 60,
}

/**
 * Per client address: generous, because a class or an office signs in from one NAT address (30 people with
 * a typo each stay far below it); only wrong passwords count, so successful sign-ins never use it up. It
 * stops one address from spraying guesses over many accounts.
 */
export const ADDRESS_THROTTLE: ThrottlePolicy = {
  freeFailures: 50,
  baseSeconds: 1,
  maxSeconds: 15 * 60,
  decaySeconds: 15 * 60,
}
