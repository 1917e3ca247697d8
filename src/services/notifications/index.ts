/** Notifications: in-app messages and the e-mail outbox in each recipient's language, its delivery over SMTP, and the announcements of published runs. */

export { countUnreadNotifications } from './count-unread-notifications.ts'
export {
  DEFAULT_RETRY_DELAYS_MS,
  deliverOutbox,
  type MailTransport,
  type OutboxDeliveryOptions,
  type OutboxDeliveryReport,
  type OutgoingMail,
} from './deliver-outbox.ts'
export { listOutbox } from './list-outbox.ts'
export { listOwnNotifications } from './list-own-notifications.ts'
export { markNotificationsRead } from './mark-notifications-read.ts'
export { markOwnNotificationRead } from './mark-own-notification-read.ts'
export {
  isNotificationKind,
  NOTIFICATION_KINDS,
  type NotificationKind,
  renderMailFooter,
  renderNotification,
} from './notification-templates.ts'
export { notifyRunPublished, type PublishedRound } from './notify-run-published.ts'
export { type OutgoingNotification, queueNotifications } from './queue-notifications.ts'
export {
  createSmtpTransport,
  type OutboxSender,
  type OutboxSenderSettings,
  startOutboxSender,
} from './start-outbox-sender.ts'
