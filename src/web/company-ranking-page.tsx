import { type ReactNode, useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RankingView, Role } from '../domain/index.ts'
import { fetchProgramApplications, type ProgramApplication, type ProgramOverview } from './api-client.ts'
import { AsyncView } from './async-view.tsx'
import { fetchCompanyRanking } from './company-api.ts'
import { CompanyRankingEditor } from './company-ranking-editor.tsx'
import type { ProgramCompany } from './company-scope.ts'
import { CompanyScopedPage } from './company-scoped-page.tsx'
import { formatDate } from './format.ts'
import { companyRankingPath, navigateTo } from './navigation.ts'
import { PhaseBadge } from './phase-badge.tsx'
import { useApiData } from './use-api-data.ts'

/**
 * The company ranking screen: the company's rank list of the program's applicants — one list for all its
 * positions, or a position's own list — edited beside the recommendation shortlist, with the freeze explained.
 */
export function CompanyRankingPage(props: {
  readonly programId: string
  readonly positionId: string | null
  readonly role: Role
  readonly companyIds: readonly string[]
}) {
  const { t } = useTranslation()
  const { programId } = props
  const loadApplications = useCallback(() => fetchProgramApplications(programId), [programId])
  const applications = useApiData(`program-applications:${programId}`, loadApplications)
  return (
    <CompanyScopedPage
      programId={programId}
      role={props.role}
      companyIds={props.companyIds}
      title={t('companyRanking.title')}
      pathOf={(companyId) => companyRankingPath(programId, null, companyId)}
    >
      {({ program, company, picker, isOperator }) => {
        const position = company.positions.find((entry) => entry.id === props.positionId) ?? null
        return (
          <AsyncView data={applications}>
            {(loadedApplications) => (
              <RankingScreen
                key={`${company.id}:${position?.id ?? 'all'}`}
                program={program}
                company={company}
                positionId={position?.id ?? null}
                applications={loadedApplications}
                picker={picker}
                companyParameter={isOperator || props.companyIds.length > 1 ? company.id : null}
              />
            )}
          </AsyncView>
        )
      }}
    </CompanyScopedPage>
  )
}

/** Each scope's stored list: the company's (key "all") and each position's own. */
type ScopeLists = ReadonlyMap<string, RankingView>

function RankingScreen(props: {
  readonly program: ProgramOverview
  readonly company: ProgramCompany
  readonly positionId: string | null
  readonly applications: readonly ProgramApplication[]
  readonly picker: ReactNode
  readonly companyParameter: string | null
}) {
  const { t, i18n } = useTranslation()
  const { program, company, positionId } = props
  const locale = i18n.language
  const loadScopes = useCallback(async (): Promise<ScopeLists> => {
    const scopes = [null, ...company.positions.map((position) => position.id)]
    const lists = await Promise.all(scopes.map((id) => fetchCompanyRanking(program.id, company.id, id)))
    return new Map(lists.map((list, index) => [scopes[index] ?? 'all', list]))
  }, [program.id, company])
  const scopes = useApiData(`company-rankings:${program.id}:${company.id}`, loadScopes)
  const [isDirty, setIsDirty] = useState(false)

  // Leaving the page (reload, close, another site) with unsaved changes asks first.
  useEffect(() => {
    if (!isDirty) return
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [isDirty])

  const goToScope = (id: string | null) => {
    if (id === positionId) return
    if (isDirty && !window.confirm(t('companyRanking.confirmLeave'))) return
    navigateTo(companyRankingPath(program.id, id, props.companyParameter))
  }
  const position = company.positions.find((entry) => entry.id === positionId) ?? null
  const freezesOn = program.timeline.find((step) => step.phase === 'ranking_freeze')?.startsOn ?? null
  return (
    <>
      <section className="page-head" aria-labelledby="company-ranking-title">
        <p className="eyebrow">{company.name}</p>
        <div className="page-title-row">
          <h1 id="company-ranking-title">{t('companyRanking.title')}</h1>
          <PhaseBadge phase={program.phase} />
        </div>
        <p className="card-meta">
          {program.title}
          {freezesOn ? ` · ${t('companyRanking.freezesOn', { date: formatDate(freezesOn, locale) })}` : ''}
        </p>
        {props.picker}
        <MechanismNote mechanism={program.matchingConfig.mechanism} />
      </section>
      <AsyncView data={scopes}>
        {(lists) => (
          <>
            <ScopeNav
              company={company}
              lists={lists}
              current={positionId}
              onPick={goToScope}
              hasCompanyList={(lists.get('all')?.entries.length ?? 0) > 0}
            />
            <CompanyRankingEditor
              programId={program.id}
              company={company}
              position={position}
              initial={lists.get(positionId ?? 'all')!}
              hasCompanyList={(lists.get('all')?.entries.length ?? 0) > 0}
              applications={props.applications}
              onDirtyChange={setIsDirty}
              onSaved={scopes.reload}
            />
          </>
        )}
      </AsyncView>
    </>
  )
}

/** The plain-language note on the mechanism: why ranking truthfully is safe, and what a list means. */
function MechanismNote(props: { readonly mechanism: string }) {
  const { t } = useTranslation()
  return (
    <div className="notice notice-muted mechanism-note" data-testid="company-ranking-mechanism">
      <p>
        {props.mechanism === 'candidate-proposing'
          ? t('companyRanking.truthfulNote')
          : t('companyRanking.otherMechanismNote')}
      </p>
      <p>{t('companyRanking.listRules')}</p>
    </div>
  )
}

/** Switches between the company list and each position's own list, saying which list each position uses. */
function ScopeNav(props: {
  readonly company: ProgramCompany
  readonly lists: ScopeLists
  readonly current: string | null
  readonly hasCompanyList: boolean
  readonly onPick: (positionId: string | null) => void
}) {
  const { t } = useTranslation()
  const { company, lists } = props
  const all = lists.get('all')
  const describe = (positionId: string) => {
    const own = lists.get(positionId)
    if (own && own.entries.length > 0) return t('companyRanking.scopeOwn', { count: countIds(own) })
    if (props.hasCompanyList) return t('companyRanking.scopeUsesCompany')
    return t('companyRanking.scopeUsesScores')
  }
  return (
    <nav className="scope-nav" aria-label={t('companyRanking.scopeNav')} data-testid="company-ranking-scopes">
      <ul>
        <li>
          <button
            type="button"
            className="scope-tab"
            aria-current={props.current === null ? 'page' : undefined}
            onClick={() => props.onPick(null)}
          >
            <span className="cell-strong">{t('companyRanking.scopeAll')}</span>
            <span className="cell-sub">
              {all && all.entries.length > 0
                ? t('companyRanking.scopeCompanyList', { count: countIds(all) })
                : t('companyRanking.scopeNoList')}
            </span>
          </button>
        </li>
        {company.positions.map((position) => (
          <li key={position.id}>
            <button
              type="button"
              className="scope-tab"
              aria-current={props.current === position.id ? 'page' : undefined}
              onClick={() => props.onPick(position.id)}
            >
              <span className="cell-strong">{position.title}</span>
              <span className="cell-sub">
                {t('shortlist.seats', { count: position.seats })} · {describe(position.id)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}

function countIds(ranking: RankingView): number {
  return ranking.entries.reduce((sum, entry) => sum + (typeof entry === 'string' ? 1 : entry.length), 0)
}
