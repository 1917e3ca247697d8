import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from './api-client.ts'
import { describeError } from './describe-error.ts'
import { formatDate } from './format.ts'
import { fetchOwnEligibility } from './operator-api.ts'
import { useApiData } from './use-api-data.ts'

/**
 * The signed-in candidate's eligibility for one program: not checked yet, eligible, or not eligible with
 * every condition and why, in the UI language. Shows nothing when the candidate has not applied.
 */
export function OwnEligibilityCard(props: { readonly programId: string }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { programId } = props
  const load = useCallback(() => fetchOwnEligibility(programId, locale), [programId, locale])
  const own = useApiData(`own-eligibility:${programId}:${locale}`, load)
  if (own.status === 'loading') return null
  if (own.status === 'error') {
    // Not applied to this program: nothing to say here.
    if (own.error instanceof ApiError && own.error.status === 404) return null
    return (
      <p className="notice notice-error" role="alert">
        {describeError(own.error, t)}
      </p>
    )
  }
  const { data } = own
  const isChecked = data.status === 'eligible' || data.status === 'ineligible'
  const headline = !isChecked
    ? t('ownEligibility.pending')
    : data.status === 'eligible'
      ? t('ownEligibility.eligible')
      : t('ownEligibility.ineligible')
  return (
    <section className="section" aria-labelledby="own-eligibility-title" data-testid="own-eligibility">
      <h2 id="own-eligibility-title" className="section-title">
        {t('ownEligibility.title')}
      </h2>
      <div className={`card own-eligibility own-eligibility-${isChecked ? data.status : 'pending'}`}>
        <p className="result-headline" data-testid="own-eligibility-status">
          {headline}
        </p>
        {data.isOverridden ? <p className="card-text">{t('ownEligibility.reviewed')}</p> : null}
        {data.verdict ? (
          <>
            <h3 className="mini-title">{t('ownEligibility.conditions')}</h3>
            <ul className="plain-list reason-list">
              {data.verdict.reasons.map((reason, index) => (
                <li
                  key={`${reason.kind}-${reason.ruleId ?? index}-${reason.code}`}
                  className={reason.isMet ? 'reason is-met' : 'reason is-unmet'}
                >
                  <span className="visually-hidden">
                    {reason.isMet ? t('eligibilityScreen.met') : t('eligibilityScreen.unmet')}
                  </span>
                  {reason.text}
                </li>
              ))}
            </ul>
            <p className="muted">
              {t('ownEligibility.measured', { date: formatDate(data.verdict.referenceDate, locale) })}
            </p>
            {data.status === 'ineligible' ? (
              <p className="card-text">{t('ownEligibility.fixProfile')}</p>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  )
}
