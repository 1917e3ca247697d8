import { useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  INVITATION_STATUSES,
  type InvitationStatus,
  type InvitationView,
  type SentInvitation,
} from '../domain/index.ts'
import { formatDate } from './format.ts'
import { resendInvitation, revokeInvitation } from './invitations-api.ts'
import { type ActionOutcome, OutcomeNotice } from './outcome-notice.tsx'
import { localeName, SentLink } from './people-invite-form.tsx'
import { PeopleTable } from './people-table.tsx'

type Outcome = { readonly kind: 'resent'; readonly invitation: SentInvitation } | ActionOutcome

/** The hub's invitations with their status; open ones can be sent again or revoked. */
export function PeopleInvitations(props: {
  readonly invitations: readonly InvitationView[]
  readonly onChanged: () => void
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const locale = i18n.language
  const [status, setStatus] = useState<InvitationStatus | ''>('')
  const [query, setQuery] = useState('')
  const [busyId, setBusyId] = useState<string | null>(null)
  const [confirmingId, setConfirmingId] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase()
    return props.invitations.filter(
      (invitation) =>
        (!status || invitation.status === status) &&
        (!needle ||
          [
            invitation.email,
            invitation.name,
            invitation.companyName ?? '',
            invitation.candidateName ?? '',
          ].some((text) => text.toLowerCase().includes(needle))),
    )
  }, [props.invitations, status, query])

  const resend = async (invitation: InvitationView) => {
    setBusyId(invitation.id)
    setOutcome(null)
    try {
      setOutcome({ kind: 'resent', invitation: await resendInvitation(invitation.id) })
      props.onChanged()
    } catch (error) {
      setOutcome({ kind: 'error', error })
    } finally {
      setBusyId(null)
    }
  }
  const revoke = async (invitation: InvitationView) => {
    setBusyId(invitation.id)
    setOutcome(null)
    try {
      await revokeInvitation(invitation.id)
      setOutcome({
        kind: 'success',
        message: { key: 'people.invitations.revoked', values: { email: invitation.email } },
      })
      setConfirmingId(null)
      props.onChanged()
    } catch (error) {
      setOutcome({ kind: 'error', error })
    } finally {
      setBusyId(null)
    }
  }

  return (
    <section className="section" aria-labelledby={`${id}-title`} data-testid="invitations">
      <h2 id={`${id}-title`} className="section-title">
        {t('people.invitations.title')}
      </h2>
      {outcome?.kind === 'resent' ? (
        <SentLink invitation={outcome.invitation} messageKey="people.invitations.resent" />
      ) : null}
      <OutcomeNotice outcome={outcome?.kind === 'resent' ? null : outcome} />
      <PeopleTable
        isEmpty={props.invitations.length === 0}
        emptyText={t('people.invitations.none')}
        filters={
          <label className="field field-inline people-filter">
            <span className="field-label">{t('people.invitations.status')}</span>
            <select
              className="input"
              value={status}
              onChange={(event) => setStatus(event.target.value as InvitationStatus | '')}
              data-testid="invitations-status"
            >
              <option value="">{t('people.invitations.all')}</option>
              {INVITATION_STATUSES.map((option) => (
                <option key={option} value={option}>
                  {t(`people.status.${option}`)}
                </option>
              ))}
            </select>
          </label>
        }
        query={query}
        onQueryChange={setQuery}
        showingText={t('people.invitations.showing', {
          shown: shown.length,
          count: props.invitations.length,
        })}
        columns={[
          t('people.invitations.person'),
          t('people.invitations.role'),
          t('people.invitations.status'),
          t('people.invitations.language'),
          t('people.invitations.sent'),
          t('people.invitations.expires'),
          t('people.invitations.actions'),
        ]}
        testId="invitations-table"
      >
        {shown.map((invitation) => {
          const isOpen = invitation.status === 'pending' || invitation.status === 'expired'
          const isBusy = busyId === invitation.id
          const values = { email: invitation.email }
          return (
            <tr
              key={invitation.id}
              data-testid="invitation-row"
              data-email={invitation.email}
              data-status={invitation.status}
            >
              <td>
                <span className="cell-strong">{invitation.name || invitation.email}</span>
                {invitation.name ? <span className="cell-sub">{invitation.email}</span> : null}
                {invitation.hasAccount && invitation.status === 'pending' ? (
                  <span className="cell-sub">{t('people.invitations.hasAccount')}</span>
                ) : null}
              </td>
              <td>
                <span className="cell-strong">{t(`role.${invitation.role}`)}</span>
                {invitation.companyName || invitation.candidateName ? (
                  <span className="cell-sub">{invitation.companyName ?? invitation.candidateName}</span>
                ) : null}
              </td>
              <td>
                <span className={`badge badge-invitation-${invitation.status}`}>
                  {t(`people.status.${invitation.status}`)}
                </span>
              </td>
              <td lang={invitation.locale}>{localeName(invitation.locale)}</td>
              <td>
                <span className="cell-strong">{formatDate(invitation.lastSentAt, locale)}</span>
                <span className="cell-sub">
                  {t('people.invitations.sentTimes', { count: invitation.sentCount })}
                  {invitation.invitedBy
                    ? ` · ${t('people.invitations.invitedBy', { name: invitation.invitedBy })}`
                    : ''}
                </span>
              </td>
              <td>{formatDate(invitation.expiresAt, locale)}</td>
              <td>
                {!isOpen ? (
                  <span className="muted">{t('people.invitations.noActions')}</span>
                ) : confirmingId === invitation.id ? (
                  <div className="people-actions">
                    <span className="people-confirm">{t('people.invitations.confirmRevoke')}</span>
                    <button
                      type="button"
                      className="button button-small people-danger"
                      disabled={isBusy}
                      onClick={() => void revoke(invitation)}
                      aria-label={t('people.invitations.confirmRevokeLabel', values)}
                    >
                      {t('people.invitations.revoke')}
                    </button>
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      onClick={() => setConfirmingId(null)}
                    >
                      {t('people.invitations.keep')}
                    </button>
                  </div>
                ) : (
                  <div className="people-actions">
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      disabled={isBusy}
                      onClick={() => void resend(invitation)}
                      aria-label={t('people.invitations.resendLabel', values)}
                    >
                      {t('people.invitations.resend')}
                    </button>
                    <button
                      type="button"
                      className="button button-small button-ghost"
                      disabled={isBusy}
                      onClick={() => setConfirmingId(invitation.id)}
                      aria-label={t('people.invitations.revokeLabel', values)}
                    >
                      {t('people.invitations.revoke')}
                    </button>
                  </div>
                )}
              </td>
            </tr>
          )
        })}
      </PeopleTable>
    </section>
  )
}
