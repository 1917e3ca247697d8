import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../domain/index.ts'
import {
  fetchProgram,
  fetchProgramApplications,
  fetchProgramPositions,
  type ProgramApplication,
  type ProgramOverview,
  type ProgramPosition,
} from './api-client.ts'
import { AppLink } from './app-link.tsx'
import { ApplyPanel } from './apply-panel.tsx'
import { AsyncView } from './async-view.tsx'
import { CompanyProgramSection } from './company-program-section.tsx'
import { ExportsSection } from './exports-section.tsx'
import { formatCountry, formatDate, formatNumber } from './format.ts'
import { MatchRunsSection } from './match-runs-section.tsx'
import { importPath, programEditPath } from './navigation.ts'
import { ProgramToolsNav } from './operator-nav.tsx'
import { PhaseBadge } from './phase-badge.tsx'
import { ProgramStats } from './program-stats.tsx'
import { RankingSection } from './ranking-section.tsx'
import { RecommendedCandidatesSection } from './recommended-candidates-section.tsx'
import { ResultsSection } from './results-section.tsx'
import { SkillList } from './skill-list.tsx'
import { SkillSupplyDemandSection } from './skill-supply-demand-section.tsx'
import { useApiData } from './use-api-data.ts'

/** Roles that may read a program's applicants. */
const APPLICANT_READERS: readonly Role[] = ['operator', 'reviewer', 'company']
/** Hub staff: they see every position's shortlist and the skill supply/demand table. */
const STAFF_ROLES: readonly Role[] = ['operator', 'reviewer']

/** One program: its summary and timeline, its positions, and (for staff and companies) its applicants. */
export function ProgramPage(props: {
  readonly programId: string
  readonly role: Role
  /** The companies the viewer belongs to (company members see their own positions' shortlists). */
  readonly companyIds: readonly string[]
  /** A part of the page to scroll to once it has loaded (from a notification's link), e.g. `result`. */
  readonly section?: string
}) {
  const { t } = useTranslation()
  const { programId } = props
  const loadProgram = useCallback(() => fetchProgram(programId), [programId])
  const program = useApiData(`program:${programId}`, loadProgram)
  useScrollToSection(program.status === 'ready' ? (props.section ?? null) : null)
  const canSeeApplicants = APPLICANT_READERS.includes(props.role)
  const isStaff = STAFF_ROLES.includes(props.role)
  return (
    <>
      <p className="back-link">
        <AppLink to="/">← {t('programPage.back')}</AppLink>
      </p>
      <AsyncView data={program}>
        {(data) => (
          <>
            <ProgramSummary program={data} />
            {props.role === 'company' ? (
              <CompanyProgramSection program={data} companyIds={props.companyIds} />
            ) : null}
            {props.role === 'operator' ? (
              <div className="form-actions page-actions">
                <AppLink to={programEditPath(programId)} className="button">
                  {t('programSetup.editProgram')}
                </AppLink>
                <AppLink to={importPath(programId)} className="button button-secondary">
                  {t('importPage.importIntoProgram')}
                </AppLink>
              </div>
            ) : null}
            {isStaff ? <ProgramToolsNav programId={programId} canEdit={props.role === 'operator'} /> : null}
            {props.role === 'candidate' ? <CandidateApplicationSection program={data} /> : null}
            <PositionsSection programId={programId} />
            {props.role === 'candidate' ? <ResultsSection programId={programId} /> : null}
            {props.role === 'candidate' ? (
              <RankingSection
                programId={programId}
                freezesOn={data.timeline.find((step) => step.phase === 'ranking_freeze')?.startsOn ?? null}
              />
            ) : null}
            {props.role === 'operator' ? (
              <MatchRunsSection program={data} onProgramChanged={program.reload} />
            ) : null}
            {props.role === 'operator' ? <ExportsSection programId={programId} phase={data.phase} /> : null}
            {props.role === 'company' ? (
              <RecommendedCandidatesSection programId={programId} companyIds={props.companyIds} />
            ) : null}
            {isStaff ? <RecommendedCandidatesSection programId={programId} companyIds={null} /> : null}
            {isStaff ? <SkillSupplyDemandSection programId={programId} /> : null}
            {canSeeApplicants ? <ApplicantsSection programId={programId} /> : null}
          </>
        )}
      </AsyncView>
    </>
  )
}

/**
 * Scrolls to `[data-section=…]` once it appears (sections load on their own, so it may take a moment) and
 * moves keyboard focus to its heading.
 */
function useScrollToSection(section: string | null) {
  useEffect(() => {
    if (!section) return
    let tries = 0
    const timer = window.setInterval(() => {
      const target = document.querySelector<HTMLElement>(`[data-section="${CSS.escape(section)}"]`)
      tries += 1
      if (target) {
        window.clearInterval(timer)
        target.scrollIntoView({ block: 'start' })
        const heading = target.querySelector<HTMLElement>('h2, h3') ?? target
        heading.setAttribute('tabindex', '-1')
        heading.focus({ preventScroll: true })
      } else if (tries > 40) window.clearInterval(timer)
    }, 100)
    return () => window.clearInterval(timer)
  }, [section])
}

/** The candidate's own application to this program: eligibility, apply, withdraw. */
function CandidateApplicationSection(props: { readonly program: ProgramOverview }) {
  const { t } = useTranslation()
  return (
    <section className="section" aria-labelledby="application-title">
      <h2 id="application-title" className="section-title">
        {t('apply.title')}
      </h2>
      <div className="card">
        <ApplyPanel programId={props.program.id} programTitle={props.program.title} />
      </div>
    </section>
  )
}

