import { useTranslation } from 'react-i18next'
import type { ProgramOverview } from './api-client.ts'
import { formatNumber } from './format.ts'

/** A program's counts: companies, positions, seats and applicants (`isWide` on the program's own page). */
export function ProgramStats(props: { readonly program: ProgramOverview; readonly isWide?: boolean }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { program } = props
  const counts = [
    ['programs.companies', program.companyCount],
    ['programs.positions', program.positionCount],
    ['programs.seats', program.seatCount],
    ['programs.applicants', program.applicationCount],
  ] as const
  return (
    <dl className={props.isWide ? 'stats stats-wide' : 'stats'}>
      {counts.map(([label, count]) => (
        <div key={label} className="stat">
          <dt>{t(label)}</dt>
          <dd>{formatNumber(count, locale)}</dd>
        </div>
      ))}
    </dl>
  )
}
