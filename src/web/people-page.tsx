import { useTranslation } from 'react-i18next'
import type { Me } from './api-client.ts'
import { AsyncView } from './async-view.tsx'
import { fetchPeople } from './invitations-api.ts'
import { PeopleBulkInvite } from './people-bulk-invite.tsx'
import { PeopleInvitations } from './people-invitations.tsx'
import { PeopleInviteForm } from './people-invite-form.tsx'
import { PeopleMembers } from './people-members.tsx'
import { useApiData } from './use-api-data.ts'

/**
 * The People page. Operators invite people (one by one, or a program's applicants at once), follow the
 * invitations and manage roles; a company member sees the people of their own company, read-only.
 */
export function PeoplePage(props: { readonly me: Me; readonly role: 'operator' | 'company' }) {
  const { t } = useTranslation()
  const people = useApiData('people', fetchPeople)
  const isOperator = props.role === 'operator'
  return (
    <div className="people-page" data-testid="people-page">
      <section className="page-head">
        <h1>{t(isOperator ? 'people.title' : 'people.companyTitle')}</h1>
        <p className="lead">
          {isOperator ? t('people.intro', { hub: props.me.hub?.name ?? 'Ieum' }) : t('people.companyIntro')}
        </p>
      </section>
      {isOperator ? (
        <div className="people-invite-grid">
          <PeopleInviteForm onSent={people.reload} />
          <PeopleBulkInvite onSent={people.reload} />
        </div>
      ) : null}
      <AsyncView data={people}>
        {(data) => (
          <>
            {isOperator ? (
              <PeopleInvitations invitations={data.invitations} onChanged={people.reload} />
            ) : null}
            <PeopleMembers
              members={data.members}
              me={props.me}
              canManage={isOperator}
              onChanged={people.reload}
            />
          </>
        )}
      </AsyncView>
    </div>
  )
}
