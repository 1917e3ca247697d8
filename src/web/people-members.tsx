import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HubMember, MemberGrant } from '../domain/index.ts'
import { ApiError, type Me } from './api-client.ts'
import { formatDate } from './format.ts'
import { removeRoleGrant } from './invitations-api.ts'
import { type ActionOutcome, OutcomeNotice } from './outcome-notice.tsx'
import { localeName } from './people-invite-form.tsx'
import { PeopleTable } from './people-table.tsx'

/** The hub's members with their roles; operators may remove a role (never their own last operator role). */
export function PeopleMembers(props: {
  readonly members: readonly HubMember[]
  readonly me: Me
  readonly canManage: boolean
  readonly onChanged: () => void
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const locale = i18n.language
  const [query, setQuery] = useState('')
  const [confirmingId, setConfirmingId] = useState<string | null>(null)
  const [busyId, setBusyId] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null)
  const ownOperatorGrants =
    props.members
      .find((member) => member.userId === props.me.userId)
      ?.grants.filter((grant) => grant.role === 'operator').length ?? 0

  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase()
    if (!needle) return props.members
    return props.members.filter((member) =>
      [member.name, member.email, ...member.grants.map((grant) => grant.companyName ?? '')].some((text) =>
        text.toLowerCase().includes(needle),
      ),
    )
  }, [props.members, query])

  const roleLabel = (grant: MemberGrant) => {
    const role = t(`role.${grant.role}`)
    const scope = grant.companyName ?? grant.candidateName
    return scope ? `${role} · ${scope}` : role
  }

  const remove = async (member: HubMember, grant: MemberGrant) => {
    setBusyId(grant.id)
    setOutcome(null)
    try {
      await removeRoleGrant(grant.id)
      setOutcome({
        kind: 'success',
        message: { key: 'people.members.removed', values: { role: roleLabel(grant), name: member.name } },
      })
      setConfirmingId(null)
      props.onChanged()
    } catch (error) {
      const isLastOperator = error instanceof ApiError && error.status === 409
      setOutcome(
        isLastOperator
          ? { kind: 'refused', message: { key: 'people.members.lastOperator' } }
          : { kind: 'error', error },
      )
    } finally {
      setBusyId(null)
    }
  }

  return (
    <section className="section" aria-labelledby={`${id}-title`} data-testid="members">
      <h2 id={`${id}-title`} className="section-title">
        {t('people.members.title')}
      </h2>
      <OutcomeNotice outcome={outcome} />
      <PeopleTable
        isEmpty={props.members.length === 0}
        emptyText={t('people.members.none')}
        query={query}
        onQueryChange={setQuery}
        showingText={t('people.members.showing', { shown: shown.length, count: props.members.length })}
        columns={[
          t('people.members.person'),
          t('people.members.roles'),
          t('people.members.language'),
          t('people.members.lastSignIn'),
        ]}
        testId="members-table"
      >
        {shown.map((member) => {
          const isMe = member.userId === props.me.userId
          return (
            <tr key={member.userId} data-testid="member-row" data-email={member.email}>
              <td>
                <span className="cell-strong">
                  {member.name}
                  {isMe ? <span className="people-you"> ({t('people.members.you')})</span> : null}
                </span>
                <span className="cell-sub">{member.email}</span>
              </td>
              <td>
                <ul className="people-grants">
                  {member.grants.map((grant) => {
                    const label = roleLabel(grant)
                    const values = { role: label, name: member.name }
                    const isOwnLastOperator = isMe && grant.role === 'operator' && ownOperatorGrants <= 1
                    return (
                      <li key={grant.id} className="people-grant" data-role={grant.role}>
                        <span className="chip">{label}</span>
                        {!props.canManage || isOwnLastOperator ? null : confirmingId === grant.id ? (
                          <span className="people-actions">
                            <span className="people-confirm">{t('people.members.confirmRemove')}</span>
                            <button
                              type="button"
                              className="button button-small people-danger"
                              disabled={busyId === grant.id}
                              onClick={() => void remove(member, grant)}
                              aria-label={t('people.members.confirmRemoveLabel', values)}
                            >
                              {t('people.members.remove')}
                            </button>
                            <button
                              type="button"
                              className="button button-small button-secondary"
                              onClick={() => setConfirmingId(null)}
                            >
                              {t('people.members.keep')}
                            </button>
                          </span>
                        ) : (
                          <button
                            type="button"
                            className="button button-small button-ghost"
                            onClick={() => setConfirmingId(grant.id)}
                            aria-label={t('people.members.removeLabel', values)}
                          >
                            {t('people.members.remove')}
                          </button>
                        )}
                      </li>
                    )
                  })}
                </ul>
              </td>
              <td>{member.locale ? localeName(member.locale) : '–'}</td>
              <td>
                <span className="cell-strong">
                  {member.lastSignInAt ? formatDate(member.lastSignInAt, locale) : t('people.members.never')}
                </span>
                <span className="cell-sub">
                  {t('people.members.joined')} {formatDate(member.createdAt, locale)}
                </span>
              </td>
            </tr>
          )
        })}
      </PeopleTable>
    </section>
  )
}
