import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchProgramPositions, type ProgramOverview } from './api-client.ts'
import { AppLink } from './app-link.tsx'
import { AsyncView } from './async-view.tsx'
import { fetchCompanyRanking } from './company-api.ts'
import { listProgramCompanies, type ProgramCompany } from './company-scope.ts'
import { formatDate } from './format.ts'
import { companyRankingPath, companyResultsPath } from './navigation.ts'
import { useApiData } from './use-api-data.ts'

/** Phases from which a program has published results (or will soon). */
const RESULT_PHASES: readonly string[] = [
  'publish',
  'acceptance_deadline',
  'second_round',
  'running',
  'closed',
]

/**
 * On a program's page, for a company member: the company's two tasks in the program — its rank list (with
 * the freeze date, or why it is read-only) and, once published, its results.
 */
export function CompanyProgramSection(props: {
  readonly program: ProgramOverview
  readonly companyIds: readonly string[]
}) {
  const { t } = useTranslation()
  const { program } = props
  const load = useCallback(() => fetchProgramPositions(program.id), [program.id])
  const positions = useApiData(`program-positions:${program.id}`, load)
  return (
    <section className="section" aria-labelledby="company-tasks-title" data-testid="company-tasks">
      <h2 id="company-tasks-title" className="section-title">
        {t('companyTasks.title')}
      </h2>
      <AsyncView data={positions}>
        {(data) => {
          const companies = listProgramCompanies(data, props.companyIds)
          if (companies.length === 0) return <p className="muted">{t('shortlist.noOwnPositions')}</p>
          return companies.map((company) => (
            <CompanyTasks
              key={company.id}
              program={program}
              company={company}
              companyParameter={props.companyIds.length > 1 ? company.id : null}
              isNamed={companies.length > 1}
            />
          ))
        }}
      </AsyncView>
    </section>
  )
}

function CompanyTasks(props: {
  readonly program: ProgramOverview
  readonly company: ProgramCompany
  readonly companyParameter: string | null
  readonly isNamed: boolean
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { program, company } = props
  const load = useCallback(() => fetchCompanyRanking(program.id, company.id, null), [program.id, company.id])
  const ranking = useApiData(`company-ranking:${program.id}:${company.id}`, load)
  const freezesOn = program.timeline.find((step) => step.phase === 'ranking_freeze')?.startsOn ?? null
  const publishOn = program.timeline.find((step) => step.phase === 'publish')?.startsOn ?? null
  const hasResults = RESULT_PHASES.includes(program.phase)
  return (
    <ul className="card-list card-list-wide company-tasks">
      <li className="card">
        <div className="card-head">
          <h3 className="card-title">
            {props.isNamed ? `${company.name} · ` : ''}
            {t('companyTasks.rankingTitle')}
          </h3>
        </div>
        <AsyncView data={ranking}>
          {(data) => {
            const count = data.entries.reduce(
              (sum, entry) => sum + (typeof entry === 'string' ? 1 : entry.length),
              0,
            )
            return (
              <>
                <p className="card-text">
                  {count > 0
                    ? t('companyTasks.listSaved', { count, date: formatDate(data.updatedAt, locale) })
                    : t('companyTasks.noList')}
                </p>
                <p className="card-meta">
                  {data.isFrozen
                    ? t('companyTasks.frozen')
                    : freezesOn
                      ? t('companyTasks.freezesOn', { date: formatDate(freezesOn, locale) })
                      : t('companyTasks.open')}
                </p>
                <p className="company-task-action">
                  <AppLink
                    to={companyRankingPath(program.id, null, props.companyParameter)}
                    className={data.isFrozen ? 'button button-secondary' : 'button'}
                  >
                    {data.isFrozen ? t('companyTasks.viewRanking') : t('companyTasks.openRanking')}
                  </AppLink>
                </p>
              </>
            )
          }}
        </AsyncView>
      </li>
      <li className="card">
        <div className="card-head">
          <h3 className="card-title">{t('companyTasks.resultsTitle')}</h3>
        </div>
        <p className="card-text">
          {hasResults
            ? t('companyTasks.resultsReady')
            : publishOn
              ? t('companyTasks.resultsOn', { date: formatDate(publishOn, locale) })
              : t('companyTasks.resultsLater')}
        </p>
        {hasResults ? (
          <p className="company-task-action">
            <AppLink to={companyResultsPath(program.id, props.companyParameter)} className="button">
              {t('companyTasks.openResults')}
            </AppLink>
          </p>
        ) : null}
      </li>
    </ul>
  )
}
