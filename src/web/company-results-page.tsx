import { type ReactNode, useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompanyPlacement, CompanyPositionOutcome, CompanyResults, Role } from '../domain/index.ts'
import type { ProgramOverview } from './api-client.ts'
import { AsyncView } from './async-view.tsx'
import { companyPlacementsCsvUrl, fetchCompanyResults } from './company-api.ts'
import type { ProgramCompany } from './company-scope.ts'
import { CompanyScopedPage } from './company-scoped-page.tsx'
import { formatCountry, formatDate, formatNumber } from './format.ts'
import { companyResultsPath } from './navigation.ts'
import { PhaseBadge } from './phase-badge.tsx'
import { SkillList } from './skill-list.tsx'
import { useApiData } from './use-api-data.ts'

/**
 * The company results screen: after a match is published, the company's placed candidates per position
 * (with their rank on the company's list and the offer status), each position's cut-off and seats, and what
 * happens next. Company notifications link here.
 */
export function CompanyResultsPage(props: {
  readonly programId: string
  readonly role: Role
  readonly companyIds: readonly string[]
}) {
  const { t } = useTranslation()
  return (
    <CompanyScopedPage
      programId={props.programId}
      role={props.role}
      companyIds={props.companyIds}
      title={t('companyResults.title')}
      pathOf={(companyId) => companyResultsPath(props.programId, companyId)}
    >
      {({ program, company, picker }) => (
        <ResultsScreen key={company.id} program={program} company={company} picker={picker} />
      )}
    </CompanyScopedPage>
  )
}

function ResultsScreen(props: {
  readonly program: ProgramOverview
  readonly company: ProgramCompany
  readonly picker: ReactNode
}) {
  const { t, i18n } = useTranslation()
  const { program, company } = props
  const locale = i18n.language
  const load = useCallback(() => fetchCompanyResults(program.id, company.id), [program.id, company.id])
  const results = useApiData(`company-results:${program.id}:${company.id}`, load)
  return (
    <>
      <section className="page-head" aria-labelledby="company-results-title">
        <p className="eyebrow">{company.name}</p>
        <div className="page-title-row">
          <h1 id="company-results-title">{t('companyResults.title')}</h1>
          <PhaseBadge phase={program.phase} />
        </div>
        <p className="card-meta">{program.title}</p>
        {props.picker}
      </section>
      <AsyncView data={results}>
        {(data) =>
          data.rounds.length === 0 ? (
            <NotPublished program={program} />
          ) : (
            <div data-testid="company-results">
              <Totals results={data} />
              <NextSteps results={data} />
              <p className="company-results-export">
                <a
                  className="button button-secondary"
                  href={companyPlacementsCsvUrl(program.id, company.id, locale)}
                  download
                  data-testid="company-results-csv"
                >
                  {t('companyResults.exportCsv')}
                </a>
              </p>
              {data.rounds.map((round) => (
                <RoundSection
                  key={round.round}
                  round={round.round}
                  publishedAt={round.publishedAt}
                  results={data}
                />
              ))}
            </div>
          )
        }
      </AsyncView>
    </>
  )
}

function NotPublished(props: { readonly program: ProgramOverview }) {
  const { t, i18n } = useTranslation()
  const publishOn = props.program.timeline.find((step) => step.phase === 'publish')?.startsOn
  return (
    <p className="notice notice-muted" data-testid="company-results-none">
      {publishOn
        ? t('companyResults.notYetOn', { date: formatDate(publishOn, i18n.language) })
        : t('companyResults.notYet')}
    </p>
  )
}

function Totals(props: { readonly results: CompanyResults }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { totals } = props.results
  const stats: [string, number][] = [
    [t('companyResults.seats'), totals.seats],
    [t('companyResults.accepted'), totals.accepted],
    [t('companyResults.pending'), totals.pending],
    [t('companyResults.declined'), totals.declined],
    [t('companyResults.open'), totals.open],
  ]
  return (
    <dl className="stats stats-wide company-results-stats" data-testid="company-results-totals">
      {stats.map(([label, value]) => (
        <div key={label} className="stat">
          <dt>{label}</dt>
          <dd>{formatNumber(value, locale)}</dd>
        </div>
      ))}
    </dl>
  )
}

