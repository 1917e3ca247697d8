import type { ServiceContext } from '../service-context.ts'

/** How many of the signed-in user's notifications are unread. */
export async function countUnreadNotifications({ db, actor }: ServiceContext): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('userId', '=', actor.userId)
    .where('readAt', 'is', null)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}
