import type { Kysely } from 'kysely'
import { AppError, type InvitationView } from '../../domain/index.ts'
import type { Database } from '../../store/index.ts'
import { loadInvitationViews } from './invitation-rows.ts'

export async function loadInvitationView(
  db: Kysely<Database>,
  hubId: string,
  id: string,
  now: Date,
): Promise<InvitationView> {
  const [view] = await loadInvitationViews(db, { hubId, ids: [id] }, now)
  if (!view) throw new AppError('not_found', `no invitation ${id}`)
  return view
}
