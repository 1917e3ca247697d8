import { AppError } from '../../domain/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { markNotificationsRead } from './mark-notifications-read.ts'

/** Marks one of the signed-in user's notifications as read; someone else's answers not found. */
export async function markOwnNotificationRead(
  context: ServiceContext,
  notificationId: string,
): Promise<void> {
  const own = await context.db
    .selectFrom('notification')
    .select('id')
    .where('id', '=', notificationId)
    .where('userId', '=', context.actor.userId)
    .executeTakeFirst()
  if (!own) throw new AppError('not_found', `no notification ${notificationId}`)
  await markNotificationsRead(context, [notificationId])
}
