import { useTranslation } from 'react-i18next'
import { AppLink } from './app-link.tsx'
import { OUTBOX_PATH, PRIVACY_REQUESTS_PATH, programEligibilityPath } from './navigation.ts'

/** The operator's hub-wide links: the programs and the e-mail outbox. */
export function OperatorNav(props: { readonly path: string }) {
  const { t } = useTranslation()
  const links = [
    {
      to: '/',
      label: t('operatorNav.programs'),
      isCurrent: props.path === '/' || props.path.startsWith('/programs/'),
    },
    { to: OUTBOX_PATH, label: t('operatorNav.outbox'), isCurrent: props.path.startsWith(OUTBOX_PATH) },
    {
      to: PRIVACY_REQUESTS_PATH,
      label: t('operatorNav.privacyRequests'),
      isCurrent: props.path.startsWith(PRIVACY_REQUESTS_PATH),
    },
  ]
  return (
    <nav className="operator-nav" aria-label={t('operatorNav.label')}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <AppLink
              to={link.to}
              className={link.isCurrent ? 'operator-nav-link is-current' : 'operator-nav-link'}
            >
              {link.label}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** A program's operator tools beside its page: the eligibility screen and the outbox. */
export function ProgramToolsNav(props: { readonly programId: string; readonly canEdit: boolean }) {
  const { t } = useTranslation()
  return (
    <nav className="program-tools" aria-label={t('operatorNav.programTools')}>
      <AppLink to={programEligibilityPath(props.programId)} className="button button-secondary">
        {props.canEdit ? t('operatorNav.eligibility') : t('operatorNav.eligibilityRead')}
      </AppLink>
      {props.canEdit ? (
        <AppLink to={OUTBOX_PATH} className="button button-quiet">
          {t('operatorNav.outbox')}
        </AppLink>
      ) : null}
    </nav>
  )
}
