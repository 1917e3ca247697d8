import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EligibilityCheckSummary, Role } from '../domain/index.ts'
import { fetchProgram, type ProgramOverview } from './api-client.ts'
import { AppLink } from './app-link.tsx'
import { AsyncView } from './async-view.tsx'
import { describeError } from './describe-error.ts'
import { EligibilityApplicants } from './eligibility-applicants.tsx'
import { EligibilityRulesPanel } from './eligibility-rules-panel.tsx'
import { formatDate, formatNumber } from './format.ts'
import { programPath } from './navigation.ts'
import { fetchProgramEligibility, runEligibilityCheck } from './operator-api.ts'
import { PhaseBadge } from './phase-badge.tsx'
import { useApiData } from './use-api-data.ts'

/**
 * A program's eligibility screen: the rules as sentences (operators edit them in a structured form), the
 * check, and every applicant's verdict with reasons, filters and overrides. Reviewers read it.
 */
export function EligibilityPage(props: { readonly programId: string; readonly role: Role }) {
  const { t } = useTranslation()
  const { programId } = props
  const loadProgram = useCallback(() => fetchProgram(programId), [programId])
  const program = useApiData(`program:${programId}`, loadProgram)
  const [version, setVersion] = useState(0)
  const isOperator = props.role === 'operator'
  if (props.role !== 'operator' && props.role !== 'reviewer') {
    return (
      <p className="notice notice-error" role="alert">
        {t('error.forbidden')}
      </p>
    )
  }
  return (
    <>
      <p className="back-link">
        <AppLink to={programPath(programId)}>← {t('eligibilityScreen.back')}</AppLink>
      </p>
      <AsyncView data={program}>
        {(data) => (
          <>
            <section className="page-head" aria-labelledby="eligibility-title">
              <p className="eyebrow">{data.title}</p>
              <div className="page-title-row">
                <h1 id="eligibility-title">{t('eligibilityScreen.title')}</h1>
                <PhaseBadge phase={data.phase} />
              </div>
              <p className="lead">{t('eligibilityScreen.intro')}</p>
            </section>
            <EligibilityRulesPanel
              programId={programId}
              canEdit={isOperator}
              onSaved={() => setVersion((v) => v + 1)}
            />
            <ApplicantsPanel
              program={data}
              canChange={isOperator}
              version={version}
              onChecked={() => setVersion((v) => v + 1)}
            />
          </>
        )}
      </AsyncView>
    </>
  )
}

function ApplicantsPanel(props: {
  readonly program: ProgramOverview
  readonly canChange: boolean
  readonly version: number
  readonly onChecked: () => void
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { program } = props
  const load = useCallback(() => fetchProgramEligibility(program.id, locale), [program.id, locale])
  const list = useApiData(`program-eligibility:${program.id}:${locale}:${props.version}`, load)
  const timelineDay = program.timeline.find((step) => step.phase === 'eligibility_check')?.startsOn ?? null
  const [referenceDate, setReferenceDate] = useState('')
  const [isBusy, setIsBusy] = useState(false)
  const [summary, setSummary] = useState<EligibilityCheckSummary | null>(null)
  const [error, setError] = useState<unknown>(null)

  const check = async () => {
    setIsBusy(true)
    setError(null)
    setSummary(null)
    try {
      setSummary(await runEligibilityCheck(program.id, referenceDate || undefined))
      props.onChecked()
    } catch (caught) {
      setError(caught)
    } finally {
      setIsBusy(false)
    }
  }

  return (
    <section
      className="section"
      aria-labelledby="eligibility-applicants-title"
      data-testid="eligibility-applicants"
    >
      <h2 id="eligibility-applicants-title" className="section-title">
        {t('eligibilityScreen.applicantsTitle')}
      </h2>
      {props.canChange ? (
        <div className="card check-card">
          <p className="card-text">{t('eligibilityScreen.checkIntro')}</p>
          <div className="toolbar">
            <label className="field field-inline">
              <span className="field-label">{t('eligibilityScreen.referenceDate')}</span>
              <input
                className="input"
                type="date"
                value={referenceDate}
                onChange={(event) => setReferenceDate(event.target.value)}
                aria-describedby="reference-date-hint"
              />
            </label>
            <button type="button" className="button" disabled={isBusy} onClick={() => void check()}>
              {isBusy ? t('eligibilityScreen.checking') : t('eligibilityScreen.runCheck')}
            </button>
          </div>
          <p className="field-hint" id="reference-date-hint">
            {timelineDay
              ? t('eligibilityScreen.referenceDefault', { date: formatDate(timelineDay, locale) })
              : t('eligibilityScreen.referenceToday')}
          </p>
          {summary ? (
            <p className="notice notice-success" role="status" data-testid="check-summary">
              {t('eligibilityScreen.checkDone', {
                checked: formatNumber(summary.checked, locale),
                eligible: formatNumber(summary.eligible, locale),
                ineligible: formatNumber(summary.ineligible, locale),
                overridden: formatNumber(summary.overridden, locale),
                date: formatDate(summary.referenceDate, locale),
              })}
            </p>
          ) : null}
          {error ? (
            <p className="notice notice-error" role="alert">
              {describeError(error, t)}
            </p>
          ) : null}
        </div>
      ) : null}
      <AsyncView data={list}>
        {(entries) =>
          entries.length === 0 ? (
            <p className="muted">{t('programPage.noApplicants')}</p>
          ) : (
            <EligibilityApplicants entries={entries} canOverride={props.canChange} onChanged={list.reload} />
          )
        }
      </AsyncView>
    </section>
  )
}
