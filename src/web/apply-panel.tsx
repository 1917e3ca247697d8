import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LocalizedEligibilityVerdict, OwnProgramEligibility } from '../domain/index.ts'
import { AppLink } from './app-link.tsx'
import { AsyncView } from './async-view.tsx'
import {
  announceApplicationChanged,
  applyToProgram,
  onProfileChanged,
  withdrawApplication,
} from './candidate-api.ts'
import { describeError } from './describe-error.ts'
import { formatDate } from './format.ts'
import { announceNotificationsChanged } from './notifications-api.ts'
import { useOwnEligibility } from './use-own-eligibility.ts'

/**
 * A candidate's application to one program: their eligibility (the rules against their profile now, and
 * the hub's official verdict once checked) with every reason in their language, and the actions the
 * program's phase allows: apply while the call is open, withdraw until rank lists freeze.
 */
export function ApplyPanel(props: {
  readonly programId: string
  readonly programTitle: string
  /** Where "complete your profile" leads (the home page's profile editor). */
  readonly onCompleteProfile?: () => void
}) {
  const eligibility = useOwnEligibility(props.programId)
  const { reload } = eligibility
  useEffect(() => onProfileChanged(reload), [reload])
  return (
    <div className="apply-panel" data-testid="apply-panel" data-section="application">
      <AsyncView data={eligibility}>
        {(data) => (
          <ApplyPanelBody
            data={data}
            programTitle={props.programTitle}
            {...(props.onCompleteProfile && { onCompleteProfile: props.onCompleteProfile })}
          />
        )}
      </AsyncView>
    </div>
  )
}

