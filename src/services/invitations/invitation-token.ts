import { createHash, randomBytes } from 'node:crypto'

/** A fresh invitation token (32 random bytes, base64url) and the SHA-256 that is stored in its place. */
export function createInvitationToken(): { readonly token: string; readonly tokenSha256: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, tokenSha256: hashInvitationToken(token) }
}

/** The stored form of a token: its SHA-256 in hex. A leaked database therefore holds no usable link. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** The link in the e-mail: `<baseUrl>/invite/<token>`. */
export function buildAcceptUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/invite/${token}`
}
