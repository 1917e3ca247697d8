import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EligibilityOverrideDialog } from './eligibility-override-dialog.tsx'
import { formatCountry, formatNumber } from './format.ts'
import type { DescribedApplicationEligibility } from './operator-api.ts'
import { formatDateTime } from './operator-format.ts'

/** How an application stands after the check, as the filters group them. */
export type VerdictCategory = 'eligible' | 'ineligible' | 'overridden' | 'not_checked' | 'withdrawn'

/** The category of one application. */
export function categoryOf(entry: DescribedApplicationEligibility): VerdictCategory {
  if (entry.status === 'withdrawn') return 'withdrawn'
  if (entry.isOverridden) return 'overridden'
  if (entry.status === 'eligible') return 'eligible'
  if (entry.status === 'ineligible') return 'ineligible'
  return 'not_checked'
}

type Filter = 'all' | VerdictCategory
const FILTERS: readonly Filter[] = ['all', 'ineligible', 'overridden', 'eligible', 'not_checked', 'withdrawn']
const PAGE = 50

/**
 * Every applicant with their verdict and the reasons in the UI language; filters by verdict and name; an
 * operator overrides a verdict in a dialog that asks for a reason.
 */
export function EligibilityApplicants(props: {
  readonly entries: readonly DescribedApplicationEligibility[]
  readonly canOverride: boolean
  readonly onChanged: () => void
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const [filter, setFilter] = useState<Filter>('all')
  const [query, setQuery] = useState('')
  const [shownCount, setShownCount] = useState(PAGE)
  const [editing, setEditing] = useState<DescribedApplicationEligibility | null>(null)
  const [notice, setNotice] = useState<{ key: string; name: string } | null>(null)

  const counts = useMemo(() => {
    const found = new Map<Filter, number>([['all', props.entries.length]])
    for (const entry of props.entries) {
      const category = categoryOf(entry)
      found.set(category, (found.get(category) ?? 0) + 1)
    }
    return found
  }, [props.entries])
  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase()
    return props.entries.filter((entry) => {
      if (filter !== 'all' && categoryOf(entry) !== filter) return false
      if (!needle) return true
      return [entry.fullName, entry.nationality, formatCountry(entry.nationality, locale)].some((text) =>
        text.toLowerCase().includes(needle),
      )
    })
  }, [props.entries, filter, query, locale])
  const visibleFilters = FILTERS.filter(
    (option) =>
      option === 'all' || option === 'ineligible' || option === 'overridden' || (counts.get(option) ?? 0) > 0,
  )

  return (
    <>
      {notice ? (
        <p className="notice notice-success" role="status">
          {t(notice.key, { name: notice.name })}
        </p>
      ) : null}
      <div className="toolbar">
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('eligibilityScreen.filterLabel')}</legend>
          {visibleFilters.map((option) => (
            <button
              key={option}
              type="button"
              className="segment"
              aria-pressed={filter === option}
              onClick={() => {
                setFilter(option)
                setShownCount(PAGE)
              }}
            >
              {t(`eligibilityScreen.filters.${option}`)}{' '}
              <span className="segment-count">{formatNumber(counts.get(option) ?? 0, locale)}</span>
            </button>
          ))}
        </fieldset>
        <label className="field field-inline">
          <span className="field-label">{t('eligibilityScreen.search')}</span>
          <input
            type="search"
            className="input"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value)
              setShownCount(PAGE)
            }}
            placeholder={t('eligibilityScreen.searchPlaceholder')}
          />
        </label>
        <p className="muted" aria-live="polite">
          {t('eligibilityScreen.showing', { shown: shown.length, count: props.entries.length })}
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t('eligibilityScreen.noneMatch')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="eligibility-table">
            <thead>
              <tr>
                <th scope="col">{t('eligibilityScreen.columns.applicant')}</th>
                <th scope="col">{t('eligibilityScreen.columns.verdict')}</th>
                <th scope="col">{t('eligibilityScreen.columns.reasons')}</th>
                <th scope="col">{t('eligibilityScreen.columns.override')}</th>
                {props.canOverride ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('eligibilityScreen.columns.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, shownCount).map((entry) => (
                <ApplicantRow
                  key={entry.applicationId}
                  entry={entry}
                  canOverride={props.canOverride}
                  onOverride={() => {
                    setNotice(null)
                    setEditing(entry)
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown.length > shownCount ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setShownCount(shownCount + PAGE)}
        >
          {t('eligibilityScreen.showMore', { count: Math.min(PAGE, shown.length - shownCount) })}
        </button>
      ) : null}
      {editing ? (
        <EligibilityOverrideDialog
          entry={editing}
          onClose={() => setEditing(null)}
          onDone={(outcome) => {
            setNotice({
              key:
                outcome === 'overridden'
                  ? 'eligibilityScreen.overrideSaved'
                  : 'eligibilityScreen.overrideRemoved',
              name: editing.fullName,
            })
            setEditing(null)
            props.onChanged()
          }}
        />
      ) : null}
    </>
  )
}

