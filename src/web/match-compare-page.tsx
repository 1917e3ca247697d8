import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MatchRunSummary, Role, RunComparison, RunMove } from '../domain/index.ts'
import { AppLink } from './app-link.tsx'
import { AsyncView } from './async-view.tsx'
import { describeError } from './describe-error.ts'
import { formatCountry, formatNumber, formatScore } from './format.ts'
import { programPath } from './navigation.ts'
import { compareRuns, publishRun } from './operator-api.ts'
import { formatDelta, formatPercent } from './operator-format.ts'
import { kindOfMove, type MoveKind } from './run-move-kind.ts'
import { useApiData } from './use-api-data.ts'

const MOVE_FILTERS: readonly ('all' | MoveKind)[] = [
  'all',
  'better',
  'worse',
  'newly_matched',
  'unmatched',
  'moved',
]

/**
 * The what-if view: two runs of one round side by side — summary figures with their change, and every
 * candidate who would be placed differently (from → to, with the change in choice rank), filterable. The
 * operator publishes whichever of the two they choose.
 */
export function MatchComparePage(props: {
  readonly programId: string
  readonly baseRunId: string
  readonly otherRunId: string
  readonly role: Role
}) {
  const { t } = useTranslation()
  const load = useCallback(
    () => compareRuns(props.baseRunId, props.otherRunId),
    [props.baseRunId, props.otherRunId],
  )
  const comparison = useApiData(`compare:${props.baseRunId}:${props.otherRunId}`, load)
  const [isBusy, setIsBusy] = useState(false)
  const [published, setPublished] = useState<MatchRunSummary | null>(null)
  const [error, setError] = useState<unknown>(null)
  if (props.role !== 'operator') {
    return (
      <p className="notice notice-error" role="alert">
        {t('error.forbidden')}
      </p>
    )
  }
  const publish = async (run: MatchRunSummary) => {
    setIsBusy(true)
    setError(null)
    try {
      setPublished(await publishRun(run.id))
      comparison.reload()
    } catch (caught) {
      setError(caught)
    } finally {
      setIsBusy(false)
    }
  }
  return (
    <>
      <p className="back-link">
        <AppLink to={programPath(props.programId)}>← {t('whatIf.back')}</AppLink>
      </p>
      <section className="page-head" aria-labelledby="compare-title">
        <h1 id="compare-title">{t('whatIf.title')}</h1>
        <p className="lead">{t('whatIf.intro')}</p>
      </section>
      {published ? (
        <p className="notice notice-success" role="status">
          {t('whatIf.published', { run: describeRun(published, t) })}{' '}
          <AppLink to={programPath(props.programId)}>{t('whatIf.backToProgram')}</AppLink>
        </p>
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert">
          {describeError(error, t)}
        </p>
      ) : null}
      <AsyncView data={comparison}>
        {(data) => <ComparisonView data={data} isBusy={isBusy} onPublish={(run) => void publish(run)} />}
      </AsyncView>
    </>
  )
}

type TFunction = ReturnType<typeof useTranslation>['t']

/** "Round 1 · Max-fit · seed 7 · +1 seat at …": what distinguishes a run. */
function describeRun(run: MatchRunSummary, t: TFunction): string {
  const parts = [t('matchRuns.runTitle', { round: run.round, mechanism: t(`mechanism.${run.mechanism}`) })]
  parts.push(t('matchRuns.seed', { seed: run.seed }))
  for (const [positionId, seats] of Object.entries(run.extraSeats)) {
    const position = run.byPosition.find((p) => p.positionId === positionId)
    parts.push(
      t('whatIf.extraSeatAt', {
        count: seats,
        position: position ? `${position.companyName} — ${position.title}` : positionId,
      }),
    )
  }
  return parts.join(' · ')
}

