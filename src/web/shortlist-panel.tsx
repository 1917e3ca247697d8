import { type ReactNode, useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AsyncView } from './async-view.tsx'
import { fetchShortlist, type ShortlistEntry, splitSkillLines } from './company-api.ts'
import { formatCountry, formatScore } from './format.ts'
import { InlineBar } from './inline-bar.tsx'
import { useApiData } from './use-api-data.ts'

/** How many candidates a shortlist shows at first (and adds with each "show more"). */
const SHORTLIST_SIZE = 10
/** How many a shortlist that feeds a rank list loads, so "show more" needs no new request. */
const ADDABLE_SHORTLIST_SIZE = 40

/** Competition rank (1, 1, 3): candidates with equal scores share a rank, as the engine keeps ties. */
function rankAt(shortlist: readonly { readonly score: number }[], index: number): number {
  const score = shortlist[index]?.score
  return shortlist.findIndex((entry) => entry.score === score) + 1
}

/** Lets a shortlist add its candidates to a rank list kept beside it. */
export interface ShortlistAdding {
  /** The candidate's rank on the list, or null when not on it. */
  readonly rankOf: (candidateId: string) => number | null
  readonly onAdd: (candidateId: string) => void
  readonly isDisabled: boolean
  /** The list can no longer change: show who is on it, offer no adding. */
  readonly isReadOnly: boolean
}

/**
 * A position's recommended candidates, best first, each with the fit score, the skills that match and those
 * missing, and the full reasons. The explanation is written by the server in the UI language, so the list
 * loads again when the language changes. With `adding`, each candidate can be added to a rank list.
 */
export function ShortlistPanel(props: {
  readonly programId: string
  readonly positionId: string
  readonly title: string
  readonly subtitle?: string
  /** Shown under the heading (e.g. a position picker). */
  readonly tools?: ReactNode
  readonly adding?: ShortlistAdding
}) {
  const { t, i18n } = useTranslation()
  const { programId, positionId } = props
  const locale = i18n.language
  const size = props.adding ? ADDABLE_SHORTLIST_SIZE : SHORTLIST_SIZE
  const [shown, setShown] = useState(SHORTLIST_SIZE)
  const load = useCallback(
    () => fetchShortlist(programId, positionId, size, locale),
    [programId, positionId, size, locale],
  )
  const shortlist = useApiData(`shortlist:${programId}:${positionId}:${size}:${locale}`, load)
  const headingId = `shortlist-${positionId}`
  return (
    <section className="card shortlist" aria-labelledby={headingId} data-testid="shortlist">
      <div className="card-head">
        <h3 id={headingId} className="card-title">
          {props.title}
        </h3>
        {props.subtitle ? <span className="card-meta">{props.subtitle}</span> : null}
      </div>
      {props.tools}
      <AsyncView data={shortlist}>
        {(data) =>
          data.shortlist.length === 0 ? (
            <p className="muted">{t('shortlist.empty')}</p>
          ) : (
            <>
              <ol className="shortlist-list">
                {data.shortlist.slice(0, shown).map((entry, index) => (
                  <ShortlistItem
                    key={entry.candidateId}
                    entry={entry}
                    rank={rankAt(data.shortlist, index)}
                    adding={props.adding}
                  />
                ))}
              </ol>
              {shown < data.shortlist.length ? (
                <button
                  type="button"
                  className="button button-secondary button-small shortlist-more"
                  onClick={() => setShown((count) => count + SHORTLIST_SIZE)}
                >
                  {t('companyRanking.showMore')}
                </button>
              ) : null}
            </>
          )
        }
      </AsyncView>
    </section>
  )
}

function ShortlistItem(props: {
  readonly entry: ShortlistEntry
  readonly rank: number
  readonly adding: ShortlistAdding | undefined
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { entry, adding } = props
  const skills = splitSkillLines(entry)
  const listRank = adding?.rankOf(entry.candidateId) ?? null
  return (
    <li className="shortlist-item" data-testid="shortlist-item" data-candidate-id={entry.candidateId}>
      <span className="shortlist-rank" title={t('shortlist.rankTitle', { rank: props.rank })}>
        {props.rank}
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
        {skills.matched.length > 0 || skills.missing.length > 0 ? (
          <div className="fit-skills">
            {skills.matched.length > 0 ? (
              <div>
                <h4 className="mini-title">{t('companyRanking.matchedSkills')}</h4>
                <ul className="fit-lines fit-lines-matched">
                  {skills.matched.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {skills.missing.length > 0 ? (
              <div>
                <h4 className="mini-title">{t('companyRanking.missingSkills')}</h4>
                <ul className="fit-lines fit-lines-missing">
                  {skills.missing.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
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
        {adding ? (
          <div className="shortlist-add">
            {listRank !== null ? (
              <span className="badge badge-in-list">{t('companyRanking.inList', { rank: listRank })}</span>
            ) : adding.isReadOnly ? null : (
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={adding.isDisabled}
                aria-label={t('companyRanking.addLabel', { name: entry.fullName })}
                onClick={() => adding.onAdd(entry.candidateId)}
              >
                {t('companyRanking.add')}
              </button>
            )}
          </div>
        ) : null}
      </div>
    </li>
  )
}
