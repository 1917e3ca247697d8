/** Path segments that carry a secret (invitation and password-reset tokens) and the query parameters that may. */
const SECRET_PATHS = [
  /^(\/invite\/)[^/?]+/,
  /^(\/api\/invitations\/by-token\/)[^/?]+/,
  /^(\/reset-password\/)[^/?]+/,
  /^(\/api\/password-resets\/)[^/?]+/,
]
const SECRET_PARAMS = /([?&](?:token|code)=)[^&]*/g

/**
 * A request URL fit for the log: invitation tokens in paths and `token`/`code` query values are replaced
 * by `[redacted]`, so that reading the server log does not give anyone a way to accept an invitation.
 */
export function redactUrl(url: string): string {
  let redacted = url
  for (const pattern of SECRET_PATHS) redacted = redacted.replace(pattern, '$1[redacted]')
  return redacted.replace(SECRET_PARAMS, '$1[redacted]')
}
