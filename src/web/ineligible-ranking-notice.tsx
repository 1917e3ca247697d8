import { useTranslation } from 'react-i18next'
import type { OwnProgramEligibility } from '../domain/index.ts'
import { AsyncView } from './async-view.tsx'
import { useOwnEligibility } from './use-own-eligibility.ts'

/**
 * Shown instead of the rank editor to a candidate whose application was found not eligible: they cannot
 * rank (the API refuses), so the section says why, with every condition of the hub's verdict that was not
 * met in their language, what happens to a list saved earlier, and that ranking reopens if the hub changes
 * its decision.
 */
export function IneligibleRankingNotice(props: {
  readonly programId: string
  /** How many positions the list saved before the check names (0 = none saved). */
  readonly savedCount: number
  readonly isFrozen: boolean
}) {
  const { t } = useTranslation()
  const eligibility = useOwnEligibility(props.programId)
  return (
    <div className="ineligible-ranking" role="note" data-testid="ranking-ineligible">
      <h3 className="ineligible-ranking-title">{t('ineligibleRanking.title')}</h3>
      <AsyncView data={eligibility}>{(data) => <IneligibleRankingBody data={data} {...props} />}</AsyncView>
    </div>
  )
}

function IneligibleRankingBody(props: {
  readonly data: OwnProgramEligibility
  readonly savedCount: number
  readonly isFrozen: boolean
}) {
  const { t } = useTranslation()
  const { data } = props
  const unmet = data.official?.reasons.filter((reason) => !reason.isMet) ?? []
  return (
    <>
      <p>
        {data.application?.isOverridden
          ? t('ineligibleRanking.decidedByHub')
          : t('ineligibleRanking.checked')}
      </p>
      {unmet.length > 0 ? (
        <>
          <h4 className="mini-title">{t('ineligibleRanking.reasonsTitle')}</h4>
          <ul className="eligibility-reasons" data-testid="ranking-ineligible-reasons">
            {unmet.map((reason) => (
              <li key={`${reason.ruleId ?? reason.kind}-${reason.code}-${reason.text}`} className="is-unmet">
                <span className="eligibility-mark" aria-hidden="true">
                  ✗
                </span>
                <span className="visually-hidden">{t('apply.unmet')}</span>
                <span>{reason.text}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{t('ineligibleRanking.noReasons')}</p>
      )}
      {props.savedCount > 0 ? (
        <p className="muted" data-testid="ranking-ineligible-saved">
          {t('ineligibleRanking.savedList', { count: props.savedCount })}
        </p>
      ) : null}
      <p className="muted">
        {props.isFrozen ? t('ineligibleRanking.frozen') : t('ineligibleRanking.reconsider')}
      </p>
    </>
  )
}
