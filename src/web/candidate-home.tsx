import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Candidate } from '../domain/index.ts'
import { fetchOwnApplications, fetchOwnCandidate, type OwnApplication } from './api-client.ts'
import { AppLink } from './app-link.tsx'
import { AsyncView } from './async-view.tsx'
import { CandidateProfileForm } from './candidate-profile-form.tsx'
import { formatCountry, formatDate, formatLanguage } from './format.ts'
import { programPath } from './navigation.ts'
import { PhaseBadge } from './phase-badge.tsx'
import { SkillList } from './skill-list.tsx'
import { useApiData } from './use-api-data.ts'

/** Home of a candidate: their own profile (with an edit form) and their applications. */
export function CandidateHome() {
  const { t } = useTranslation()
  const profile = useApiData('own-candidate', fetchOwnCandidate)
  const applications = useApiData('own-applications', fetchOwnApplications)
  const [saved, setSaved] = useState<Candidate | null>(null)
  const [isEditing, setIsEditing] = useState(false)
  const [isSavedNoticeShown, setIsSavedNoticeShown] = useState(false)
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
            <section className="section" aria-labelledby="profile-title">
              <div className="section-head">
                <h2 id="profile-title" className="section-title">
                  {candidate.fullName}
                </h2>
                {isEditing ? null : (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => {
                      setIsSavedNoticeShown(false)
                      setIsEditing(true)
                    }}
                  >
                    {t('profile.edit')}
                  </button>
                )}
              </div>
              {isSavedNoticeShown ? (
                <p className="notice notice-success" role="status">
                  {t('profile.saved')}
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
                  }}
                />
              ) : (
                <CandidateProfile candidate={candidate} />
              )}
            </section>
          )
        }}
      </AsyncView>
      <section className="section" aria-labelledby="applications-title">
        <h2 id="applications-title" className="section-title">
          {t('home.candidate.applications')}
        </h2>
        <AsyncView data={applications}>{(data) => <OwnApplications applications={data} />}</AsyncView>
      </section>
    </>
  )
}

function CandidateProfile(props: { readonly candidate: Candidate }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { candidate } = props
  return (
    <div className="card profile" data-testid="candidate-profile">
      <dl className="facts">
        <div>
          <dt>{t('profile.email')}</dt>
          <dd>{candidate.email}</dd>
        </div>
        <div>
          <dt>{t('profile.nationality')}</dt>
          <dd>{formatCountry(candidate.nationality, locale)}</dd>
        </div>
        <div>
          <dt>{t('profile.residence')}</dt>
          <dd>
            {candidate.city}, {formatCountry(candidate.residenceCountry, locale)}
          </dd>
        </div>
        <div>
          <dt>{t('profile.timeZone')}</dt>
          <dd>{candidate.timeZone}</dd>
        </div>
        <div>
          <dt>{t('profile.visa')}</dt>
          <dd>{t(`visa.${candidate.visaStatus}`, { defaultValue: candidate.visaStatus })}</dd>
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
        <SkillList skills={candidate.skills} />
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
    </div>
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
