import { useTranslation } from 'react-i18next'
import type { Role, UiLocale } from '../domain/index.ts'
import type { Me } from './api-client.ts'
import { AppLink } from './app-link.tsx'
import { LanguageSwitch } from './language-switch.tsx'
import { NotificationsMenu } from './notifications-menu.tsx'
import { PeopleNavLink } from './people-nav-link.tsx'

/**
 * The top bar: product and hub name, language switch, the notifications bell, the signed-in user and role,
 * and sign-out.
 */
export function AppHeader(props: {
  readonly me: Me | null
  readonly role: Role | null
  readonly onLocaleChange: (locale: UiLocale) => void
  readonly onSignOut: () => void
}) {
  const { t } = useTranslation()
  const { me } = props
  return (
    <header className="app-header">
      <div className="header-inner">
        <AppLink to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            이음
          </span>
          <span className="brand-text">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-hub">{me?.hub?.name ?? t('app.tagline')}</span>
          </span>
        </AppLink>
        <div className="header-tools">
          <PeopleNavLink me={me} />
          <LanguageSwitch onChange={props.onLocaleChange} />
          {me ? <NotificationsMenu key={me.userId} /> : null}
          {me ? (
            <div className="user-box">
              <span className="user-text">
                <span className="user-name" data-testid="user-name">
                  {me.name}
                </span>
                {props.role ? (
                  <span className="role-badge" data-testid="user-role">
                    {t(`role.${props.role}`)}
                  </span>
                ) : null}
              </span>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={props.onSignOut}
              >
                {t('header.signOut')}
              </button>
            </div>
          ) : null}
        </div>
      </div>
    </header>
  )
}
