import { useTranslation } from 'react-i18next'
import type { Me } from './api-client.ts'
import { AppLink } from './app-link.tsx'
import { PEOPLE_PATH, usePath } from './navigation.ts'

/** How a user sees the People page: operators manage it, company members see their company's people. */
export function peopleRoleOf(me: Me): 'operator' | 'company' | null {
  if (me.grants.some((grant) => grant.role === 'operator')) return 'operator'
  if (me.grants.some((grant) => grant.role === 'company')) return 'company'
  return null
}

/** The header's link to the People page, for those who may see it. */
export function PeopleNavLink(props: { readonly me: Me | null }) {
  const { t } = useTranslation()
  const path = usePath()
  if (!props.me || !peopleRoleOf(props.me)) return null
  const isCurrent = path === PEOPLE_PATH
  return (
    <nav className="people-nav" aria-label={t('people.nav')}>
      <AppLink to={PEOPLE_PATH} className={isCurrent ? 'people-nav-link is-current' : 'people-nav-link'}>
        {t('people.nav')}
      </AppLink>
    </nav>
  )
}
