import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { describeError } from './describe-error.ts'
import { formatDate } from './format.ts'
import {
  createPrivacyRequest,
  DATA_EXPORT_URL,
  fetchOwnPrivacyRequests,
  type PrivacyRequest,
} from './privacy-api.ts'
import { useApiData } from './use-api-data.ts'

/**
 * A candidate's privacy rights on their home page: download all their data (one zip), withdraw consent, ask
 * for erasure or for a person to review an automated outcome, and the answers to earlier requests.
 */
export function PrivacyPanel() {
  const { t, i18n } = useTranslation()
  const id = useId()
  const requests = useApiData('own-privacy-requests', fetchOwnPrivacyRequests)
  const [kind, setKind] = useState<PrivacyRequest['kind']>('human_review')
  const [subject, setSubject] = useState('')
  const [note, setNote] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [isSending, setIsSending] = useState(false)
  const send = async () => {
    if (kind !== 'human_review' && !window.confirm(t(`privacy.confirm_${kind}`))) return
    setIsSending(true)
    setMessage(null)
    try {
      await createPrivacyRequest({
        kind,
        ...(kind === 'human_review' && { subject: subject.trim() }),
        ...(note.trim() && { note: note.trim() }),
      })
      setMessage(t('privacy.sent'))
      setNote('')
      requests.reload()
    } catch (caught) {
      setMessage(describeError(caught, t))
    }
    setIsSending(false)
  }
  return (
    <section className="section" aria-labelledby={`${id}-title`} data-testid="privacy-panel">
      <h2 id={`${id}-title`} className="section-title">
        {t('privacy.title')}
      </h2>
      <p>{t('privacy.intro')}</p>
      <p>
        <a className="button button-secondary" href={DATA_EXPORT_URL} download data-testid="data-export">
          {t('privacy.download')}
        </a>
      </p>
      <div className="card">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-kind`}>
            {t('privacy.kindLabel')}
          </label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(event) => setKind(event.target.value as PrivacyRequest['kind'])}
          >
            {(['human_review', 'withdraw_consent', 'erasure'] as const).map((option) => (
              <option key={option} value={option}>
                {t(`privacy.kind_${option}`)}
              </option>
            ))}
          </select>
        </div>
        {kind === 'human_review' ? (
          <>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-subject`}>
                {t('privacy.subjectLabel')}
              </label>
              <input
                id={`${id}-subject`}
                value={subject}
                maxLength={200}
                placeholder={t('privacy.subjectPlaceholder')}
                onChange={(event) => setSubject(event.target.value)}
              />
            </div>
          </>
        ) : null}
        <div className="field">
          <label className="field-label" htmlFor={`${id}-note`}>
            {t('privacy.noteLabel')}
          </label>
          <textarea
            id={`${id}-note`}
            value={note}
            maxLength={2000}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <button type="button" className="button" disabled={isSending} onClick={() => void send()}>
          {t('privacy.send')}
        </button>
        {message ? (
          <p className="notice notice-muted" role="status">
            {message}
          </p>
        ) : null}
      </div>
      {requests.status === 'ready' && requests.data.items.length > 0 ? (
        <ul className="plain-list" data-testid="own-privacy-requests">
          {requests.data.items.map((request) => (
            <li key={request.id}>
              <strong>{t(`privacy.kind_${request.kind}`)}</strong> · {t(`privacy.status_${request.status}`)} ·{' '}
              {t('privacy.dueBy', { date: formatDate(request.dueAt, i18n.language) })}
              {request.answer ? <p>{request.answer}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