function ComparisonView(props: {
  readonly data: RunComparison
  readonly isBusy: boolean
  readonly onPublish: (run: MatchRunSummary) => void
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { base, other, moves } = props.data
  const isRoundPublished = base.status === 'published' || other.status === 'published'
  const rows: {
    key: string
    label: string
    base: number
    other: number
    isShare?: boolean
    isLowerBetter?: boolean
  }[] = [
    {
      key: 'matched',
      label: t('matchRuns.matched'),
      base: base.statistics.matched,
      other: other.statistics.matched,
    },
    {
      key: 'matchRate',
      label: t('matchRuns.matchRate'),
      base: base.statistics.matchRate,
      other: other.statistics.matchRate,
      isShare: true,
    },
    {
      key: 'firstChoice',
      label: t('runStats.firstChoice'),
      base: base.statistics.choiceHistogram[0] ?? 0,
      other: other.statistics.choiceHistogram[0] ?? 0,
    },
    {
      key: 'seatsFilled',
      label: t('matchRuns.seatsFilled'),
      base: base.statistics.seatsFilled,
      other: other.statistics.seatsFilled,
    },
    {
      key: 'seats',
      label: t('whatIf.seatsOffered'),
      base: base.statistics.seats,
      other: other.statistics.seats,
    },
    {
      key: 'blockingPairs',
      label: t('runStats.blockingPairs'),
      base: base.statistics.blockingPairs,
      other: other.statistics.blockingPairs,
      isLowerBetter: true,
    },
  ]
  if (base.statistics.totalScore !== null && other.statistics.totalScore !== null)
    rows.push({
      key: 'totalScore',
      label: t('runStats.totalScore'),
      base: base.statistics.totalScore,
      other: other.statistics.totalScore,
    })
  const show = (value: number, isShare?: boolean) =>
    isShare
      ? formatPercent(value, locale)
      : Number.isInteger(value)
        ? formatNumber(value, locale)
        : formatScore(value, locale)

  return (
    <>
      <div className="compare-runs">
        {[
          { run: base, role: 'base' as const },
          { run: other, role: 'other' as const },
        ].map(({ run, role }) => (
          <div key={run.id} className="card compare-run" data-testid={`compare-${role}`}>
            <p className="eyebrow">{role === 'base' ? t('whatIf.baseRun') : t('whatIf.otherRun')}</p>
            <h2 className="card-title">{describeRun(run, t)}</h2>
            <p className="card-meta">
              <span className={`badge badge-run-${run.status}`}>{t(`runStatus.${run.status}`)}</span>
            </p>
            {run.status === 'draft' && !isRoundPublished ? (
              <button
                type="button"
                className="button"
                disabled={props.isBusy}
                aria-label={role === 'base' ? t('whatIf.publishBase') : t('whatIf.publishOther')}
                onClick={() => {
                  if (window.confirm(t('whatIf.confirmPublish', { run: describeRun(run, t) })))
                    props.onPublish(run)
                }}
              >
                {t('whatIf.publishThis')}
              </button>
            ) : null}
          </div>
        ))}
      </div>
      {base.statistics.blockingPairs === 0 && other.statistics.blockingPairs > 0 ? (
        <p className="notice notice-muted">
          {t('whatIf.blockingNote', { count: other.statistics.blockingPairs })}
        </p>
      ) : null}
      <section className="section" aria-labelledby="compare-summary-title">
        <h2 id="compare-summary-title" className="section-title">
          {t('whatIf.summaryTitle')}
        </h2>
        <div className="table-scroll">
          <table className="table compare-table" data-testid="compare-summary">
            <thead>
              <tr>
                <th scope="col">{t('whatIf.figure')}</th>
                <th scope="col" className="numeric">
                  {t('whatIf.baseRun')}
                </th>
                <th scope="col" className="numeric">
                  {t('whatIf.otherRun')}
                </th>
                <th scope="col" className="numeric">
                  {t('whatIf.change')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const delta = row.other - row.base
                const tone =
                  delta === 0 ? '' : delta > 0 !== (row.isLowerBetter === true) ? 'delta-up' : 'delta-down'
                return (
                  <tr key={row.key} data-testid={`compare-${row.key}`}>
                    <th scope="row">{row.label}</th>
                    <td className="numeric">{show(row.base, row.isShare)}</td>
                    <td className="numeric">{show(row.other, row.isShare)}</td>
                    <td className={`numeric ${tone}`}>{formatDelta(delta, locale, row.isShare)}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      </section>
      <MovesSection moves={moves} />
    </>
  )
}

function MovesSection(props: { readonly moves: readonly RunMove[] }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const [filter, setFilter] = useState<'all' | MoveKind>('all')
  const [query, setQuery] = useState('')
  const counts = useMemo(() => {
    const found = new Map<string, number>([['all', props.moves.length]])
    for (const move of props.moves) {
      const kind = kindOfMove(move)
      found.set(kind, (found.get(kind) ?? 0) + 1)
    }
    return found
  }, [props.moves])
  const shown = props.moves.filter((move) => {
    if (filter !== 'all' && kindOfMove(move) !== filter) return false
    const needle = query.trim().toLowerCase()
    if (!needle) return true
    return [move.fullName, move.fromLabel ?? '', move.toLabel ?? ''].some((text) =>
      text.toLowerCase().includes(needle),
    )
  })
  const place = (label: string | null, rank: number | null) =>
    label === null ? (
      <span className="muted">{t('whatIf.notPlaced')}</span>
    ) : (
      <>
        <span className="cell-strong">{label}</span>
        <span className="cell-sub">
          {rank === null ? t('runAssignments.notRanked') : t('matchRuns.choiceLabel', { rank })}
        </span>
      </>
    )
  return (
    <section className="section" aria-labelledby="compare-moves-title" data-testid="compare-moves">
      <h2 id="compare-moves-title" className="section-title">
        {t('whatIf.movesTitle', { count: props.moves.length })}
      </h2>
      {props.moves.length === 0 ? (
        <p className="muted">{t('whatIf.noMoves')}</p>
      ) : (
        <>
          <div className="toolbar">
            <fieldset className="segmented">
              <legend className="visually-hidden">{t('whatIf.filterLabel')}</legend>
              {MOVE_FILTERS.filter((option) => option === 'all' || (counts.get(option) ?? 0) > 0).map(
                (option) => (
                  <button
                    key={option}
                    type="button"
                    className="segment"
                    aria-pressed={filter === option}
                    onClick={() => setFilter(option)}
                  >
                    {t(`whatIf.kinds.${option}`)}{' '}
                    <span className="segment-count">{formatNumber(counts.get(option) ?? 0, locale)}</span>
                  </button>
                ),
              )}
            </fieldset>
            <label className="field field-inline">
              <span className="field-label">{t('whatIf.search')}</span>
              <input
                type="search"
                className="input"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                placeholder={t('runAssignments.searchPlaceholder')}
              />
            </label>
          </div>
          <div className="table-scroll">
            <table className="table" data-testid="moves-table">
              <thead>
                <tr>
                  <th scope="col">{t('runAssignments.candidate')}</th>
                  <th scope="col">{t('whatIf.from')}</th>
                  <th scope="col">{t('whatIf.to')}</th>
                  <th scope="col">{t('whatIf.rankChange')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((move) => {
                  const kind = kindOfMove(move)
                  return (
                    <tr key={move.candidateId} data-testid="move-row" data-kind={kind}>
                      <td>
                        <span className="cell-strong">{move.fullName}</span>
                        {move.nationality ? (
                          <span className="cell-sub">{formatCountry(move.nationality, locale)}</span>
                        ) : null}
                      </td>
                      <td>{place(move.fromLabel, move.fromRank)}</td>
                      <td>{place(move.toLabel, move.toRank)}</td>
                      <td>
                        <span className={`badge badge-move-${kind}`}>{describeChange(move, kind, t)}</span>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}

function describeChange(move: RunMove, kind: MoveKind, t: TFunction): string {
  if (kind === 'better' || kind === 'worse')
    return t(`whatIf.change_${kind}`, { count: Math.abs((move.toRank ?? 0) - (move.fromRank ?? 0)) })
  return t(`whatIf.kinds.${kind}`)
}
