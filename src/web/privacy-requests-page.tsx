import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { describeError } from './describe-error.ts'
import { formatDate } from './format.ts'
import { answerPrivacyRequest, fetchPrivacyRequests, type PrivacyRequest } from './privacy-api.ts'
import { useApiData } from './use-api-data.ts'

/** One request with its answer form (open ones) or its answer. */
function RequestRow(props: { readonly request: PrivacyRequest; readonly onAnswered: () => void }) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const { request } = props
  const [answer, setAnswer] = useState('')
  const [error, setError] = useState<string | null>(null)
  const isOverdue = request.status === 'open' && new Date(request.dueAt).getTime() < Date.now()
  const send = async (status: 'done' | 'refused') => {
    if (
      status === 'done' &&
      request.kind !== 'human_review' &&
      !window.confirm(t('privacyRequests.confirmErase'))
    )
      return
    setError(null)
    try {
      await answerPrivacyRequest(request.id, { status, answer: answer.trim() })
      props.onAnswered()
    } catch (caught) {
      setError(describeError(caught, t))
    }
  }
  return (
    <li className="card" data-testid="privacy-request">
      <p>
        <strong>{t(`privacy.kind_${request.kind}`)}</strong> · {t(`privacy.status_${request.status}`)} ·{' '}
        <span className={isOverdue ? 'notice-error' : undefined}>
          {t('privacy.dueBy', { date: formatDate(request.dueAt, i18n.language) })}
        </span>
      </p>
      {request.subject ? <p>{request.subject}</p> : null}
      {request.note ? <p>{request.note}</p> : null}
      {request.status === 'open' ? (
        <>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-answer`}>
              {t('privacyRequests.answerLabel')}
            </label>
            <textarea
              id={`${id}-answer`}
              value={answer}
              maxLength={2000}
              onChange={(event) => setAnswer(event.target.value)}
            />
          </div>
          <button
            type="button"
            className="button"
            disabled={!answer.trim()}
            onClick={() => void send('done')}
          >
            {t('privacyRequests.done')}
          </button>{' '}
          <button
            type="button"
            className="button button-quiet"
            disabled={!answer.trim()}
            onClick={() => void send('refused')}
          >
            {t('privacyRequests.refuse')}
          </button>
          {error ? (
            <p className="notice notice-error" role="alert">
              {error}
            </p>
          ) : null}
        </>
      ) : (
        <p>{request.answer}</p>
      )}
    </li>
  )
}

/** Operators: the hub's data-subject requests, soonest due first (10 days each), and their answers. */
export function PrivacyRequestsPage() {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<'open' | 'all'>('open')
  const requests = useApiData(`privacy-requests-${filter}`, () => fetchPrivacyRequests(filter))
  return (
    <section className="section" aria-labelledby="privacy-requests-title">
      <h1 id="privacy-requests-title">{t('privacyRequests.title')}</h1>
      <p className="lead">{t('privacyRequests.intro')}</p>
      <p>
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={() => setFilter(filter === 'open' ? 'all' : 'open')}
        >
          {filter === 'open' ? t('privacyRequests.showAll') : t('privacyRequests.showOpen')}
        </button>
      </p>
      {requests.status === 'loading' ? <p className="notice notice-muted">{t('common.loading')}</p> : null}
      {requests.status === 'error' ? (
        <p className="notice notice-error">{describeError(requests.error, t)}</p>
      ) : null}
      {requests.status === 'ready' ? (
        requests.data.items.length === 0 ? (
          <p className="notice notice-muted">{t('privacyRequests.none')}</p>
        ) : (
          <ul className="plain-list">
            {requests.data.items.map((request) => (
              <RequestRow key={request.id} request={request} onAnswered={requests.reload} />
            ))}
          </ul>
        )
      ) : null}
    </section>
  )
}
