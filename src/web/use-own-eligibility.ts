import { useCallback, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchOwnProgramEligibility, onApplicationChanged } from './candidate-api.ts'
import { useApiData } from './use-api-data.ts'

/**
 * The signed-in candidate's eligibility for one program in the interface language, loaded again whenever
 * their application to it changes (applied, withdrawn, decided by the hub).
 */
export function useOwnEligibility(programId: string) {
  const { i18n } = useTranslation()
  const locale = i18n.language
  const load = useCallback(() => fetchOwnProgramEligibility(programId, locale), [programId, locale])
  const eligibility = useApiData(`own-eligibility:${programId}:${locale}`, load)
  const { reload } = eligibility
  useEffect(() => onApplicationChanged((changed) => changed === programId && reload()), [programId, reload])
  return eligibility
}
