import { useTranslation } from 'react-i18next'
import type { ProgramOverview } from './api-client.ts'
import { AppLink } from './app-link.tsx'
import { programPath } from './navigation.ts'
import { PhaseBadge } from './phase-badge.tsx'
import { ProgramStats } from './program-stats.tsx'

/** Programs as cards with their counts: companies, positions, seats and applicants. */
export function ProgramList(props: { readonly programs: readonly ProgramOverview[] }) {
  const { t } = useTranslation()
  if (props.programs.length === 0) return <p className="muted">{t('programs.empty')}</p>
  return (
    <ul className="card-list" data-testid="program-list">
      {props.programs.map((program) => (
        <li key={program.id} className="card program-card">
          <div className="card-head">
            <h3 className="card-title">
              <AppLink to={programPath(program.id)}>{program.title}</AppLink>
            </h3>
            <PhaseBadge phase={program.phase} />
          </div>
          <p className="card-meta">{t(`programKind.${program.kind}`)}</p>
          {program.description ? <p className="card-text">{program.description}</p> : null}
          <ProgramStats program={program} />
        </li>
      ))}
    </ul>
  )
}
