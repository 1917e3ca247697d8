import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AppLink } from './app-link.tsx'
import { AsyncView } from './async-view.tsx'
import { describeError } from './describe-error.ts'
import {
  fetchNotificationSummary,
  markAllNotificationsRead,
  onNotificationsChanged,
} from './notifications-api.ts'
import { NotificationList } from './notifications-list.tsx'
import { useApiData } from './use-api-data.ts'

/** Every notification of the signed-in user (the latest 200), in their current language. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const load = useCallback(() => fetchNotificationSummary(200, locale), [locale])
  const summary = useApiData(`notifications:${locale}`, load)
  const { reload } = summary
  const [error, setError] = useState<unknown>(null)
  useEffect(() => onNotificationsChanged(reload), [reload])
  const markAll = async () => {
    setError(null)
    try {
      await markAllNotificationsRead()
    } catch (caught) {
      setError(caught)
    }
  }
  return (
    <>
      <p className="back-link">
        <AppLink to="/">← {t('notifications.back')}</AppLink>
      </p>
      <section className="page-head">
        <h1>{t('notifications.title')}</h1>
        <p className="lead">{t('notifications.intro')}</p>
      </section>
      <AsyncView data={summary}>
        {(data) => (
          <section className="section" aria-label={t('notifications.title')}>
            <div className="toolbar">
              <p className="muted" aria-live="polite">
                {t('notifications.unreadCount', { count: data.unread })}
              </p>
              {data.unread > 0 ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => void markAll()}
                >
                  {t('notifications.markAllRead')}
                </button>
              ) : null}
            </div>
            {error ? (
              <p className="notice notice-error" role="alert">
                {describeError(error, t)}
              </p>
            ) : null}
            <NotificationList notifications={data.latest} testId="notifications-page-list" />
          </section>
        )}
      </AsyncView>
    </>
  )
}
