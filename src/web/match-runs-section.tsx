import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MATCHING_MECHANISMS, PROGRAM_PHASES, type ProgramPhase } from '../domain/index.ts'
import {
  createMatchRun,
  fetchMatchRuns,
  type MatchRunSummary,
  matchRunMarketUrl,
  type ProgramOverview,
  publishMatchRun,
  rerunMatchRun,
  updateProgramPhase,
} from './api-client.ts'
import { AsyncView } from './async-view.tsx'
import { BarChart } from './bar-chart.tsx'
import { describeError } from './describe-error.ts'
import { formatDate, formatNumber } from './format.ts'
import type { Message } from './message.ts'
import { renderMessage } from './message.ts'
import { useApiData } from './use-api-data.ts'

type Outcome =
  | { readonly kind: 'success'; readonly message: Message }
  | { readonly kind: 'error'; readonly error: unknown }

/** The operator's match controls: program phase, draft runs with statistics, publish and re-run check. */
export function MatchRunsSection(props: {
  readonly program: ProgramOverview
  readonly onProgramChanged: () => void
}) {
  const { t } = useTranslation()
  const { program } = props
  const load = useCallback(() => fetchMatchRuns(program.id), [program.id])
  const runs = useApiData(`match-runs:${program.id}`, load)
  const [phase, setPhase] = useState<ProgramPhase>(program.phase)
  // The server moves the phase on by itself after a run or a publish; the picker follows.
  useEffect(() => setPhase(program.phase), [program.phase])
  const [mechanism, setMechanism] = useState('')
  const [isBusy, setIsBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const act = async (action: () => Promise<Message>, after: () => void) => {
    setIsBusy(true)
    setOutcome(null)
    try {
      setOutcome({ kind: 'success', message: await action() })
      after()
    } catch (error) {
      setOutcome({ kind: 'error', error })
    } finally {
      setIsBusy(false)
    }
  }
  const changePhase = () =>
    act(async () => {
      await updateProgramPhase(program.id, phase)
      return { key: 'matchRuns.phaseChanged', values: { phase: t(`phase.${phase}`) } }
    }, props.onProgramChanged)
  const runDraft = () =>
    act(async () => {
      await createMatchRun(program.id, mechanism || undefined)
      return { key: 'matchRuns.created' }
    }, runs.reload)
  const publish = (runId: string) =>
    act(async () => {
      await publishMatchRun(runId)
      return { key: 'matchRuns.publishedNotice' }
    }, runs.reload)
  const rerun = (runId: string) =>
    act(
      async () => {
        const answer = await rerunMatchRun(runId)
        return { key: answer.isIdentical ? 'matchRuns.rerunIdentical' : 'matchRuns.rerunDifferent' }
      },
      () => {},
    )

  return (
    <section className="section" aria-labelledby="match-runs-title" data-testid="match-runs">
      <h2 id="match-runs-title" className="section-title">
        {t('matchRuns.title')}
      </h2>
      <div className="toolbar">
        <label className="field field-inline">
          <span className="field-label">{t('matchRuns.phase')}</span>
          <select
            className="input"
            value={phase}
            onChange={(event) => setPhase(event.target.value as ProgramPhase)}
            data-testid="phase-select"
          >
            {PROGRAM_PHASES.map((option) => (
              <option key={option} value={option}>
                {t(`phase.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button-secondary"
          disabled={isBusy || phase === program.phase}
          onClick={() => void changePhase()}
        >
          {t('matchRuns.changePhase')}
        </button>
      </div>
      <div className="toolbar">
        <label className="field field-inline">
          <span className="field-label">{t('matchRuns.mechanism')}</span>
          <select className="input" value={mechanism} onChange={(event) => setMechanism(event.target.value)}>
            <option value="">
              {t('matchRuns.programMechanism', {
                mechanism: t(`mechanism.${program.matchingConfig.mechanism}`),
              })}
            </option>
            {MATCHING_MECHANISMS.map((option) => (
              <option key={option} value={option}>
                {t(`mechanism.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" disabled={isBusy} onClick={() => void runDraft()}>
          {isBusy ? t('matchRuns.working') : t('matchRuns.runDraft')}
        </button>
      </div>
      {outcome?.kind === 'success' ? (
        <p className="notice notice-success" role="status">
          {renderMessage(outcome.message, t)}
        </p>
      ) : null}
      {outcome?.kind === 'error' ? (
        <p className="notice notice-error" role="alert">
          {describeError(outcome.error, t)}
        </p>
      ) : null}
      <AsyncView data={runs}>
        {(data) =>
          data.length === 0 ? (
            <p className="muted">{t('matchRuns.none')}</p>
          ) : (
            <ul className="card-list card-list-wide">
              {data.map((run) => (
                <MatchRunCard key={run.id} run={run} isBusy={isBusy} onPublish={publish} onRerun={rerun} />
              ))}
            </ul>
          )
        }
      </AsyncView>
    </section>
  )
}

function MatchRunCard(props: {
  readonly run: MatchRunSummary
  readonly isBusy: boolean
  readonly onPublish: (runId: string) => void
  readonly onRerun: (runId: string) => void
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { run } = props
  const { statistics } = run
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
  return (
    <li className="card" data-testid="match-run">
      <div className="card-head">
        <h3 className="card-title">
          {t('matchRuns.runTitle', { round: run.round, mechanism: t(`mechanism.${run.mechanism}`) })}
        </h3>
        <span className={`badge badge-run-${run.status}`}>{t(`runStatus.${run.status}`)}</span>
      </div>
      <p className="card-meta">
        {formatDate(run.createdAt, locale)} · {t('matchRuns.seed', { seed: run.seed })} · {run.engineVersion}
      </p>
      <dl className="stats stats-wide">
        <div className="stat">
          <dt>{t('matchRuns.candidates')}</dt>
          <dd>{formatNumber(statistics.candidates, locale)}</dd>
        </div>
        <div className="stat">
          <dt>{t('matchRuns.matched')}</dt>
          <dd>{formatNumber(statistics.matched, locale)}</dd>
        </div>
        <div className="stat">
          <dt>{t('matchRuns.matchRate')}</dt>
          <dd>{percent.format(statistics.matchRate)}</dd>
        </div>
        <div className="stat">
          <dt>{t('matchRuns.seatsFilled')}</dt>
          <dd>
            {formatNumber(statistics.seatsFilled, locale)} / {formatNumber(statistics.seats, locale)}
          </dd>
        </div>
      </dl>
      <div className="chart-row">
        <BarChart
          title={t('matchRuns.choiceHistogram')}
          bars={statistics.choiceHistogram.map((count, index) => ({
            label: t('matchRuns.choiceLabel', { rank: index + 1 }),
            value: count,
          }))}
          formatValue={(bar) => formatNumber(bar.value, locale)}
        />
        <BarChart
          title={t('matchRuns.byCompany')}
          bars={run.byCompany.map((company) => ({
            label: company.companyName,
            value: company.filled,
            total: company.seats,
          }))}
          formatValue={(bar) =>
            `${formatNumber(bar.value, locale)} / ${formatNumber(bar.total ?? 0, locale)}`
          }
        />
      </div>
      <div className="toolbar">
        {run.status === 'draft' ? (
          <button
            type="button"
            className="button"
            disabled={props.isBusy}
            onClick={() => props.onPublish(run.id)}
          >
            {t('matchRuns.publish')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button-secondary"
          disabled={props.isBusy}
          onClick={() => props.onRerun(run.id)}
        >
          {t('matchRuns.rerun')}
        </button>
        <a className="button button-ghost" href={matchRunMarketUrl(run.id)} download>
          {t('matchRuns.downloadMarket')}
        </a>
      </div>
    </li>
  )
}
