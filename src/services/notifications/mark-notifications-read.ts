import type { ServiceContext } from '../service-context.ts'

/**
 * Marks the signed-in user's notifications as read: those in `ids`, or all of them without `ids`.
 * Returns how many changed; ids of someone else's notifications change nothing (and are not revealed).
 */
export async function markNotificationsRead(
  { db, actor, now }: ServiceContext,
  ids?: readonly string[],
): Promise<number> {
  if (ids !== undefined && ids.length === 0) return 0
  let query = db
    .updateTable('notification')
    .set({ readAt: now() })
    .where('userId', '=', actor.userId)
    .where('readAt', 'is', null)
  if (ids !== undefined) query = query.where('id', 'in', ids)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows)
}
