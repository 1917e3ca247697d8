import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OwnProfile } from '../domain/index.ts'
import {
  fetchOwnApplications,
  fetchPrograms,
  type OwnApplication,
  type ProgramOverview,
} from './api-client.ts'
import { AppLink } from './app-link.tsx'
import { ApplyPanel } from './apply-panel.tsx'
import { AsyncView } from './async-view.tsx'
import { announceProfileChanged, fetchOwnProfile, onApplicationChanged } from './candidate-api.ts'
import { CandidateProfileForm } from './candidate-profile-form.tsx'
import { formatCountry, formatDate, formatLanguage, formatNumber } from './format.ts'
import { isUiLocale } from './i18n.ts'
import { programPath } from './navigation.ts'
import { PhaseBadge } from './phase-badge.tsx'
import { PrivacyPanel } from './privacy-panel.tsx'
import { UNKNOWN_COUNTRY } from './profile-options.ts'
import { useApiData } from './use-api-data.ts'

/**
 * Home of a candidate: what their profile still lacks, the profile itself (with the editor and CV import),
 * the programs whose call is open (eligibility and apply in place), and their applications.
 */
export function CandidateHome() {
  const { t } = useTranslation()
  const profile = useApiData('own-profile', fetchOwnProfile)
  const applications = useApiData('own-applications', fetchOwnApplications)
  const programs = useApiData('programs', fetchPrograms)
  const [saved, setSaved] = useState<OwnProfile | null>(null)
  const [isEditing, setIsEditing] = useState(false)
  const [isSavedNoticeShown, setIsSavedNoticeShown] = useState(false)
  const reloadApplications = applications.reload
  useEffect(() => onApplicationChanged(() => reloadApplications()), [reloadApplications])

  const startEditing = useCallback(() => {
    setIsSavedNoticeShown(false)
    setIsEditing(true)
    window.setTimeout(() => {
      const section = document.getElementById('profile-section')
      section?.scrollIntoView({ block: 'start' })
      section?.querySelector<HTMLElement>('input, textarea, select')?.focus({ preventScroll: true })
    }, 0)
  }, [])

  return (
    <>
      <section className="page-head">
        <h1>{t('home.candidate.title')}</h1>
        <p className="lead">{t('home.candidate.intro')}</p>
      </section>
      <AsyncView data={profile}>
        {(loaded) => {
          const candidate = saved ?? loaded
          return (
            <>
              {!candidate.isProfileComplete && !isEditing ? (
                <ProfileChecklist candidate={candidate} onStart={startEditing} />
              ) : null}
              <section className="section" aria-labelledby="profile-title" id="profile-section">
                <div className="section-head">
                  <h2 id="profile-title" className="section-title">
                    {candidate.fullName}
                  </h2>
                  {isEditing ? null : (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={startEditing}
                    >
                      {t('profile.edit')}
                    </button>
                  )}
                </div>
                {isSavedNoticeShown ? (
                  <p className="notice notice-success" role="status">
                    {t('profile.saved')}
                    {candidate.isProfileComplete ? ` ${t('candidateHome.nowApply')}` : ''}
                  </p>
                ) : null}
                {isEditing ? (
                  <CandidateProfileForm
                    candidate={candidate}
                    onCancel={() => setIsEditing(false)}
                    onSaved={(updated) => {
                      setSaved(updated)
                      setIsEditing(false)
                      setIsSavedNoticeShown(true)
                      // Eligibility depends on the profile: every program's panel reloads.
                      announceProfileChanged()
                      document.getElementById('profile-title')?.scrollIntoView({ block: 'start' })
                    }}
                  />
                ) : (
                  <CandidateProfile candidate={candidate} />
                )}
              </section>
            </>
          )
        }}
      </AsyncView>
      <section className="section" aria-labelledby="open-calls-title">
        <h2 id="open-calls-title" className="section-title">
          {t('candidateHome.openCalls')}
        </h2>
        <AsyncView data={programs}>
          {(data) => <OpenCalls programs={data} onCompleteProfile={startEditing} />}
        </AsyncView>
      </section>
      <section className="section" aria-labelledby="applications-title">
        <h2 id="applications-title" className="section-title">
          {t('home.candidate.applications')}
        </h2>
        <AsyncView data={applications}>{(data) => <OwnApplications applications={data} />}</AsyncView>
      </section>
      <PrivacyPanel />
    </>
  )
}

