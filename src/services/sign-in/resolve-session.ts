import type { Kysely } from 'kysely'
import type { Actor } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'
import type { Auth } from '../accounts/index.ts'
import { loadActor } from '../accounts/index.ts'

/** How often a session's last activity is written (a write per request would cost every read). */
const LAST_SEEN_RESOLUTION_MS = 60_000

/** The signed-in caller and their session's id. */
export interface SessionActor {
  readonly actor: Actor
  readonly sessionId: string
}

/**
 * Reads the session from the request's cookie (better-auth checks its signature and absolute expiry) and
 * enforces the idle timeout: a session unused for `idleSeconds` is deleted and counts as signed out. Last
 * activity is kept to the minute.
 */
export async function resolveSession(
  auth: Auth,
  db: Kysely<Database>,
  headers: Headers,
  options: { readonly now: Date; readonly idleSeconds: number },
): Promise<SessionActor | null> {
  const session = await auth.api.getSession({ headers, query: { disableRefresh: true } })
  if (!session) return null
  const sessionId = session.session.id
  const row = await db
    .selectFrom('authSession')
    .select('lastSeenAt')
    .where('id', '=', sessionId)
    .executeTakeFirst()
  if (!row) return null
  const idleMs = options.now.getTime() - row.lastSeenAt.getTime()
  if (idleMs > options.idleSeconds * 1000) {
    await db.deleteFrom('authSession').where('id', '=', sessionId).execute()
    return null
  }
  if (idleMs > LAST_SEEN_RESOLUTION_MS) {
    await db.updateTable('authSession').set({ lastSeenAt: options.now }).where('id', '=', sessionId).execute()
  }
  const actor = await loadActor(db, session.user.id)
  return actor ? { actor, sessionId } : null
}
