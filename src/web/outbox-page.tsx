import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../domain/index.ts'
import { AsyncView } from './async-view.tsx'
import { formatNumber } from './format.ts'
import { isUiLocale, LOCALE_NATIVE_NAMES } from './i18n.ts'
import { fetchOutbox, type OutboxMessage, outboxStatusOf } from './operator-api.ts'
import { formatDateTime } from './operator-format.ts'
import { useApiData } from './use-api-data.ts'

/** Statuses always offered as filters; any other status the server reports is added beside them. */
const KNOWN_STATUSES = ['queued', 'sent', 'failed'] as const
const PAGE = 100
/** The server answers with the newest messages up to this many. */
const SERVER_LIMIT = 500

/**
 * The hub's e-mail outbox for operators: every message with recipient, language, subject, delivery status
 * and time; filters by status, language and kind, a search, and a preview of the message.
 */
export function OutboxPage(props: { readonly role: Role }) {
  const { t } = useTranslation()
  const outbox = useApiData('outbox', fetchOutbox)
  if (props.role !== 'operator') {
    return (
      <p className="notice notice-error" role="alert">
        {t('error.forbidden')}
      </p>
    )
  }
  return (
    <>
      <section className="page-head" aria-labelledby="outbox-title">
        <div className="page-title-row">
          <h1 id="outbox-title">{t('outbox.title')}</h1>
          <button type="button" className="button button-secondary button-small" onClick={outbox.reload}>
            {t('outbox.refresh')}
          </button>
        </div>
        <p className="lead">{t('outbox.intro')}</p>
      </section>
      <AsyncView data={outbox}>{(messages) => <OutboxView messages={messages} />}</AsyncView>
    </>
  )
}

