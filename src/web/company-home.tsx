import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Company, Position, ProgramPhase } from '../domain/index.ts'
import { fetchCompanies, fetchCompanyPositions, fetchPrograms, type ProgramOverview } from './api-client.ts'
import { AppLink } from './app-link.tsx'
import { AsyncView } from './async-view.tsx'
import { formatDate, formatKrw, formatNumber } from './format.ts'
import { companyRankingPath, companyResultsPath } from './navigation.ts'
import { ProgramList } from './program-list.tsx'
import { SkillList } from './skill-list.tsx'
import { useApiData } from './use-api-data.ts'

/** Home of a company member: their company, its positions and the programs it takes part in. */
export function CompanyHome() {
  const { t } = useTranslation()
  const companies = useApiData('companies', fetchCompanies)
  const programs = useApiData('programs', fetchPrograms)
  return (
    <>
      <AsyncView data={companies}>
        {(data) =>
          data.length === 0 ? (
            <section className="page-head">
              <h1>{t('home.company.title')}</h1>
              <p className="muted">{t('home.company.noCompany')}</p>
            </section>
          ) : (
            data.map((company) => <CompanySection key={company.id} company={company} />)
          )
        }
      </AsyncView>
      <section className="section" aria-labelledby="company-programs-title">
        <h2 id="company-programs-title" className="section-title">
          {t('home.company.programs')}
        </h2>
        <AsyncView data={programs}>
          {(data) => (
            <>
              <NextTasks programs={data} />
              <ProgramList programs={data} />
            </>
          )}
        </AsyncView>
      </section>
    </>
  )
}

function CompanySection(props: { readonly company: Company }) {
  const { t } = useTranslation()
  const { company } = props
  const load = useCallback(() => fetchCompanyPositions(company.id), [company.id])
  const positions = useApiData(`company-positions:${company.id}`, load)
  return (
    <>
      <section className="page-head" aria-labelledby={`company-${company.id}`}>
        <p className="eyebrow">{t('home.company.eyebrow')}</p>
        <div className="page-title-row">
          <h1 id={`company-${company.id}`}>{company.name}</h1>
          {company.isVerified ? <span className="badge badge-verified">{t('company.verified')}</span> : null}
        </div>
        <dl className="facts">
          <div>
            <dt>{t('company.domain')}</dt>
            <dd>{company.domain}</dd>
          </div>
          <div>
            <dt>{t('company.size')}</dt>
            <dd>{t('company.sizeValue', { size: company.size })}</dd>
          </div>
          <div>
            <dt>{t('company.location')}</dt>
            <dd>{company.location}</dd>
          </div>
        </dl>
        {company.description ? <p className="lead">{company.description}</p> : null}
      </section>
      <section className="section" aria-labelledby={`company-positions-${company.id}`}>
        <h2 id={`company-positions-${company.id}`} className="section-title">
          {t('home.company.positions')}
        </h2>
        <AsyncView data={positions}>{(data) => <CompanyPositions positions={data} />}</AsyncView>
      </section>
    </>
  )
}

function CompanyPositions(props: { readonly positions: readonly Position[] }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  if (props.positions.length === 0) return <p className="muted">{t('home.company.noPositions')}</p>
  return (
    <ul className="card-list card-list-wide" data-testid="company-positions">
      {props.positions.map((position) => (
        <li key={position.id} className="card">
          <div className="card-head">
            <h3 className="card-title">{position.title}</h3>
            <span className="badge">{t(`positionKind.${position.kind}`)}</span>
          </div>
          {position.description ? <p className="card-text">{position.description}</p> : null}
          <dl className="facts facts-compact">
            <div>
              <dt>{t('position.seats')}</dt>
              <dd>{formatNumber(position.capacity, locale)}</dd>
            </div>
            <div>
              <dt>{t('position.workMode')}</dt>
              <dd>
                {t(`workMode.${position.workMode}`)} · {position.location}
              </dd>
            </div>
            <div>
              <dt>{t('position.hours')}</dt>
              <dd>{t('common.hoursPerWeek', { count: position.hoursPerWeek })}</dd>
            </div>
            {position.startDate ? (
              <div>
                <dt>{t('position.period')}</dt>
                <dd>
                  {formatDate(position.startDate, locale)} – {formatDate(position.endDate, locale)}
                </dd>
              </div>
            ) : null}
            {typeof position.stipendKrw === 'number' ? (
              <div>
                <dt>{t('position.stipend')}</dt>
                <dd>{t('common.perMonth', { amount: formatKrw(position.stipendKrw, locale) })}</dd>
              </div>
            ) : null}
          </dl>
          <div className="skill-block">
            <h4 className="mini-title">{t('position.requiredSkills')}</h4>
            <SkillList skills={position.requiredSkills} />
          </div>
          {position.preferredSkills.length > 0 ? (
            <div className="skill-block">
              <h4 className="mini-title">{t('position.preferredSkills')}</h4>
              <SkillList skills={position.preferredSkills} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

/** Phases in which a company can still rank applicants. */
const RANKING_PHASES: readonly ProgramPhase[] = ['call_open', 'eligibility_check', 'ranking']
/** Phases in which a company has published results to look at. */
const RESULT_PHASES: readonly ProgramPhase[] = ['publish', 'acceptance_deadline', 'second_round']

/** What the company should do next in each program: rank before the freeze, or read its results. */
function NextTasks(props: { readonly programs: readonly ProgramOverview[] }) {
  const { t, i18n } = useTranslation()
  const tasks = props.programs.flatMap((program) => {
    if (RANKING_PHASES.includes(program.phase)) {
      const freezesOn = program.timeline.find((step) => step.phase === 'ranking_freeze')?.startsOn
      return [
        <li key={program.id} className="notice notice-muted company-next-task">
          <span>
            {freezesOn
              ? t('companyTasks.homeRankBy', {
                  program: program.title,
                  date: formatDate(freezesOn, i18n.language),
                })
              : t('companyTasks.homeRank', { program: program.title })}
          </span>
          <AppLink to={companyRankingPath(program.id)} className="button button-small">
            {t('companyTasks.openRanking')}
          </AppLink>
        </li>,
      ]
    }
    if (RESULT_PHASES.includes(program.phase)) {
      return [
        <li key={program.id} className="notice notice-success company-next-task">
          <span>{t('companyTasks.homeResults', { program: program.title })}</span>
          <AppLink to={companyResultsPath(program.id)} className="button button-small">
            {t('companyTasks.openResults')}
          </AppLink>
        </li>,
      ]
    }
    return []
  })
  if (tasks.length === 0) return null
  return (
    <ul className="plain-list company-next-tasks" data-testid="company-next-tasks">
      {tasks}
    </ul>
  )
}
