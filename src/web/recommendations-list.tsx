import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchOwnRecommendations } from './api-client.ts'
import { isApplicationRefusal } from './application-refusal.ts'
import { AsyncView } from './async-view.tsx'
import { useApiData } from './use-api-data.ts'

/** Positions that fit the candidate's profile best, with why, each addable to the rank list. */
export function RecommendationsList(props: {
  readonly programId: string
  readonly rankedIds: readonly string[]
  readonly isDisabled: boolean
  readonly onAdd: (positionId: string) => void
}) {
  const { t, i18n } = useTranslation()
  const { programId } = props
  const locale = i18n.language
  const load = useCallback(() => fetchOwnRecommendations(programId, locale), [programId, locale])
  const recommendations = useApiData(`own-recommendations:${programId}:${locale}`, load)
  return (
    <div className="profile-block" data-testid="recommendations">
      <h3 className="mini-title">{t('ranking.recommended')}</h3>
      <p className="muted">{t('ranking.recommendedIntro')}</p>
      {recommendations.status === 'error' && isApplicationRefusal(recommendations.error) ? (
        // Out of the running (found not eligible since the page loaded): nothing to recommend, no error.
        <p className="muted" data-testid="recommendations-unavailable">
          {t('ineligibleRanking.noRecommendations')}
        </p>
      ) : (
        <AsyncView data={recommendations}>
          {(data) =>
            data.length === 0 ? (
              <p className="muted">{t('ranking.noRecommendations')}</p>
            ) : (
              <ul className="card-list">
                {data.map((recommendation) => {
                  const isRanked = props.rankedIds.includes(recommendation.positionId)
                  return (
                    <li key={recommendation.positionId} className="card">
                      <div className="card-head">
                        <h4 className="card-title">{recommendation.title}</h4>
                        <span className="badge">{recommendation.text.headline}</span>
                      </div>
                      {recommendation.text.exclusions.length > 0 ? (
                        <ul className="plain-list">
                          {recommendation.text.exclusions.map((line) => (
                            <li key={line}>{line}</li>
                          ))}
                        </ul>
                      ) : null}
                      <details>
                        <summary>{t('ranking.why')}</summary>
                        <ul className="plain-list">
                          {recommendation.text.components.map((component) => (
                            <li key={component.component}>
                              <span className="cell-strong">{component.label}</span>
                              {component.lines.map((line) => (
                                <span key={line} className="cell-sub">
                                  {line}
                                </span>
                              ))}
                            </li>
                          ))}
                        </ul>
                      </details>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        disabled={props.isDisabled || isRanked}
                        onClick={() => props.onAdd(recommendation.positionId)}
                      >
                        {isRanked ? t('ranking.alreadyRanked') : t('ranking.add')}
                      </button>
                    </li>
                  )
                })}
              </ul>
            )
          }
        </AsyncView>
      )}
    </div>
  )
}