function ApplyPanelBody(props: {
  readonly data: OwnProgramEligibility
  readonly programTitle: string
  readonly onCompleteProfile?: () => void
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const { data } = props
  const locale = i18n.language
  const [motivation, setMotivation] = useState('')
  const [isBusy, setIsBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [notice, setNotice] = useState<'applied' | 'withdrawn' | null>(null)
  const application = data.application
  const isActive = application !== null && application.status !== 'withdrawn'

  const act = async (action: 'apply' | 'withdraw') => {
    if (action === 'withdraw' && !window.confirm(t('apply.confirmWithdraw', { program: props.programTitle })))
      return
    setIsBusy(true)
    setError(null)
    setNotice(null)
    try {
      if (action === 'apply') await applyToProgram(data.programId, motivation.trim())
      else if (application) await withdrawApplication(application.id)
      setNotice(action === 'apply' ? 'applied' : 'withdrawn')
      setMotivation('')
      announceApplicationChanged(data.programId)
      announceNotificationsChanged()
    } catch (caught) {
      setError(caught)
    } finally {
      setIsBusy(false)
    }
  }

  return (
    <>
      <div className="apply-status">
        {application ? (
          <p className="card-meta" data-testid="application-status">
            <span className={`badge badge-status-${application.status}`}>
              {t(`applicationStatus.${application.status}`)}
            </span>{' '}
            {application.status === 'withdrawn'
              ? t('apply.withdrawnOn')
              : t('apply.submittedOn', { date: formatDate(application.submittedAt, locale) })}
            {application.isOverridden ? ` · ${t('apply.decidedByHub')}` : ''}
          </p>
        ) : (
          <p className="card-meta">{t('apply.notApplied')}</p>
        )}
      </div>
      {notice ? (
        <p className="notice notice-success" role="status">
          {notice === 'applied' ? t('apply.appliedNotice') : t('apply.withdrawnNotice')}
        </p>
      ) : null}
      {data.missingFields.length > 0 ? (
        <div className="notice notice-muted" role="note" data-testid="profile-incomplete">
          <span>
            {t('apply.completeProfileFirst', {
              fields: data.missingFields.map((field) => t(`candidateProfile.field.${field}`)).join(', '),
            })}
          </span>
          {props.onCompleteProfile ? (
            <button type="button" className="button button-small" onClick={props.onCompleteProfile}>
              {t('apply.completeProfile')}
            </button>
          ) : (
            <AppLink to="/" className="button button-small">
              {t('apply.completeProfile')}
            </AppLink>
          )}
        </div>
      ) : null}
      {isActive && data.official ? (
        <VerdictView verdict={data.official} title={t('apply.officialTitle')} testId="official-eligibility" />
      ) : (
        <VerdictView
          verdict={data.preview}
          title={t('apply.previewTitle')}
          intro={t('apply.previewIntro', { date: formatDate(data.referenceDate, locale) })}
          testId="eligibility-preview"
          isTentative={data.missingFields.length > 0}
        />
      )}
      {data.canApply ? (
        <div className="apply-form">
          <label className="field-label" htmlFor={`${id}-motivation`}>
            {t('apply.motivation')}
          </label>
          <textarea
            id={`${id}-motivation`}
            className="input textarea"
            rows={3}
            maxLength={5000}
            value={motivation}
            onChange={(event) => setMotivation(event.target.value)}
            aria-describedby={`${id}-motivation-hint`}
          />
          <p className="field-hint" id={`${id}-motivation-hint`}>
            {data.callClosesOn
              ? t('apply.motivationHintDated', { date: formatDate(data.callClosesOn, locale) })
              : t('apply.motivationHint')}
          </p>
          <button
            type="button"
            className="button"
            disabled={isBusy}
            onClick={() => void act('apply')}
            data-testid="apply-button"
          >
            {isBusy ? t('apply.working') : t('apply.apply', { program: props.programTitle })}
          </button>
        </div>
      ) : !isActive && data.programPhase !== 'call_open' ? (
        <p className="muted">{t('apply.callClosed')}</p>
      ) : null}
      {isActive ? (
        data.canWithdraw ? (
          <div className="toolbar">
            <button
              type="button"
              className="button button-ghost button-small"
              disabled={isBusy}
              onClick={() => void act('withdraw')}
              data-testid="withdraw-button"
            >
              {t('apply.withdraw')}
            </button>
            <p className="muted">
              {data.withdrawUntil
                ? t('apply.withdrawUntil', { date: formatDate(data.withdrawUntil, locale) })
                : t('apply.withdrawUntilFreeze')}
            </p>
          </div>
        ) : (
          <p className="muted" data-testid="withdraw-closed">
            {t('apply.withdrawClosed')}
          </p>
        )
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert">
          {describeError(error, t)}
        </p>
      ) : null}
    </>
  )
}

/** A verdict: the one-line answer, then each rule met (✓) or not (✗) with its reason. */
function VerdictView(props: {
  readonly verdict: LocalizedEligibilityVerdict
  readonly title: string
  readonly intro?: string
  readonly testId: string
  readonly isTentative?: boolean
}) {
  const { t } = useTranslation()
  const { verdict } = props
  const unmet = verdict.reasons.filter((reason) => !reason.isMet).length
  return (
    <div className="eligibility" data-testid={props.testId}>
      <h3 className="mini-title">{props.title}</h3>
      {props.intro ? <p className="muted">{props.intro}</p> : null}
      {verdict.reasons.length === 0 ? (
        <p className="eligibility-answer is-met">{t('apply.noRules')}</p>
      ) : (
        <p className={verdict.isEligible ? 'eligibility-answer is-met' : 'eligibility-answer is-unmet'}>
          {props.isTentative
            ? t('apply.tentative')
            : verdict.isEligible
              ? t('apply.eligible')
              : t('apply.ineligible', { count: unmet })}
        </p>
      )}
      {verdict.reasons.length > 0 ? (
        <ul className="eligibility-reasons">
          {verdict.reasons.map((reason) => (
            <li
              // Reasons are in rule order and a rule (its id, else kind with its text) appears once.
              key={`${reason.ruleId ?? reason.kind}-${reason.code}-${reason.text}`}
              className={reason.isMet ? 'is-met' : 'is-unmet'}
            >
              <span className="eligibility-mark" aria-hidden="true">
                {reason.isMet ? '✓' : '✗'}
              </span>
              <span className="visually-hidden">{reason.isMet ? t('apply.met') : t('apply.unmet')}</span>
              <span>{reason.text}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
