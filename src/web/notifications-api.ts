import type { NotificationSummary } from '../domain/index.ts'
import { requestApi } from './api-client.ts'

/** The unread count and the latest `limit` notifications, written in `locale`. */
export function fetchNotificationSummary(limit: number, locale: string): Promise<NotificationSummary> {
  return requestApi(
    'GET',
    `/api/me/notifications/summary?limit=${limit}&locale=${encodeURIComponent(locale)}`,
  )
}

/** Marks one notification as read. */
export async function markNotificationRead(notificationId: string): Promise<void> {
  await requestApi('POST', `/api/me/notifications/${encodeURIComponent(notificationId)}/read`, {})
  announceNotificationsChanged()
}

/** Marks every notification as read. */
export async function markAllNotificationsRead(): Promise<void> {
  await requestApi('POST', '/api/me/notifications/read', {})
  announceNotificationsChanged()
}

const CHANGED_EVENT = 'ieum:notifications-changed'

/** Asks every notification view on the page to reload (after something that sends or reads notifications). */
export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event(CHANGED_EVENT))
}

/** Calls `listener` when notifications may have changed; returns the unsubscribe function. */
export function onNotificationsChanged(listener: () => void): () => void {
  window.addEventListener(CHANGED_EVENT, listener)
  return () => window.removeEventListener(CHANGED_EVENT, listener)
}