function ProgramSummary(props: { readonly program: ProgramOverview }) {
  const { t, i18n } = useTranslation()
  const { program } = props
  const locale = i18n.language
  return (
    <section className="page-head" aria-labelledby="program-title">
      <div className="page-title-row">
        <h1 id="program-title">{program.title}</h1>
        <PhaseBadge phase={program.phase} />
      </div>
      <p className="card-meta">{t(`programKind.${program.kind}`)}</p>
      {program.description ? <p className="lead">{program.description}</p> : null}
      <ProgramStats program={program} isWide />
      {program.timeline.length > 0 ? (
        <div className="timeline-block">
          <h2 className="section-title">{t('programPage.timeline')}</h2>
          <ol className="timeline">
            {program.timeline.map((step) => (
              <li
                key={step.phase}
                className={step.phase === program.phase ? 'timeline-step is-current' : 'timeline-step'}
                aria-current={step.phase === program.phase ? 'step' : undefined}
              >
                <span className="timeline-phase">{t(`phase.${step.phase}`)}</span>
                <span className="timeline-date">{formatDate(step.startsOn, locale)}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  )
}

function PositionsSection(props: { readonly programId: string }) {
  const { t } = useTranslation()
  const { programId } = props
  const load = useCallback(() => fetchProgramPositions(programId), [programId])
  const positions = useApiData(`program-positions:${programId}`, load)
  return (
    <section className="section" aria-labelledby="positions-title">
      <h2 id="positions-title" className="section-title">
        {t('programPage.positions')}
      </h2>
      <AsyncView data={positions}>{(data) => <ProgramPositionsTable positions={data} />}</AsyncView>
    </section>
  )
}

function ProgramPositionsTable(props: { readonly positions: readonly ProgramPosition[] }) {
  const { t, i18n } = useTranslation()
  if (props.positions.length === 0) return <p className="muted">{t('programPage.noPositions')}</p>
  return (
    <div className="table-scroll">
      <table className="table" data-testid="program-positions">
        <thead>
          <tr>
            <th scope="col">{t('position.company')}</th>
            <th scope="col">{t('position.title')}</th>
            <th scope="col" className="numeric">
              {t('position.seats')}
            </th>
            <th scope="col">{t('position.workMode')}</th>
            <th scope="col">{t('position.requiredSkills')}</th>
          </tr>
        </thead>
        <tbody>
          {props.positions.map((position) => (
            <tr key={position.id}>
              <td>{position.companyName}</td>
              <td>
                <span className="cell-strong">{position.title}</span>
                <span className="cell-sub">
                  {t(`positionKind.${position.kind}`)} · {position.location}
                </span>
              </td>
              <td className="numeric">{formatNumber(position.seats, i18n.language)}</td>
              <td>{t(`workMode.${position.workMode}`)}</td>
              <td>
                <SkillList skills={position.requiredSkills} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function ApplicantsSection(props: { readonly programId: string }) {
  const { t } = useTranslation()
  const { programId } = props
  const load = useCallback(() => fetchProgramApplications(programId), [programId])
  const applications = useApiData(`program-applications:${programId}`, load)
  return (
    <section className="section" aria-labelledby="applicants-title">
      <h2 id="applicants-title" className="section-title">
        {t('programPage.applicants')}
      </h2>
      <AsyncView data={applications}>{(data) => <ApplicantsTable applications={data} />}</AsyncView>
    </section>
  )
}

function ApplicantsTable(props: { readonly applications: readonly ProgramApplication[] }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const [query, setQuery] = useState('')
  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase()
    if (!needle) return props.applications
    return props.applications.filter((application) => {
      const haystack = [
        application.fullName,
        application.nationality,
        formatCountry(application.nationality, locale),
        formatCountry(application.residenceCountry, locale),
        ...application.skills.map((entry) => entry.skill),
      ]
      return haystack.some((text) => text.toLowerCase().includes(needle))
    })
  }, [props.applications, query, locale])
  if (props.applications.length === 0) return <p className="muted">{t('programPage.noApplicants')}</p>
  return (
    <>
      <div className="toolbar">
        <label className="field field-inline">
          <span className="field-label">{t('programPage.filter')}</span>
          <input
            type="search"
            className="input"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t('programPage.filterPlaceholder')}
          />
        </label>
        <p className="muted" aria-live="polite">
          {t('programPage.showing', { shown: shown.length, count: props.applications.length })}
        </p>
      </div>
      <div className="table-scroll">
        <table className="table" data-testid="program-applicants">
          <thead>
            <tr>
              <th scope="col">{t('applicant.name')}</th>
              <th scope="col">{t('applicant.nationality')}</th>
              <th scope="col">{t('applicant.residence')}</th>
              <th scope="col">{t('applicant.topSkills')}</th>
              <th scope="col">{t('applicant.status')}</th>
              <th scope="col">{t('applicant.submitted')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((application) => (
              <tr key={application.id}>
                <td className="cell-strong">{application.fullName}</td>
                <td>{formatCountry(application.nationality, locale)}</td>
                <td>{formatCountry(application.residenceCountry, locale)}</td>
                <td>
                  <SkillList skills={application.skills} limit={3} />
                </td>
                <td>
                  <span className={`badge badge-status-${application.status}`}>
                    {t(`applicationStatus.${application.status}`)}
                  </span>
                </td>
                <td>{formatDate(application.submittedAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
