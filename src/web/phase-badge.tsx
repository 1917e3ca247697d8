import { useTranslation } from 'react-i18next'
import type { ProgramPhase } from '../domain/index.ts'

/** A program's current phase as a coloured badge. */
export function PhaseBadge(props: { readonly phase: ProgramPhase }) {
  const { t } = useTranslation()
  return <span className={`badge badge-phase-${props.phase}`}>{t(`phase.${props.phase}`)}</span>
}
