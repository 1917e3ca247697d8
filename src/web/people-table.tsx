import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The frame of a list on the People page: the filters (any given ones, then a search box), how many rows
 * show out of how many, and a table with these column headings around the rows the caller renders. A list
 * with nothing in it yet says so instead.
 */
export function PeopleTable(props: {
  readonly isEmpty: boolean
  readonly emptyText: string
  /** Filters before the search box. */
  readonly filters?: ReactNode
  readonly query: string
  readonly onQueryChange: (query: string) => void
  /** "Showing 3 of 7", read out when it changes. */
  readonly showingText: string
  readonly columns: readonly string[]
  readonly testId: string
  readonly children: ReactNode
}) {
  const { t } = useTranslation()
  if (props.isEmpty) return <p className="muted">{props.emptyText}</p>
  return (
    <>
      <div className="toolbar">
        <div className="people-filters">
          {props.filters}
          <label className="field field-inline">
            <span className="field-label">{t('people.invitations.search')}</span>
            <input
              type="search"
              className="input"
              value={props.query}
              onChange={(event) => props.onQueryChange(event.target.value)}
              placeholder={t('people.invitations.searchPlaceholder')}
            />
          </label>
        </div>
        <p className="muted" aria-live="polite">
          {props.showingText}
        </p>
      </div>
      <div className="table-scroll">
        <table className="table" data-testid={props.testId}>
          <thead>
            <tr>
              {props.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{props.children}</tbody>
        </table>
      </div>
    </>
  )
}