function OutboxView(props: { readonly messages: readonly OutboxMessage[] }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const [status, setStatus] = useState('all')
  const [language, setLanguage] = useState('all')
  const [kind, setKind] = useState('all')
  const [query, setQuery] = useState('')
  const [shownCount, setShownCount] = useState(PAGE)
  const [selectedId, setSelectedId] = useState<string | null>(null)

  const statusCounts = useMemo(() => {
    const counts = new Map<string, number>(KNOWN_STATUSES.map((known) => [known, 0]))
    for (const message of props.messages) {
      const own = outboxStatusOf(message)
      counts.set(own, (counts.get(own) ?? 0) + 1)
    }
    return counts
  }, [props.messages])
  const languages = useMemo(() => [...new Set(props.messages.map((m) => m.locale))].sort(), [props.messages])
  const kinds = useMemo(() => [...new Set(props.messages.map((m) => m.kind))].sort(), [props.messages])
  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase()
    return props.messages.filter(
      (message) =>
        (status === 'all' || outboxStatusOf(message) === status) &&
        (language === 'all' || message.locale === language) &&
        (kind === 'all' || message.kind === kind) &&
        (!needle || [message.email, message.subject].some((text) => text.toLowerCase().includes(needle))),
    )
  }, [props.messages, status, language, kind, query])
  const selected = props.messages.find((message) => message.id === selectedId) ?? null
  const languageName = (code: string) => (isUiLocale(code) ? LOCALE_NATIVE_NAMES[code] : code)
  const statusName = (code: string) => t(`outbox.status.${code}`, { defaultValue: code })

  if (props.messages.length === 0) return <p className="muted">{t('outbox.empty')}</p>
  return (
    <section className="section" aria-label={t('outbox.title')} data-testid="outbox">
      <div className="toolbar">
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('outbox.statusFilter')}</legend>
          {['all', ...statusCounts.keys()].map((option) => (
            <button
              key={option}
              type="button"
              className="segment"
              aria-pressed={status === option}
              onClick={() => {
                setStatus(option)
                setShownCount(PAGE)
              }}
            >
              {option === 'all' ? t('outbox.allStatuses') : statusName(option)}{' '}
              <span className="segment-count">
                {formatNumber(
                  option === 'all' ? props.messages.length : (statusCounts.get(option) ?? 0),
                  locale,
                )}
              </span>
            </button>
          ))}
        </fieldset>
      </div>
      <div className="toolbar">
        <label className="field field-inline">
          <span className="field-label">{t('outbox.language')}</span>
          <select className="input" value={language} onChange={(event) => setLanguage(event.target.value)}>
            <option value="all">{t('outbox.allLanguages')}</option>
            {languages.map((code) => (
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          <span className="field-label">{t('outbox.kind')}</span>
          <select className="input" value={kind} onChange={(event) => setKind(event.target.value)}>
            <option value="all">{t('outbox.allKinds')}</option>
            {kinds.map((code) => (
              <option key={code} value={code}>
                {t(`outbox.kinds.${code}`, { defaultValue: code })}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          <span className="field-label">{t('outbox.search')}</span>
          <input
            type="search"
            className="input"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t('outbox.searchPlaceholder')}
          />
        </label>
        <p className="muted" aria-live="polite">
          {t('outbox.showing', { shown: shown.length, count: props.messages.length })}
          {props.messages.length >= SERVER_LIMIT ? ` ${t('outbox.limited', { count: SERVER_LIMIT })}` : ''}
        </p>
      </div>
      <div className="outbox-layout">
        <div className="table-scroll">
          <table className="table" data-testid="outbox-table">
            <thead>
              <tr>
                <th scope="col">{t('outbox.time')}</th>
                <th scope="col">{t('outbox.recipient')}</th>
                <th scope="col">{t('outbox.subject')}</th>
                <th scope="col">{t('outbox.statusColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, shownCount).map((message) => {
                const own = outboxStatusOf(message)
                return (
                  <tr
                    key={message.id}
                    data-testid="outbox-row"
                    data-status={own}
                    className={message.id === selectedId ? 'is-selected' : undefined}
                  >
                    <td className="outbox-time">{formatDateTime(message.createdAt, locale)}</td>
                    <td className="outbox-recipient">
                      <span className="cell-strong">{message.email}</span>
                      <span className="cell-sub" lang={message.locale}>
                        {languageName(message.locale)}
                      </span>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('outbox.preview', { subject: message.subject, email: message.email })}
                        aria-pressed={message.id === selectedId}
                        onClick={() => setSelectedId(message.id === selectedId ? null : message.id)}
                      >
                        {message.subject}
                      </button>
                      <span className="cell-sub">
                        {t(`outbox.kinds.${message.kind}`, { defaultValue: message.kind })}
                      </span>
                    </td>
                    <td>
                      <span className={`badge badge-outbox-${own}`}>{statusName(own)}</span>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          {shown.length > shownCount ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setShownCount(shownCount + PAGE)}
            >
              {t('outbox.showMore', { count: Math.min(PAGE, shown.length - shownCount) })}
            </button>
          ) : null}
        </div>
        {selected ? <MessagePreview message={selected} onClose={() => setSelectedId(null)} /> : null}
      </div>
    </section>
  )
}

function MessagePreview(props: { readonly message: OutboxMessage; readonly onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { message } = props
  const own = outboxStatusOf(message)
  return (
    <aside
      className="card outbox-preview"
      aria-labelledby="outbox-preview-title"
      data-testid="outbox-preview"
    >
      <div className="card-head">
        <h2 className="card-title" id="outbox-preview-title">
          {message.subject}
        </h2>
        <button type="button" className="button button-quiet button-small" onClick={props.onClose}>
          {t('outbox.closePreview')}
        </button>
      </div>
      <dl className="facts facts-compact">
        <div>
          <dt>{t('outbox.recipient')}</dt>
          <dd>{message.email}</dd>
        </div>
        <div>
          <dt>{t('outbox.kind')}</dt>
          <dd>{t(`outbox.kinds.${message.kind}`, { defaultValue: message.kind })}</dd>
        </div>
        <div>
          <dt>{t('outbox.statusColumn')}</dt>
          <dd>
            <span className={`badge badge-outbox-${own}`}>
              {t(`outbox.status.${own}`, { defaultValue: own })}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('outbox.queuedAt')}</dt>
          <dd>{formatDateTime(message.createdAt, locale)}</dd>
        </div>
        {message.sentAt ? (
          <div>
            <dt>{t('outbox.sentAt')}</dt>
            <dd>{formatDateTime(message.sentAt, locale)}</dd>
          </div>
        ) : null}
      </dl>
      {message.sendError ? (
        <p className="notice notice-error">{t('outbox.error', { error: message.sendError })}</p>
      ) : null}
      <div className="message-body" lang={message.locale}>
        {message.body}
      </div>
      {message.link ? <p className="muted">{t('outbox.link', { link: message.link })}</p> : null}
    </aside>
  )
}
