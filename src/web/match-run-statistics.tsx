import { useTranslation } from 'react-i18next'
import type { MatchRunSummary } from '../domain/index.ts'
import { type Bar, BarChart } from './bar-chart.tsx'
import { formatCountry, formatNumber, formatScore } from './format.ts'
import { formatPercent } from './operator-format.ts'

/** Countries beyond this many are drawn as one "other countries" bar. */
const MAX_COUNTRIES = 12

/**
 * A run's figures and charts: match rate and seats filled, the rank distribution, and the outcome by
 * country and by company.
 */
export function MatchRunStatistics(props: { readonly run: MatchRunSummary }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { run } = props
  const { statistics } = run
  const number = (value: number) => formatNumber(value, locale)
  const ofTotal = (bar: Bar) => `${number(bar.value)} / ${number(bar.total ?? 0)}`
  const firstChoice = statistics.choiceHistogram[0] ?? 0
  // Positions with no seat in this run (a later round offers only the free ones) are not "full".
  const positionsFull = run.byPosition.filter((p) => p.seats > 0 && p.filled >= p.seats).length

  const countries = run.byCountry.slice(0, MAX_COUNTRIES).map((entry) => ({
    label: formatCountry(entry.country, locale),
    value: entry.matched,
    total: entry.candidates,
  }))
  const rest = run.byCountry.slice(MAX_COUNTRIES)
  if (rest.length > 0) {
    countries.push({
      label: t('runStats.otherCountries', { count: rest.length }),
      value: rest.reduce((sum, entry) => sum + entry.matched, 0),
      total: rest.reduce((sum, entry) => sum + entry.candidates, 0),
    })
  }
  const histogram = statistics.choiceHistogram.map((count, index) => ({
    label: t('matchRuns.choiceLabel', { rank: index + 1 }),
    value: count,
  }))
  if (statistics.unrankedMatches > 0)
    histogram.push({ label: t('runStats.unranked'), value: statistics.unrankedMatches })
  if (statistics.unmatched > 0)
    histogram.push({ label: t('runStats.unmatched'), value: statistics.unmatched })

  return (
    <>
      <dl className="stats stats-wide" data-testid="run-stats">
        <div className="stat">
          <dt>{t('matchRuns.candidates')}</dt>
          <dd>{number(statistics.candidates)}</dd>
        </div>
        <div className="stat">
          <dt>{t('matchRuns.matched')}</dt>
          <dd>{number(statistics.matched)}</dd>
        </div>
        <div className="stat">
          <dt>{t('matchRuns.matchRate')}</dt>
          <dd>{formatPercent(statistics.matchRate, locale)}</dd>
        </div>
        <div className="stat">
          <dt>{t('matchRuns.seatsFilled')}</dt>
          <dd>
            {number(statistics.seatsFilled)} / {number(statistics.seats)}
          </dd>
        </div>
        <div className="stat">
          <dt>{t('runStats.firstChoice')}</dt>
          <dd>{number(firstChoice)}</dd>
        </div>
        <div className="stat">
          <dt>{t('runStats.positionsFull')}</dt>
          <dd>{number(positionsFull)}</dd>
        </div>
        <div className="stat">
          <dt>{t('runStats.blockingPairs')}</dt>
          <dd>{number(statistics.blockingPairs)}</dd>
        </div>
        {statistics.totalScore !== null ? (
          <div className="stat">
            <dt>{t('runStats.totalScore')}</dt>
            <dd>{formatScore(statistics.totalScore, locale)}</dd>
          </div>
        ) : null}
      </dl>
      <div className="chart-row">
        <BarChart
          title={t('runStats.overview')}
          bars={[
            {
              label: t('runStats.candidatesMatched'),
              value: statistics.matched,
              total: statistics.candidates,
            },
            { label: t('runStats.seatsFilledBar'), value: statistics.seatsFilled, total: statistics.seats },
          ]}
          formatValue={(bar) =>
            `${ofTotal(bar)} (${formatPercent(bar.total ? bar.value / bar.total : 0, locale)})`
          }
        />
        <BarChart
          title={t('matchRuns.choiceHistogram')}
          bars={histogram}
          formatValue={(bar) => number(bar.value)}
          emptyText={t('runStats.empty')}
        />
        <BarChart
          title={t('runStats.byCountry')}
          bars={countries}
          formatValue={ofTotal}
          emptyText={t('runStats.empty')}
        />
        <BarChart
          title={t('matchRuns.byCompany')}
          bars={run.byCompany
            // A later round offers only the seats still free: companies without any are left out.
            .filter((company) => company.seats > 0 || company.filled > 0)
            .map((company) => ({
              label: company.companyName,
              value: company.filled,
              total: company.seats,
            }))}
          formatValue={ofTotal}
          emptyText={t('runStats.empty')}
        />
      </div>
    </>
  )
}
