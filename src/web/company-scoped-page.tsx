import { type ReactNode, useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../domain/index.ts'
import { fetchProgram, fetchProgramPositions, type ProgramOverview } from './api-client.ts'
import { AppLink } from './app-link.tsx'
import { AsyncView } from './async-view.tsx'
import { CompanyPicker } from './company-picker.tsx'
import { type ProgramCompany, pickProgramCompany } from './company-scope.ts'
import { navigateTo, programPath, readCompanyParameter } from './navigation.ts'
import { useApiData } from './use-api-data.ts'

/** What a company's screen in a program is given once the program and the company are known. */
export interface CompanyScope {
  readonly program: ProgramOverview
  readonly company: ProgramCompany
  /** The company picker (operators only, who may look at any company), null for the company's own members. */
  readonly picker: ReactNode
  readonly isOperator: boolean
}

/**
 * The frame of a company's screen in a program (ranking, results): the back link, the program and its
 * positions loaded, the company picked from them (operators choose it, and the choice goes into the
 * address), and a title-only page when there is no company to show.
 */
export function CompanyScopedPage(props: {
  readonly programId: string
  readonly role: Role
  readonly companyIds: readonly string[]
  /** The screen's title, for the page shown when there is no company. */
  readonly title: string
  /** The screen's address for another company (operators' picker). */
  readonly pathOf: (companyId: string) => string
  readonly children: (scope: CompanyScope) => ReactNode
}) {
  const { t } = useTranslation()
  const { programId, pathOf } = props
  const loadProgram = useCallback(() => fetchProgram(programId), [programId])
  const loadPositions = useCallback(() => fetchProgramPositions(programId), [programId])
  const program = useApiData(`program:${programId}`, loadProgram)
  const positions = useApiData(`program-positions:${programId}`, loadPositions)
  const [asked, setAsked] = useState(readCompanyParameter)
  return (
    <>
      <p className="back-link">
        <AppLink to={programPath(programId)}>← {t('companyRanking.back')}</AppLink>
      </p>
      <AsyncView data={program}>
        {(loadedProgram) => (
          <AsyncView data={positions}>
            {(loadedPositions) => {
              const isOperator = props.role === 'operator'
              const company = pickProgramCompany(loadedPositions, props.companyIds, isOperator, asked)
              const picker = isOperator ? (
                <CompanyPicker
                  positions={loadedPositions}
                  value={company?.id ?? null}
                  onChange={(companyId) => {
                    setAsked(companyId)
                    navigateTo(pathOf(companyId), { replace: true })
                  }}
                />
              ) : null
              if (!company) {
                return (
                  <section className="page-head">
                    <h1>{props.title}</h1>
                    {picker ?? <p className="muted">{t('companyRanking.noPositions')}</p>}
                  </section>
                )
              }
              return props.children({ program: loadedProgram, company, picker, isOperator })
            }}
          </AsyncView>
        )}
      </AsyncView>
    </>
  )
}
