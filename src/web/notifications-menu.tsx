import { type CSSProperties, useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NotificationSummary } from '../domain/index.ts'
import { AppLink } from './app-link.tsx'
import { describeError } from './describe-error.ts'
import { NOTIFICATIONS_PATH, usePath } from './navigation.ts'
import {
  fetchNotificationSummary,
  markAllNotificationsRead,
  onNotificationsChanged,
} from './notifications-api.ts'
import { NotificationList } from './notifications-list.tsx'

/** How often the unread count is refreshed while the page is open. */
const REFRESH_MS = 60_000
/** How many notifications the menu lists. */
const MENU_SIZE = 8

/**
 * The bell in the header of every signed-in user: the unread count (refreshed every minute, when the window
 * gets focus, and after anything that sends or reads notifications), and a panel with the latest ones in
 * the user's current language, "mark all as read" and a link to all of them. Escape or a click outside closes it.
 */
export function NotificationsMenu() {
  const { t, i18n } = useTranslation()
  const id = useId()
  const locale = i18n.language
  const path = usePath()
  const [summary, setSummary] = useState<NotificationSummary | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [isOpen, setIsOpen] = useState(false)
  // On narrow screens the panel spans the screen just below the bell, wherever the header wrapped it.
  const [panelTop, setPanelTop] = useState(0)
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)

  const load = useCallback(async () => {
    try {
      setSummary(await fetchNotificationSummary(MENU_SIZE, locale))
      setError(null)
    } catch (caught) {
      setError(caught)
    }
  }, [locale])

  useEffect(() => {
    void load()
    const timer = window.setInterval(() => void load(), REFRESH_MS)
    const onFocus = () => void load()
    window.addEventListener('focus', onFocus)
    const unsubscribe = onNotificationsChanged(() => void load())
    return () => {
      window.clearInterval(timer)
      window.removeEventListener('focus', onFocus)
      unsubscribe()
    }
  }, [load])

  // A new page: the menu closes and the count is refreshed (the page may have changed something).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => {
    setIsOpen(false)
    void load()
  }, [path])

  useEffect(() => {
    if (!isOpen) return
    const onPointer = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setIsOpen(false)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setIsOpen(false)
        buttonRef.current?.focus()
      }
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [isOpen])

  const unread = summary?.unread ?? 0
  const markAll = async () => {
    try {
      await markAllNotificationsRead()
    } catch (caught) {
      setError(caught)
    }
  }
  return (
    <div className="notifications-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="notifications-button"
        aria-expanded={isOpen}
        aria-controls={`${id}-panel`}
        aria-label={t('notifications.button', { count: unread })}
        data-testid="notifications-button"
        onClick={() => {
          if (!isOpen) {
            void load()
            setPanelTop(Math.round(buttonRef.current?.getBoundingClientRect().bottom ?? 0) + 8)
          }
          setIsOpen(!isOpen)
        }}
      >
        <svg className="notifications-bell" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
        </svg>
        {unread > 0 ? (
          <span className="notifications-count" data-testid="notifications-unread" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {isOpen ? (
        <section
          id={`${id}-panel`}
          className="notifications-panel"
          style={{ '--panel-top': `${panelTop}px` } as CSSProperties}
          aria-labelledby={`${id}-title`}
          data-testid="notifications-panel"
        >
          <div className="notifications-panel-head">
            <h2 id={`${id}-title`} className="mini-title">
              {t('notifications.title')}
            </h2>
            {unread > 0 ? (
              <button type="button" className="link-button" onClick={() => void markAll()}>
                {t('notifications.markAllRead')}
              </button>
            ) : null}
          </div>
          <p className="visually-hidden" aria-live="polite">
            {t('notifications.unreadCount', { count: unread })}
          </p>
          {error ? (
            <p className="notice notice-error" role="alert">
              {describeError(error, t)}
            </p>
          ) : null}
          {summary ? (
            <NotificationList
              notifications={summary.latest}
              isCompact
              onOpened={() => setIsOpen(false)}
              testId="notifications-menu-list"
            />
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )}
          <p className="notifications-panel-foot">
            <AppLink to={NOTIFICATIONS_PATH}>{t('notifications.seeAll')}</AppLink>
          </p>
        </section>
      ) : null}
    </div>
  )
}