/** What happens next, in plain words, for the phase the program is in. */
function NextSteps(props: { readonly results: CompanyResults }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { results } = props
  const deadline = results.acceptanceDeadline ? formatDate(results.acceptanceDeadline, locale) : null
  const secondRound = results.secondRoundOn ? formatDate(results.secondRoundOn, locale) : null
  const lastRound = results.rounds[results.rounds.length - 1]?.round ?? 1
  const lines: string[] = []
  if (results.phase === 'running' || results.phase === 'closed') {
    lines.push(t('companyResults.nextFinal'))
  } else if (lastRound >= 2) {
    lines.push(t('companyResults.nextAfterSecond', { round: lastRound }))
    if (results.totals.pending > 0)
      lines.push(t('companyResults.nextPending', { count: results.totals.pending }))
  } else {
    lines.push(
      deadline ? t('companyResults.nextAnswerBy', { date: deadline }) : t('companyResults.nextAnswer'),
    )
    lines.push(
      secondRound
        ? t('companyResults.nextSecondRoundOn', { date: secondRound })
        : t('companyResults.nextSecondRound'),
    )
  }
  if (results.totals.open > 0) lines.push(t('companyResults.nextOpen', { count: results.totals.open }))
  return (
    <div className="notice notice-muted next-steps" data-testid="company-results-next">
      <h2 className="mini-title">{t('companyResults.nextTitle')}</h2>
      <ul className="plain-list">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  )
}

function RoundSection(props: {
  readonly round: number
  readonly publishedAt: string | null
  readonly results: CompanyResults
}) {
  const { t, i18n } = useTranslation()
  const { round, results } = props
  const outcomes = results.positions.filter((position) => position.round === round)
  const headingId = `company-results-round-${round}`
  return (
    <section className="section" aria-labelledby={headingId} data-testid="company-results-round">
      <div className="section-head">
        <h2 id={headingId} className="section-title">
          {t('companyResults.round', { round })}
        </h2>
        {props.publishedAt ? (
          <span className="muted">
            {t('results.published', { date: formatDate(props.publishedAt, i18n.language) })}
          </span>
        ) : null}
      </div>
      <div className="company-results-positions">
        {outcomes.map((outcome) => (
          <PositionOutcome
            key={outcome.positionId}
            outcome={outcome}
            placements={results.placements.filter(
              (placement) => placement.round === round && placement.positionId === outcome.positionId,
            )}
          />
        ))}
      </div>
    </section>
  )
}

function PositionOutcome(props: {
  readonly outcome: CompanyPositionOutcome
  readonly placements: readonly CompanyPlacement[]
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { outcome, placements } = props
  const unfilled = Math.max(0, outcome.seats - outcome.filled)
  const listName = t(`companyResults.source.${outcome.listSource}`)
  const cutoff =
    outcome.cutoffRank === null
      ? t('companyResults.cutoffNone')
      : unfilled === 0
        ? t('companyResults.cutoffFull', { rank: outcome.cutoffRank, list: listName })
        : t('companyResults.cutoffNotFull', { rank: outcome.cutoffRank, list: listName })
  return (
    <article className="card company-results-position" data-testid="company-results-position">
      <div className="card-head">
        <h3 className="card-title">{outcome.positionTitle}</h3>
        <span className="badge">
          {t('companyResults.filledOf', { filled: outcome.filled, seats: outcome.seats })}
        </span>
      </div>
      <p className="card-text cutoff-line" data-testid="company-results-cutoff">
        {cutoff}
      </p>
      {unfilled > 0 ? <p className="card-meta">{t('companyResults.unfilled', { count: unfilled })}</p> : null}
      {placements.length === 0 ? (
        <p className="muted">{t('companyResults.nobody')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="company-results-table">
            <thead>
              <tr>
                <th scope="col">{t('applicant.name')}</th>
                <th scope="col">{t('applicant.nationality')}</th>
                <th scope="col">{t('companyResults.university')}</th>
                <th scope="col">{t('companyResults.skills')}</th>
                <th scope="col" className="numeric">
                  {t('companyResults.rankOnList')}
                </th>
                <th scope="col">{t('companyResults.offer')}</th>
              </tr>
            </thead>
            <tbody>
              {placements.map((placement) => (
                <tr key={placement.id} data-testid="company-results-placement">
                  <th scope="row">
                    <span className="cell-strong">{placement.fullName}</span>
                    <span className="cell-sub">
                      <a href={`mailto:${placement.email}`}>{placement.email}</a>
                    </span>
                  </th>
                  <td>{formatCountry(placement.nationality, locale)}</td>
                  <td>{placement.university ?? '–'}</td>
                  <td>
                    <SkillList skills={placement.skills} limit={4} />
                  </td>
                  <td className="numeric">
                    {placement.rankOnList === null
                      ? '–'
                      : t('companyResults.rankValue', { rank: placement.rankOnList })}
                  </td>
                  <td>
                    <span className={`badge badge-offer-${placement.status}`}>
                      {t(`companyResults.status.${placement.status}`, { defaultValue: placement.status })}
                    </span>
                    {placement.decidedAt ? (
                      <span className="cell-sub">{formatDate(placement.decidedAt, locale)}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  )
}
