import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchPositionShortlist } from './api-client.ts'
import { AsyncView } from './async-view.tsx'
import { formatCountry, formatScore } from './format.ts'
import { InlineBar } from './inline-bar.tsx'
import { useApiData } from './use-api-data.ts'

/** How many candidates a shortlist shows. */
const SHORTLIST_SIZE = 10

/** Competition rank (1, 1, 3): candidates with equal scores share a rank, as the engine keeps ties. */
function rankAt(shortlist: readonly { readonly score: number }[], index: number): number {
  const score = shortlist[index]?.score
  return shortlist.findIndex((entry) => entry.score === score) + 1
}

/**
 * A position's recommended candidates, best first, each with the fit score and why. The explanation is
 * written by the server in the UI language, so the list loads again when the language changes.
 */
export function ShortlistPanel(props: {
  readonly programId: string
  readonly positionId: string
  readonly title: string
  readonly subtitle?: string
}) {
  const { t, i18n } = useTranslation()
  const { programId, positionId } = props
  const locale = i18n.language
  const load = useCallback(
    () => fetchPositionShortlist(programId, positionId, SHORTLIST_SIZE, locale),
    [programId, positionId, locale],
  )
  const shortlist = useApiData(`shortlist:${programId}:${positionId}:${locale}`, load)
  const headingId = `shortlist-${positionId}`
  return (
    <section className="card shortlist" aria-labelledby={headingId} data-testid="shortlist">
      <div className="card-head">
        <h3 id={headingId} className="card-title">
          {props.title}
        </h3>
        {props.subtitle ? <span className="card-meta">{props.subtitle}</span> : null}
      </div>
      <AsyncView data={shortlist}>
        {(data) =>
          data.shortlist.length === 0 ? (
            <p className="muted">{t('shortlist.empty')}</p>
          ) : (
            <ol className="shortlist-list">
              {data.shortlist.map((entry, index) => (
                <li key={entry.candidateId} className="shortlist-item" data-testid="shortlist-item">
                  <span
                    className="shortlist-rank"
                    title={t('shortlist.rankTitle', { rank: rankAt(data.shortlist, index) })}
                  >
                    {rankAt(data.shortlist, index)}
                  </span>
                  <div className="shortlist-body">
                    <div className="shortlist-head">
                      <span className="cell-strong">{entry.fullName}</span>
                      <span className="cell-sub">
                        {formatCountry(entry.residenceCountry, locale)}
                        {entry.nationality !== entry.residenceCountry
                          ? ` · ${t('shortlist.nationality', { country: formatCountry(entry.nationality, locale) })}`
                          : null}
                      </span>
                    </div>
                    <div className="shortlist-score">
                      <InlineBar value={entry.score} max={100} />
                      <span className="shortlist-score-value">
                        {t('shortlist.score', { score: formatScore(entry.score, locale) })}
                      </span>
                    </div>
                    <p className="shortlist-headline">{entry.text.headline}</p>
                    {entry.text.exclusions.length > 0 ? (
                      <ul className="plain-list shortlist-exclusions">
                        {entry.text.exclusions.map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ul>
                    ) : null}
                    <details className="shortlist-why">
                      <summary>{t('shortlist.why')}</summary>
                      <ul className="plain-list">
                        {entry.text.components.map((component) => (
                          <li key={component.component}>
                            <span className="cell-strong">
                              {component.label}{' '}
                              <span className="muted">
                                {t('shortlist.points', {
                                  points: formatScore(component.points, locale),
                                  weight: formatScore(component.weight, locale),
                                })}
                              </span>
                            </span>
                            {component.lines.map((line) => (
                              <span key={line} className="cell-sub">
                                {line}
                              </span>
                            ))}
                          </li>
                        ))}
                      </ul>
                    </details>
                  </div>
                </li>
              ))}
            </ol>
          )
        }
      </AsyncView>
    </section>
  )
}
