/** One in-app notification as its recipient sees it. */
export interface OwnNotification {
  readonly id: string
  readonly kind: string
  readonly subject: string
  readonly body: string
  /** A path inside the app the notification is about, or null. */
  readonly link: string | null
  readonly createdAt: string
  readonly readAt: string | null
}

/** What `GET /api/me/notifications/summary` answers: the unread count and the latest notifications. */
export interface NotificationSummary {
  readonly unread: number
  readonly latest: readonly OwnNotification[]
}
