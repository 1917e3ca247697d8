import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchSkillSupplyDemand, type SkillSupplyDemandRow } from './api-client.ts'
import { AsyncView } from './async-view.tsx'
import { formatNumber } from './format.ts'
import { isUiLocale } from './i18n.ts'
import { InlineBar } from './inline-bar.tsx'
import { useApiData } from './use-api-data.ts'

/** Rows shown before "show all". */
const COLLAPSED_ROWS = 20

/** The talent-gap table: per skill, applicants offering it against seats requiring it (operators). */
export function SkillSupplyDemandSection(props: { readonly programId: string }) {
  const { t } = useTranslation()
  const { programId } = props
  const load = useCallback(() => fetchSkillSupplyDemand(programId), [programId])
  const rows = useApiData(`skill-supply-demand:${programId}`, load)
  return (
    <section className="section" aria-labelledby="supply-demand-title">
      <h2 id="supply-demand-title" className="section-title">
        {t('supplyDemand.title')}
      </h2>
      <p className="muted">{t('supplyDemand.intro')}</p>
      <AsyncView data={rows}>{(data) => <SupplyDemandTable rows={data} />}</AsyncView>
    </section>
  )
}

function SupplyDemandTable(props: { readonly rows: readonly SkillSupplyDemandRow[] }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const labelLocale = isUiLocale(locale) ? locale : 'en'
  const [isExpanded, setIsExpanded] = useState(false)
  if (props.rows.length === 0) return <p className="muted">{t('supplyDemand.empty')}</p>
  const shown = isExpanded ? props.rows : props.rows.slice(0, COLLAPSED_ROWS)
  // One scale for supply and demand so their bars compare; gaps get their own scale (they may be negative).
  const maxCount = Math.max(1, ...props.rows.map((row) => Math.max(row.supply, row.demand)))
  const maxGap = Math.max(1, ...props.rows.map((row) => Math.abs(row.gap)))
  return (
    <>
      <div className="table-scroll">
        <table className="table" data-testid="skill-supply-demand">
          <thead>
            <tr>
              <th scope="col">{t('supplyDemand.skill')}</th>
              <th scope="col" className="numeric">
                {t('supplyDemand.supply')}
              </th>
              <th scope="col" className="numeric">
                {t('supplyDemand.demand')}
              </th>
              <th scope="col" className="numeric">
                {t('supplyDemand.preferredDemand')}
              </th>
              <th scope="col" className="numeric">
                {t('supplyDemand.gap')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.skill}>
                <th scope="row" className="cell-strong">
                  {row.label[labelLocale] || row.skill}
                </th>
                <td className="numeric">
                  <span className="bar-cell">
                    <InlineBar value={row.supply} max={maxCount} tone="accent" />
                    {formatNumber(row.supply, locale)}
                  </span>
                </td>
                <td className="numeric">
                  <span className="bar-cell">
                    <InlineBar value={row.demand} max={maxCount} />
                    {formatNumber(row.demand, locale)}
                  </span>
                </td>
                <td className="numeric">{formatNumber(row.preferredDemand, locale)}</td>
                <td className="numeric">
                  <span className="bar-cell">
                    <InlineBar
                      value={Math.abs(row.gap)}
                      max={maxGap}
                      tone={row.gap > 0 ? 'danger' : 'accent'}
                    />
                    {formatNumber(row.gap, locale)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.rows.length > COLLAPSED_ROWS ? (
        <div className="toolbar">
          <p className="muted">
            {t('supplyDemand.showing', { shown: shown.length, count: props.rows.length })}
          </p>
          <button
            type="button"
            className="button button-secondary button-small"
            aria-expanded={isExpanded}
            onClick={() => setIsExpanded((value) => !value)}
          >
            {isExpanded ? t('supplyDemand.showFewer') : t('supplyDemand.showAll')}
          </button>
        </div>
      ) : null}
    </>
  )
}
