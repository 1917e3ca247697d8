import type { OwnNotification, UiLocale } from '../../domain/index.ts'
import type { ServiceContext } from '../service-context.ts'
import { isNotificationKind, renderNotification } from './notification-templates.ts'

/**
 * The signed-in user's in-app notifications, newest first (at most `limit`, 200 by default), written in
 * `locale` (default: the language they were sent in) where the template parameters were kept.
 */
export async function listOwnNotifications(
  { db, actor }: ServiceContext,
  options: { readonly limit?: number; readonly isUnreadOnly?: boolean; readonly locale?: UiLocale } = {},
): Promise<OwnNotification[]> {
  let query = db
    .selectFrom('notification')
    .select(['id', 'kind', 'subject', 'body', 'link', 'createdAt', 'readAt', 'params'])
    .where('userId', '=', actor.userId)
  if (options.isUnreadOnly === true) query = query.where('readAt', 'is', null)
  const rows = await query
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit ?? 200)
    .execute()
  return rows.map(({ params, ...row }) => ({
    ...row,
    ...(options.locale !== undefined && params !== null && isNotificationKind(row.kind)
      ? renderNotification(row.kind, options.locale, params as Record<string, string | number>)
      : {}),
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  }))
}
