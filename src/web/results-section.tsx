import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CandidateRoundResult, ExplainedReason } from '../domain/index.ts'
import { fetchOwnResults, respondToPlacement } from './api-client.ts'
import { AsyncView } from './async-view.tsx'
import { describeError } from './describe-error.ts'
import { formatDate } from './format.ts'
import { useApiData } from './use-api-data.ts'

/** The candidate's published match results, round by round, with why-not and an answer to the offer. */
export function ResultsSection(props: { readonly programId: string }) {
  const { t } = useTranslation()
  const { programId } = props
  const load = useCallback(() => fetchOwnResults(programId), [programId])
  const results = useApiData(`own-results:${programId}`, load)
  return (
    <section className="section" aria-labelledby="results-title" data-testid="results" data-section="result">
      <h2 id="results-title" className="section-title">
        {t('results.title')}
      </h2>
      <AsyncView data={results}>
        {(data) =>
          data.length === 0 ? (
            <p className="muted">{t('results.none')}</p>
          ) : (
            data.map((result) => (
              <RoundResult key={result.runId} result={result} onAnswered={results.reload} />
            ))
          )
        }
      </AsyncView>
    </section>
  )
}

function RoundResult(props: { readonly result: CandidateRoundResult; readonly onAnswered: () => void }) {
  const { t, i18n } = useTranslation()
  const { result } = props
  const { placement } = result
  return (
    <div className="card result-card">
      <h3 className="card-title">{t('results.round', { round: result.round })}</h3>
      {placement ? (
        <>
          <p className="result-headline" data-testid="placement">
            {t('results.placed', { position: placement.positionTitle, company: placement.companyName })}
          </p>
          <p className="card-meta">
            {placement.choiceRank !== null ? t('results.choice', { rank: placement.choiceRank }) : null}
            {placement.choiceRank !== null ? ' · ' : null}
            <span className={`badge badge-placement-${placement.status}`}>
              {t(`placementStatus.${placement.status}`, { defaultValue: placement.status })}
            </span>
          </p>
          {placement.status === 'offered' ? (
            <OfferAnswer
              placementId={placement.id}
              deadline={result.acceptanceDeadline}
              onAnswered={props.onAnswered}
            />
          ) : null}
        </>
      ) : (
        <>
          <p className="result-headline" data-testid="not-matched">
            {t('results.notMatched')}
          </p>
          {result.unmatchedReason ? (
            <p className="card-text">
              {t(`unmatchedReason.${result.unmatchedReason}`, { defaultValue: result.unmatchedReason })}
            </p>
          ) : !result.isInMarket ? (
            <p className="card-text">{t('results.notInMarket')}</p>
          ) : null}
        </>
      )}
      {result.reasons.length > 0 ? (
        <div className="profile-block">
          <h4 className="mini-title">{placement ? t('results.whyNotHigher') : t('results.whyNot')}</h4>
          <ul className="plain-list" data-testid="why-not">
            {result.reasons.map((reason) => (
              <li key={`${reason.positionId}-${reason.code}`}>
                <span className="cell-strong">
                  {reason.positionTitle}
                  {reason.companyName ? ` · ${reason.companyName}` : ''}
                </span>
                <span className="cell-sub">{describeReason(reason, t)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result.publishedAt ? (
        <p className="muted">
          {t('results.published', { date: formatDate(result.publishedAt, i18n.language) })}
        </p>
      ) : null}
    </div>
  )
}

function describeReason(reason: ExplainedReason, t: ReturnType<typeof useTranslation>['t']): string {
  const base = t(`reasonCode.${reason.code}`, { defaultValue: reason.code })
  if (reason.cutoffRank === null || reason.candidateRank === null) return base
  const detail = reason.isTie
    ? t('results.tieDetail', { cutoff: reason.cutoffRank, rank: reason.candidateRank })
    : t('results.cutoffDetail', { cutoff: reason.cutoffRank, rank: reason.candidateRank })
  return `${base} ${detail}`
}

function OfferAnswer(props: {
  readonly placementId: string
  readonly deadline: string | null
  readonly onAnswered: () => void
}) {
  const { t, i18n } = useTranslation()
  const [isBusy, setIsBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const answer = async (decision: 'accept' | 'decline') => {
    if (decision === 'decline' && !window.confirm(t('results.confirmDecline'))) return
    setIsBusy(true)
    setError(null)
    try {
      await respondToPlacement(props.placementId, decision)
      props.onAnswered()
    } catch (caught) {
      setError(caught)
      setIsBusy(false)
    }
  }
  return (
    <div className="profile-block">
      {props.deadline ? (
        <p className="card-text">
          {t('results.deadline', { date: formatDate(props.deadline, i18n.language) })}
        </p>
      ) : null}
      <div className="toolbar">
        <button type="button" className="button" disabled={isBusy} onClick={() => void answer('accept')}>
          {t('results.accept')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={isBusy}
          onClick={() => void answer('decline')}
        >
          {t('results.decline')}
        </button>
      </div>
      {error ? (
        <p className="notice notice-error" role="alert">
          {describeError(error, t)}
        </p>
      ) : null}
    </div>
  )
}
