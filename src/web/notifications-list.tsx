import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { OwnNotification } from '../domain/index.ts'
import { navigateTo } from './navigation.ts'
import { markNotificationRead } from './notifications-api.ts'

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/** "3 minutes ago" / "3분 전" / "3 phút trước"; under a minute, "now". */
export function formatRelativeTime(iso: string, locale: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000)
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit)
  }
  return format.format(0, 'second')
}

/**
 * Notifications, newest first: unread ones marked; opening one marks it read and goes to the page it is
 * about; one without a link can be marked read on its own.
 */
export function NotificationList(props: {
  readonly notifications: readonly OwnNotification[]
  /** Called after an item was opened (e.g. to close a menu). */
  readonly onOpened?: () => void
  /** Shorter bodies (the header menu). */
  readonly isCompact?: boolean
  readonly testId?: string
}) {
  const { t, i18n } = useTranslation()
  if (props.notifications.length === 0) return <p className="muted">{t('notifications.empty')}</p>
  const open = (event: MouseEvent<HTMLAnchorElement>, notification: OwnNotification) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return
    event.preventDefault()
    if (!notification.readAt) void markNotificationRead(notification.id).catch(() => {})
    props.onOpened?.()
    if (notification.link) {
      navigateTo(notification.link)
      document.getElementById('main')?.focus({ preventScroll: true })
    }
  }
  return (
    <ul className="notification-list" data-testid={props.testId}>
      {props.notifications.map((notification) => {
        const isUnread = notification.readAt === null
        return (
          <li
            key={notification.id}
            className={isUnread ? 'notification-item is-unread' : 'notification-item'}
            data-testid="notification"
          >
            <div className="notification-head">
              {isUnread ? (
                <span className="notification-dot" role="img" aria-label={t('notifications.unread')} />
              ) : null}
              {notification.link ? (
                <a
                  href={notification.link}
                  className="notification-subject"
                  onClick={(event) => open(event, notification)}
                >
                  {notification.subject}
                </a>
              ) : (
                <span className="notification-subject">{notification.subject}</span>
              )}
            </div>
            <p className={props.isCompact ? 'notification-body is-compact' : 'notification-body'}>
              {notification.body}
            </p>
            <p className="notification-meta">
              <time
                dateTime={notification.createdAt}
                title={new Date(notification.createdAt).toLocaleString(i18n.language)}
              >
                {formatRelativeTime(notification.createdAt, i18n.language)}
              </time>
              {isUnread && !notification.link ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void markNotificationRead(notification.id).catch(() => {})}
                >
                  {t('notifications.markRead')}
                </button>
              ) : null}
            </p>
          </li>
        )
      })}
    </ul>
  )
}