function ApplicantRow(props: {
  readonly entry: DescribedApplicationEligibility
  readonly canOverride: boolean
  readonly onOverride: () => void
}) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { entry } = props
  const category = categoryOf(entry)
  const reasons = entry.verdict?.reasons ?? []
  const unmet = reasons.filter((reason) => !reason.isMet)
  return (
    <tr data-testid="eligibility-row" data-category={category}>
      <td>
        <span className="cell-strong">{entry.fullName}</span>
        <span className="cell-sub">{formatCountry(entry.nationality, locale)}</span>
      </td>
      <td>
        <VerdictBadge entry={entry} />
        {entry.isOverridden && entry.verdict ? (
          <span className="cell-sub">
            {entry.verdict.isEligible
              ? t('eligibilityScreen.rulesSayEligible')
              : t('eligibilityScreen.rulesSayIneligible')}
          </span>
        ) : null}
      </td>
      <td>
        {entry.verdict === null ? (
          <span className="muted">{t('eligibilityScreen.notCheckedYet')}</span>
        ) : (
          <>
            {unmet.length === 0 ? (
              <span className="reason is-met">
                {t('eligibilityScreen.allMet', { count: reasons.length })}
              </span>
            ) : (
              <ul className="plain-list reason-list">
                {unmet.map((reason) => (
                  <li
                    key={`${reason.kind}-${reason.ruleId ?? ''}-${reason.code}`}
                    className="reason is-unmet"
                  >
                    {reason.text}
                  </li>
                ))}
              </ul>
            )}
            {reasons.length > 0 ? (
              <details className="reason-details">
                <summary>{t('eligibilityScreen.allConditions', { count: reasons.length })}</summary>
                <ul className="plain-list reason-list">
                  {reasons.map((reason, index) => (
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
              </details>
            ) : null}
          </>
        )}
      </td>
      <td>
        {entry.isOverridden ? (
          <>
            <span className="override-reason">“{entry.overrideReason}”</span>
            <span className="cell-sub">
              {t('eligibilityScreen.overriddenBy', {
                name: entry.overriddenByName ?? t('eligibilityScreen.unknownOperator'),
                date: formatDateTime(entry.overriddenAt, locale),
              })}
            </span>
          </>
        ) : (
          <span className="muted">–</span>
        )}
      </td>
      {props.canOverride ? (
        <td className="cell-actions">
          {entry.status === 'withdrawn' ? null : (
            <button
              type="button"
              className="button button-secondary button-small"
              aria-label={t('eligibilityScreen.overrideFor', { name: entry.fullName })}
              onClick={props.onOverride}
            >
              {entry.isOverridden
                ? t('eligibilityScreen.changeOverride')
                : t('eligibilityScreen.override.open')}
            </button>
          )}
        </td>
      ) : null}
    </tr>
  )
}

/** The final status as a badge: eligible, not eligible, decided by an operator, not checked. */
export function VerdictBadge(props: { readonly entry: DescribedApplicationEligibility }) {
  const { t } = useTranslation()
  const { entry } = props
  const category = categoryOf(entry)
  if (category === 'overridden') {
    return (
      <span className={`badge badge-verdict-overridden badge-status-${entry.status}`}>
        {entry.status === 'eligible'
          ? t('eligibilityScreen.verdict.overriddenEligible')
          : t('eligibilityScreen.verdict.overriddenIneligible')}
      </span>
    )
  }
  const key = category === 'not_checked' ? 'notChecked' : category === 'withdrawn' ? 'withdrawn' : category
  return <span className={`badge badge-status-${entry.status}`}>{t(`eligibilityScreen.verdict.${key}`)}</span>
}