function ProfileChecklist(props: { readonly candidate: OwnProfile; readonly onStart: () => void }) {
  const { t } = useTranslation()
  return (
    <section className="card checklist" aria-labelledby="checklist-title" data-testid="profile-checklist">
      <h2 id="checklist-title" className="section-title">
        {t('candidateHome.checklistTitle')}
      </h2>
      <p>{t('candidateHome.checklistIntro')}</p>
      <ul className="checklist-items">
        {props.candidate.missingFields.map((field) => (
          <li key={field}>{t(`candidateProfile.field.${field}`)}</li>
        ))}
      </ul>
      <p className="field-hint">{t('candidateHome.checklistCv')}</p>
      <button type="button" className="button" onClick={props.onStart}>
        {t('candidateHome.completeProfile')}
      </button>
    </section>
  )
}

function CandidateProfile(props: { readonly candidate: OwnProfile }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const uiLocale = isUiLocale(locale) ? locale : 'en'
  const { candidate } = props
  const missing = new Set(candidate.missingFields)
  const notGiven = <span className="muted">{t('candidateHome.notGiven')}</span>
  return (
    <div className="card profile" data-testid="candidate-profile">
      <dl className="facts">
        <div>
          <dt>{t('profile.email')}</dt>
          <dd>{candidate.email}</dd>
        </div>
        <div>
          <dt>{t('profile.nationality')}</dt>
          <dd>{missing.has('nationality') ? notGiven : formatCountry(candidate.nationality, locale)}</dd>
        </div>
        <div>
          <dt>{t('profile.residence')}</dt>
          <dd>
            {missing.has('city') && missing.has('residenceCountry')
              ? notGiven
              : [
                  candidate.city,
                  candidate.residenceCountry === UNKNOWN_COUNTRY
                    ? ''
                    : formatCountry(candidate.residenceCountry, locale),
                ]
                  .filter((part) => part.length > 0)
                  .join(', ')}
          </dd>
        </div>
        <div>
          <dt>{t('profile.timeZone')}</dt>
          <dd>{candidate.timeZone}</dd>
        </div>
        <div>
          <dt>{t('profile.visa')}</dt>
          <dd>
            {missing.has('visaStatus')
              ? notGiven
              : t(`visa.${candidate.visaStatus}`, { defaultValue: candidate.visaStatus })}
          </dd>
        </div>
        <div>
          <dt>{t('profile.availability')}</dt>
          <dd>
            {candidate.availableFrom || candidate.availableTo
              ? `${formatDate(candidate.availableFrom, locale)} – ${formatDate(candidate.availableTo, locale)}`
              : t('profile.anyTime')}
            <br />
            {t('common.hoursPerWeek', { count: candidate.hoursPerWeek })} ·{' '}
            {candidate.workModePreference.map((mode) => t(`workMode.${mode}`)).join(', ')}
          </dd>
        </div>
      </dl>
      <div className="profile-block">
        <h3 className="mini-title">{t('profile.languages')}</h3>
        {candidate.languages.length === 0 ? (
          <p className="muted">–</p>
        ) : (
          <ul className="chips">
            {candidate.languages.map((entry) => (
              <li key={entry.language} className="chip">
                {formatLanguage(entry.language, locale)}
                <span className="chip-level">{t(`languageLevel.${entry.level}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="profile-block">
        <h3 className="mini-title">{t('profile.skills')}</h3>
        {candidate.skills.length === 0 ? (
          <p className="muted">–</p>
        ) : (
          <ul className="chips" data-testid="profile-skill-chips">
            {[...candidate.skills]
              .sort((a, b) => b.level - a.level || a.skill.localeCompare(b.skill))
              .map((entry) => (
                <li key={entry.skill} className="chip" title={t('skill.levelTitle', { level: entry.level })}>
                  {candidate.skillLabels[entry.skill]?.[uiLocale] ?? entry.skill}
                  <span className="chip-level" aria-hidden="true">
                    {entry.level}
                  </span>
                  <span className="visually-hidden">{t('skill.levelTitle', { level: entry.level })}</span>
                </li>
              ))}
          </ul>
        )}
      </div>
      <div className="profile-block">
        <h3 className="mini-title">{t('profile.education')}</h3>
        {candidate.education.length === 0 ? (
          <p className="muted">–</p>
        ) : (
          <ul className="plain-list">
            {candidate.education.map((entry) => (
              <li key={`${entry.institution}-${entry.degree}-${entry.field}`}>
                <span className="cell-strong">{entry.institution}</span>
                <span className="cell-sub">
                  {t(`degree.${entry.degree}`)} · {entry.field} · {formatCountry(entry.country, locale)} ·{' '}
                  {t(`educationStatus.${entry.status}`)}
                  {entry.graduationDate
                    ? ` · ${t('profile.graduation', { date: formatDate(entry.graduationDate, locale) })}`
                    : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {candidate.experience.length > 0 ? (
        <div className="profile-block">
          <h3 className="mini-title">{t('candidateProfile.experience')}</h3>
          <ul className="plain-list">
            {candidate.experience.map((entry) => (
              <li key={`${entry.organisation}-${entry.role}`}>
                <span className="cell-strong">
                  {entry.role} · {entry.organisation}
                </span>
                <span className="cell-sub">
                  {t('candidateProfile.monthsValue', { count: entry.months })}
                  {entry.summary ? ` · ${entry.summary}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {candidate.links.length > 0 ? (
        <div className="profile-block">
          <h3 className="mini-title">{t('candidateProfile.links')}</h3>
          <ul className="plain-list">
            {candidate.links.map((link) => (
              <li key={link}>
                <a href={link} rel="noopener noreferrer" target="_blank">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {candidate.cvText ? (
        <details className="profile-block">
          <summary>{t('candidateHome.cvText')}</summary>
          <pre className="cv-preview">{candidate.cvText}</pre>
        </details>
      ) : null}
    </div>
  )
}

function OpenCalls(props: {
  readonly programs: readonly ProgramOverview[]
  readonly onCompleteProfile: () => void
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const open = props.programs.filter((program) => program.phase === 'call_open')
  if (open.length === 0) return <p className="muted">{t('candidateHome.noOpenCalls')}</p>
  return (
    <ul className="card-list card-list-wide" data-testid="open-calls">
      {open.map((program) => {
        const closesOn = program.timeline.find((step) => step.phase === 'eligibility_check')?.startsOn
        return (
          <li key={program.id} className="card program-call" data-testid="open-call">
            <div className="card-head">
              <h3 className="card-title">{program.title}</h3>
              <PhaseBadge phase={program.phase} />
            </div>
            <p className="card-meta">
              {t(`programKind.${program.kind}`)} ·{' '}
              {t('candidateHome.callStats', {
                positions: formatNumber(program.positionCount, locale),
                seats: formatNumber(program.seatCount, locale),
                companies: formatNumber(program.companyCount, locale),
              })}
              {closesOn ? ` · ${t('candidateHome.closesOn', { date: formatDate(closesOn, locale) })}` : ''}
            </p>
            {program.description ? <p className="card-text">{program.description}</p> : null}
            <p>
              <AppLink to={programPath(program.id)}>{t('candidateHome.viewProgram')} →</AppLink>
            </p>
            <ApplyPanel
              programId={program.id}
              programTitle={program.title}
              onCompleteProfile={props.onCompleteProfile}
            />
          </li>
        )
      })}
    </ul>
  )
}

function OwnApplications(props: { readonly applications: readonly OwnApplication[] }) {
  const { t, i18n } = useTranslation()
  if (props.applications.length === 0) return <p className="muted">{t('home.candidate.noApplications')}</p>
  return (
    <div className="table-scroll">
      <table className="table" data-testid="own-applications">
        <thead>
          <tr>
            <th scope="col">{t('application.program')}</th>
            <th scope="col">{t('application.phase')}</th>
            <th scope="col">{t('application.status')}</th>
            <th scope="col">{t('application.submitted')}</th>
          </tr>
        </thead>
        <tbody>
          {props.applications.map((application) => (
            <tr key={application.id}>
              <td className="cell-strong">
                <AppLink to={programPath(application.programId)}>{application.programTitle}</AppLink>
              </td>
              <td>
                <PhaseBadge phase={application.programPhase} />
              </td>
              <td>
                <span className={`badge badge-status-${application.status}`}>
                  {t(`applicationStatus.${application.status}`)}
                </span>
              </td>
              <td>{formatDate(application.submittedAt, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
