import { useTranslation } from 'react-i18next'
import type { ProgramPosition } from './api-client.ts'
import { listProgramCompanies } from './company-scope.ts'

/** Lets an operator pick the company whose rank list or results to open (hubs enter lists for companies). */
export function CompanyPicker(props: {
  readonly positions: readonly ProgramPosition[]
  readonly value: string | null
  readonly onChange: (companyId: string) => void
}) {
  const { t } = useTranslation()
  const companies = listProgramCompanies(props.positions, null)
  return (
    <div className="toolbar company-picker">
      <label className="field field-inline">
        <span className="field-label">{t('companyRanking.pickCompany')}</span>
        <select
          className="input select"
          value={props.value ?? ''}
          onChange={(event) => props.onChange(event.target.value)}
        >
          {props.value === null ? <option value="">{t('companyRanking.pickCompanyPrompt')}</option> : null}
          {companies.map((company) => (
            <option key={company.id} value={company.id}>
              {company.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
