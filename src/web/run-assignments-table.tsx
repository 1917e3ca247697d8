import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RunAssignments } from '../domain/index.ts'
import { AsyncView } from './async-view.tsx'
import { formatCountry } from './format.ts'
import { fetchRunAssignments } from './operator-api.ts'
import { useApiData } from './use-api-data.ts'

/**
 * Who a run places where, by name, with each candidate's choice rank; positions in `freedPositionIds`
 * (seats freed by declines) are marked. The unmatched and why are listed below.
 */
export function RunAssignmentsTable(props: {
  readonly runId: string
  readonly freedPositionIds?: ReadonlySet<string>
}) {
  const load = useCallback(() => fetchRunAssignments(props.runId), [props.runId])
  const data = useApiData(`run-assignments:${props.runId}`, load)
  return (
    <AsyncView data={data}>
      {(loaded) => <AssignmentsView data={loaded} freed={props.freedPositionIds ?? new Set()} />}
    </AsyncView>
  )
}

function AssignmentsView(props: { readonly data: RunAssignments; readonly freed: ReadonlySet<string> }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { data, freed } = props
  const [query, setQuery] = useState('')
  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase()
    const list = needle
      ? data.assignments.filter((a) =>
          [a.fullName, a.positionTitle, a.companyName].some((text) => text.toLowerCase().includes(needle)),
        )
      : data.assignments
    // Freed seats first: that is what a later round is about.
    return [...list].sort((a, b) => Number(freed.has(b.positionId)) - Number(freed.has(a.positionId)))
  }, [data.assignments, query, freed])
  return (
    <div className="run-assignments" data-testid="run-assignments">
      <div className="toolbar">
        <label className="field field-inline">
          <span className="field-label">{t('runAssignments.search')}</span>
          <input
            type="search"
            className="input"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t('runAssignments.searchPlaceholder')}
          />
        </label>
        <p className="muted" aria-live="polite">
          {t('runAssignments.showing', { shown: shown.length, count: data.assignments.length })}
        </p>
      </div>
      {data.assignments.length === 0 ? (
        <p className="muted">{t('runAssignments.none')}</p>
      ) : (
        <div className="table-scroll table-scroll-short">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('runAssignments.position')}</th>
                <th scope="col">{t('runAssignments.candidate')}</th>
                <th scope="col">{t('runAssignments.choice')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => (
                <tr key={a.candidateId} data-testid="run-assignment" data-position-id={a.positionId}>
                  <td>
                    <span className="cell-strong">{a.positionTitle}</span>
                    <span className="cell-sub">
                      {a.companyName}
                      {freed.has(a.positionId) ? (
                        <span className="badge badge-freed">{t('runAssignments.freedSeat')}</span>
                      ) : null}
                    </span>
                  </td>
                  <td>
                    <span className="cell-strong">{a.fullName}</span>
                    {a.nationality ? (
                      <span className="cell-sub">{formatCountry(a.nationality, locale)}</span>
                    ) : null}
                  </td>
                  <td>
                    {a.choiceRank === null
                      ? t('runAssignments.notRanked')
                      : t('matchRuns.choiceLabel', { rank: a.choiceRank })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.unmatched.length > 0 ? (
        <details className="reason-details">
          <summary>{t('runAssignments.unmatched', { count: data.unmatched.length })}</summary>
          <ul className="plain-list">
            {data.unmatched.map((u) => (
              <li key={u.candidateId}>
                <span className="cell-strong">{u.fullName}</span>
                <span className="cell-sub">
                  {t(`runAssignments.reasons.${u.reason}`, { defaultValue: u.reason })}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  )
}
