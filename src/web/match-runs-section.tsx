import { useCallback, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  MATCHING_MECHANISMS,
  type MatchRunSummary,
  type OfferSummary,
  PROGRAM_PHASES,
  type ProgramPhase,
} from '../domain/index.ts'
import { matchRunMarketUrl, type ProgramOverview, rerunMatchRun } from './api-client.ts'
import { AsyncView } from './async-view.tsx'
import { formatDate } from './format.ts'
import { MatchRunStatistics } from './match-run-statistics.tsx'
import type { Message } from './message.ts'
import { navigateTo, runComparePath } from './navigation.ts'
import {
  changeProgramPhase,
  createRun,
  fetchOfferSummary,
  fetchRunDetails,
  publishRun,
} from './operator-api.ts'
import { type ActionOutcome, OutcomeNotice } from './outcome-notice.tsx'
import { RunAssignmentsTable } from './run-assignments-table.tsx'
import { SecondRoundPanel } from './second-round-panel.tsx'
import { useApiData } from './use-api-data.ts'
import { WhatIfForm } from './what-if-form.tsx'

/**
 * The operator's match controls: program phase, draft runs with statistics and charts, what-if
 * alternatives and their comparison, publish, offers and later rounds, and the re-run check.
 */
export function MatchRunsSection(props: {
  readonly program: ProgramOverview
  readonly onProgramChanged: () => void
}) {
  const { t } = useTranslation()
  const { program } = props
  const loadRuns = useCallback(() => fetchRunDetails(program.id), [program.id])
  const runs = useApiData(`match-runs:${program.id}`, loadRuns)
  const loadOffers = useCallback(() => fetchOfferSummary(program.id), [program.id])
  const offers = useApiData(`offer-summary:${program.id}`, loadOffers)
  const [phase, setPhase] = useState<ProgramPhase>(program.phase)
  // The server moves the phase on by itself after a run or a publish; the picker follows.
  useEffect(() => setPhase(program.phase), [program.phase])
  const [mechanism, setMechanism] = useState('')
  const [isBusy, setIsBusy] = useState(false)
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null)

  const reloadAll = () => {
    runs.reload()
    offers.reload()
    props.onProgramChanged()
  }
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
      await changeProgramPhase(program, phase)
      return { key: 'matchRuns.phaseChanged', values: { phase: t(`phase.${phase}`) } }
    }, reloadAll)
  const runDraft = () =>
    act(async () => {
      await createRun(program.id, mechanism ? { mechanism } : {})
      return { key: 'matchRuns.created' }
    }, reloadAll)
  const publish = (runId: string) =>
    act(async () => {
      await publishRun(runId)
      return { key: 'matchRuns.publishedNotice' }
    }, reloadAll)
  const rerun = (runId: string) =>
    act(
      async () => {
        const answer = await rerunMatchRun(runId)
        return { key: answer.isIdentical ? 'matchRuns.rerunIdentical' : 'matchRuns.rerunDifferent' }
      },
      () => {},
    )
  const summary = offers.status === 'ready' ? offers.data : null

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
      <OutcomeNotice outcome={outcome} />
      {summary && summary.rounds.length > 0 ? (
        <SecondRoundPanel programId={program.id} summary={summary} onRunCreated={reloadAll} />
      ) : null}
      <AsyncView data={runs}>
        {(data) =>
          data.length === 0 ? (
            <p className="muted">{t('matchRuns.none')}</p>
          ) : (
            <ul className="card-list run-list">
              {data.map((run) => (
                <MatchRunCard
                  key={run.id}
                  run={run}
                  runs={data}
                  programId={program.id}
                  summary={summary}
                  isBusy={isBusy}
                  onPublish={publish}
                  onRerun={rerun}
                />
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
  readonly runs: readonly MatchRunSummary[]
  readonly programId: string
  readonly summary: OfferSummary | null
  readonly isBusy: boolean
  readonly onPublish: (runId: string) => void
  readonly onRerun: (runId: string) => void
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const titleId = useId()
  const { run, summary } = props
  const isRoundPublished = props.runs.some(
    (other) => other.round === run.round && other.status === 'published',
  )
  const sameRound = props.runs.filter((other) => other.round === run.round && other.id !== run.id)
  const [compareWith, setCompareWith] = useState(sameRound[0]?.id ?? '')
  const [isWhatIfOpen, setIsWhatIfOpen] = useState(false)
  // Later rounds are about the freed seats: their placements are shown at once.
  const [isPlacementsOpen, setIsPlacementsOpen] = useState(run.round > 1 && run.status === 'draft')
  const freed = new Set(
    summary?.nextRound?.round === run.round
      ? summary.nextRound.positions.filter((p) => p.declined > 0).map((p) => p.positionId)
      : [],
  )
  const extraSeats = Object.entries(run.extraSeats)
  const effectiveCompareWith = sameRound.some((other) => other.id === compareWith)
    ? compareWith
    : (sameRound[0]?.id ?? '')

  return (
    <li
      className="card"
      data-testid="match-run"
      data-run-id={run.id}
      data-round={run.round}
      data-status={run.status}
      aria-labelledby={titleId}
    >
      <div className="card-head">
        <h3 className="card-title" id={titleId}>
          {t('matchRuns.runTitle', { round: run.round, mechanism: t(`mechanism.${run.mechanism}`) })}
        </h3>
        <span className={`badge badge-run-${run.status}`}>{t(`runStatus.${run.status}`)}</span>
      </div>
      <p className="card-meta">
        {formatDate(run.createdAt, locale)} · {t('matchRuns.seed', { seed: run.seed })} · {run.engineVersion}
      </p>
      {extraSeats.length > 0 ? (
        <p className="card-text what-if-tag" data-testid="what-if-tag">
          {t('whatIf.tag')}{' '}
          {extraSeats
            .map(([positionId, seats]) => {
              const position = run.byPosition.find((p) => p.positionId === positionId)
              return t('whatIf.extraSeatAt', {
                count: seats,
                position: position ? `${position.companyName} — ${position.title}` : positionId,
              })
            })
            .join(', ')}
        </p>
      ) : null}
      <MatchRunStatistics run={run} />
      <div className="toolbar">
        {run.status === 'draft' && !isRoundPublished ? (
          <button
            type="button"
            className="button"
            disabled={props.isBusy}
            aria-describedby={titleId}
            onClick={() => props.onPublish(run.id)}
          >
            {t('matchRuns.publish')}
          </button>
        ) : null}
        {run.status === 'draft' && !isRoundPublished ? (
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={isWhatIfOpen}
            onClick={() => setIsWhatIfOpen(!isWhatIfOpen)}
          >
            {t('whatIf.open')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={isPlacementsOpen}
          onClick={() => setIsPlacementsOpen(!isPlacementsOpen)}
        >
          {isPlacementsOpen ? t('runAssignments.hide') : t('runAssignments.show')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={props.isBusy}
          onClick={() => props.onRerun(run.id)}
        >
          {t('matchRuns.rerun')}
        </button>
        <a className="button button-quiet" href={matchRunMarketUrl(run.id)} download>
          {t('matchRuns.downloadMarket')}
        </a>
      </div>
      {sameRound.length > 0 ? (
        <div className="toolbar">
          <label className="field field-inline">
            <span className="field-label">{t('whatIf.compareWith')}</span>
            <select
              className="input"
              value={effectiveCompareWith}
              onChange={(event) => setCompareWith(event.target.value)}
            >
              {sameRound.map((other) => (
                <option key={other.id} value={other.id}>
                  {describeShort(other, t, locale)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button-secondary"
            disabled={!effectiveCompareWith}
            onClick={() => navigateTo(runComparePath(props.programId, run.id, effectiveCompareWith))}
          >
            {t('whatIf.openCompare')}
          </button>
        </div>
      ) : null}
      {isWhatIfOpen ? (
        <WhatIfForm programId={props.programId} base={run} onCancel={() => setIsWhatIfOpen(false)} />
      ) : null}
      {isPlacementsOpen ? <RunAssignmentsTable runId={run.id} freedPositionIds={freed} /> : null}
    </li>
  )
}

/** A run in a picker: mechanism, seed, what-if seats and status. */
function describeShort(
  run: MatchRunSummary,
  t: ReturnType<typeof useTranslation>['t'],
  locale: string,
): string {
  const seats = Object.values(run.extraSeats).reduce((sum, n) => sum + n, 0)
  return [
    t(`mechanism.${run.mechanism}`),
    t('matchRuns.seed', { seed: run.seed }),
    ...(seats > 0 ? [t('whatIf.extraSeatsShort', { count: seats })] : []),
    t(`runStatus.${run.status}`),
    formatDate(run.createdAt, locale),
  ].join(' · ')
}
