import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { describeError } from './describe-error.ts'
import { formatCountry } from './format.ts'
import {
  clearEligibilityOverride,
  type DescribedApplicationEligibility,
  overrideEligibility,
} from './operator-api.ts'

const MIN_REASON = 3
const MAX_REASON = 1000

/**
 * A modal dialog in which an operator decides an applicant's eligibility by hand. A reason is required;
 * it is recorded with the operator's name and the time. An existing override can be removed (also with a
 * reason), after which the rules' verdict applies again.
 */
export function EligibilityOverrideDialog(props: {
  readonly entry: DescribedApplicationEligibility
  readonly onClose: () => void
  readonly onDone: (outcome: 'overridden' | 'cleared') => void
}) {
  const { t, i18n } = useTranslation()
  const { entry } = props
  const id = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  // React may disconnect and reconnect this effect while the dialog stays wanted (it hides a subtree while
  // something above suspends); the `close` event of that cleanup must not count as the user closing it.
  const isClosedByCleanup = useRef(false)
  const rulesSay = entry.verdict?.isEligible ?? null
  // Default to the opposite of what the rules say: that is why an operator overrides.
  const [decision, setDecision] = useState<'eligible' | 'ineligible'>(
    entry.isOverridden
      ? entry.status === 'eligible'
        ? 'eligible'
        : 'ineligible'
      : rulesSay
        ? 'ineligible'
        : 'eligible',
  )
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  const [isBusy, setIsBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    return () => {
      if (!element?.open) return
      isClosedByCleanup.current = true
      element.close()
    }
  }, [])

  const checkReason = (): string | null => {
    const trimmed = reason.trim()
    if (trimmed.length < MIN_REASON || trimmed.length > MAX_REASON) {
      const message = t('eligibilityScreen.override.reasonRequired', { min: MIN_REASON, max: MAX_REASON })
      setReasonError(message)
      document.getElementById(`${id}-reason`)?.focus()
      return null
    }
    setReasonError(null)
    return trimmed
  }
  const submit = async (action: 'override' | 'clear') => {
    const trimmed = checkReason()
    if (trimmed === null) return
    setIsBusy(true)
    setError(null)
    try {
      if (action === 'override')
        await overrideEligibility(entry.applicationId, decision === 'eligible', trimmed)
      else await clearEligibilityOverride(entry.applicationId, trimmed)
      props.onDone(action === 'override' ? 'overridden' : 'cleared')
    } catch (caught) {
      setError(caught)
      setIsBusy(false)
    }
  }
  const unmet = entry.verdict?.reasons.filter((reason) => !reason.isMet) ?? []

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      onClose={() => {
        if (isClosedByCleanup.current) {
          isClosedByCleanup.current = false
          const element = dialog.current
          if (element?.isConnected && !element.open) element.showModal()
          return
        }
        props.onClose()
      }}
      onCancel={(event) => {
        event.preventDefault()
        props.onClose()
      }}
    >
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit('override')
        }}
      >
        <h2 id={`${id}-title`} className="section-title">
          {t('eligibilityScreen.override.title', { name: entry.fullName })}
        </h2>
        <p id={`${id}-intro`} className="card-text">
          {t('eligibilityScreen.override.intro')}
        </p>
        <dl className="facts facts-compact">
          <div>
            <dt>{t('eligibilityScreen.override.applicant')}</dt>
            <dd>
              {entry.fullName} · {formatCountry(entry.nationality, i18n.language)}
            </dd>
          </div>
          <div>
            <dt>{t('eligibilityScreen.override.rulesSay')}</dt>
            <dd>
              {rulesSay === null
                ? t('eligibilityScreen.verdict.notChecked')
                : rulesSay
                  ? t('eligibilityScreen.verdict.eligible')
                  : t('eligibilityScreen.verdict.ineligible')}
            </dd>
          </div>
          {entry.isOverridden ? (
            <div>
              <dt>{t('eligibilityScreen.override.current')}</dt>
              <dd>
                {t(`applicationStatus.${entry.status}`)} — “{entry.overrideReason}”
              </dd>
            </div>
          ) : null}
        </dl>
        {unmet.length > 0 ? (
          <ul className="plain-list reason-list">
            {unmet.map((item) => (
              <li key={`${item.kind}-${item.ruleId ?? ''}-${item.code}`} className="reason is-unmet">
                {item.text}
              </li>
            ))}
          </ul>
        ) : null}
        <fieldset className="fieldset">
          <legend className="field-label">{t('eligibilityScreen.override.decision')}</legend>
          <label className="rule-check">
            <input
              type="radio"
              name={`${id}-decision`}
              value="eligible"
              checked={decision === 'eligible'}
              onChange={() => setDecision('eligible')}
            />
            <span>{t('eligibilityScreen.override.makeEligible')}</span>
          </label>
          <label className="rule-check">
            <input
              type="radio"
              name={`${id}-decision`}
              value="ineligible"
              checked={decision === 'ineligible'}
              onChange={() => setDecision('ineligible')}
            />
            <span>{t('eligibilityScreen.override.makeIneligible')}</span>
          </label>
        </fieldset>
        <label className="field">
          <span className="field-label">{t('eligibilityScreen.override.reason')}</span>
          <textarea
            id={`${id}-reason`}
            className="input"
            rows={3}
            maxLength={MAX_REASON + 100}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value)
              if (reasonError) setReasonError(null)
            }}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${id}-reason-error` : `${id}-reason-hint`}
          />
          {reasonError ? (
            <p className="field-error" id={`${id}-reason-error`}>
              {reasonError}
            </p>
          ) : (
            <p className="field-hint" id={`${id}-reason-hint`}>
              {t('eligibilityScreen.override.reasonHint')}
            </p>
          )}
        </label>
        {error ? (
          <p className="notice notice-error" role="alert">
            {describeError(error, t)}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button" disabled={isBusy}>
            {t('eligibilityScreen.override.save')}
          </button>
          {entry.isOverridden ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={isBusy}
              onClick={() => void submit('clear')}
            >
              {t('eligibilityScreen.override.remove')}
            </button>
          ) : null}
          <button type="button" className="button button-quiet" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
