import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OfferSummary } from '../domain/index.ts'
import { BarChart } from './bar-chart.tsx'
import { describeError } from './describe-error.ts'
import { formatDate, formatNumber } from './format.ts'
import { createRun } from './operator-api.ts'

/**
 * After a round is published: how its offers were answered (accepted, declined, awaiting an answer), what
 * the next round will do, and the action that runs it as a draft.
 */
export function SecondRoundPanel(props: {
  readonly programId: string
  readonly summary: OfferSummary
  readonly onRunCreated: () => void
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { summary } = props
  const next = summary.nextRound
  const [isBusy, setIsBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [created, setCreated] = useState<number | null>(null)
  const number = (value: number) => formatNumber(value, locale)
  const last = summary.rounds.at(-1)
  if (!last || !next) return null
  const pending = summary.rounds.reduce((sum, round) => sum + round.pending, 0)
  const freedByDeclines = next.positions.reduce((sum, p) => sum + Math.min(p.declined, p.freeSeats), 0)

  const run = async () => {
    setIsBusy(true)
    setError(null)
    setCreated(null)
    try {
      const answer = await createRun(props.programId, { round: next.round })
      setCreated(answer.round)
      props.onRunCreated()
    } catch (caught) {
      setError(caught)
    } finally {
      setIsBusy(false)
    }
  }

  return (
    <div className="card second-round" data-testid="second-round">
      <h3 className="card-title" id="second-round-title">
        {t('secondRound.title')}
      </h3>
      <p className="card-meta" data-testid="acceptance-deadline">
        {summary.acceptanceDeadline
          ? summary.isDeadlinePassed
            ? t('secondRound.deadlinePassed', { date: formatDate(summary.acceptanceDeadline, locale) })
            : t('secondRound.deadlineOpen', { date: formatDate(summary.acceptanceDeadline, locale) })
          : summary.isDeadlinePassed
            ? t('secondRound.deadlineClosedByPhase')
            : t('secondRound.noDeadline')}
      </p>
      {summary.rounds.map((round) => (
        <div key={round.runId} className="offer-round" data-testid="offer-round" data-round={round.round}>
          <h4 className="mini-title">{t('secondRound.offersOfRound', { round: round.round })}</h4>
          <dl className="stats stats-wide">
            <div className="stat">
              <dt>{t('secondRound.offers')}</dt>
              <dd>{number(round.offers)}</dd>
            </div>
            <div className="stat">
              <dt>{t('secondRound.accepted')}</dt>
              <dd data-testid="offers-accepted">{number(round.accepted)}</dd>
            </div>
            <div className="stat">
              <dt>{t('secondRound.declined')}</dt>
              <dd data-testid="offers-declined">{number(round.declined)}</dd>
            </div>
            <div className="stat">
              <dt>{t('secondRound.pending')}</dt>
              <dd data-testid="offers-pending">{number(round.pending)}</dd>
            </div>
            {round.expired > 0 ? (
              <div className="stat">
                <dt>{t('secondRound.expired')}</dt>
                <dd>{number(round.expired)}</dd>
              </div>
            ) : null}
          </dl>
          <BarChart
            title={t('secondRound.answersChart', { round: round.round })}
            bars={[
              { label: t('secondRound.accepted'), value: round.accepted, total: round.offers },
              { label: t('secondRound.declined'), value: round.declined, total: round.offers },
              { label: t('secondRound.pending'), value: round.pending, total: round.offers },
            ]}
            formatValue={(bar) => `${number(bar.value)} / ${number(bar.total ?? 0)}`}
          />
        </div>
      ))}
      <h4 className="mini-title">{t('secondRound.nextTitle', { round: next.round })}</h4>
      <ul className="plain-list explain-list" data-testid="second-round-explanation">
        <li>
          {t('secondRound.explainSeats', {
            count: next.seats,
            freed: number(freedByDeclines),
          })}
        </li>
        <li>{t('secondRound.explainCandidates', { count: next.candidates })}</li>
        <li>
          {t('secondRound.explainFixed', {
            accepted: number(next.acceptedKept),
            pending: number(next.pendingKept),
          })}
        </li>
        <li>{t('secondRound.explainDeclined', { count: next.declinedExcluded })}</li>
        <li>{t('secondRound.explainDraft')}</li>
      </ul>
      {!summary.isDeadlinePassed && pending > 0 ? (
        <p className="notice notice-muted" data-testid="second-round-early">
          {t('secondRound.earlyWarning', { count: pending })}
        </p>
      ) : null}
      {next.positions.length > 0 ? (
        <div className="table-scroll table-scroll-short">
          <table className="table" data-testid="free-seats">
            <thead>
              <tr>
                <th scope="col">{t('runAssignments.position')}</th>
                <th scope="col" className="numeric">
                  {t('secondRound.freeSeats')}
                </th>
                <th scope="col" className="numeric">
                  {t('secondRound.declinedHere')}
                </th>
              </tr>
            </thead>
            <tbody>
              {next.positions.map((position) => (
                <tr key={position.positionId}>
                  <td>
                    <span className="cell-strong">{position.title}</span>
                    <span className="cell-sub">{position.companyName}</span>
                  </td>
                  <td className="numeric">{number(position.freeSeats)}</td>
                  <td className="numeric">{number(position.declined)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {next.seats === 0 ? (
        <p className="muted">{t('secondRound.noSeats')}</p>
      ) : next.candidates === 0 ? (
        <p className="muted">{t('secondRound.noCandidates')}</p>
      ) : null}
      {next.drafts > 0 ? (
        <p className="card-text">{t('secondRound.draftsReady', { count: next.drafts, round: next.round })}</p>
      ) : null}
      <div className="toolbar">
        <button
          type="button"
          className="button"
          disabled={isBusy || next.seats === 0 || next.candidates === 0}
          onClick={() => void run()}
        >
          {isBusy ? t('matchRuns.working') : t('secondRound.run', { round: next.round })}
        </button>
      </div>
      {created !== null ? (
        <p className="notice notice-success" role="status">
          {t('secondRound.created', { round: created })}
        </p>
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert">
          {describeError(error, t)}
        </p>
      ) : null}
    </div>
  )
}
