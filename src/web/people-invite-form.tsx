import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ROLES, type Role, type SentInvitation, type UiLocale } from '../domain/index.ts'
import { ApiError, fetchCompanies } from './api-client.ts'
import { errorMessage } from './describe-error.ts'
import { LocaleSelect } from './form-field.tsx'
import { isUiLocale, LOCALE_NATIVE_NAMES } from './i18n.ts'
import { sendInvitation } from './invitations-api.ts'
import { type Message, renderMessage } from './message.ts'
import { TextField } from './text-field.tsx'
import { useApiData } from './use-api-data.ts'
import { useFieldErrors } from './use-field-errors.tsx'

type FieldName = 'email' | 'companyId' | 'name'
type FieldErrors = Partial<Record<FieldName, Message>>

// A pragmatic check before the server's: something@something.tld without spaces.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The operator's "invite someone" form; after sending it shows the link once, with a copy button. */
export function PeopleInviteForm(props: { readonly onSent: () => void }) {
  const { t } = useTranslation()
  const id = useId()
  const companies = useApiData('companies', fetchCompanies)
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>('company')
  const [companyId, setCompanyId] = useState('')
  const [name, setName] = useState('')
  const [locale, setLocale] = useState<UiLocale | ''>('')
  const { errors, showErrors, fieldError, describedBy, clearError, errorPropsOf, editField } =
    useFieldErrors<FieldName>()
  const [formError, setFormError] = useState<Message | null>(null)
  const [isSending, setIsSending] = useState(false)
  const [sent, setSent] = useState<SentInvitation | null>(null)

  const validate = (): FieldErrors => {
    const found: FieldErrors = {}
    if (!EMAIL_SHAPE.test(email.trim()) || email.trim().length > 200)
      found.email = { key: 'people.invite.errors.email' }
    if (role === 'company' && !companyId) found.companyId = { key: 'people.invite.errors.company' }
    if (name.trim().length > 200) found.name = { key: 'people.invite.errors.tooLong', values: { max: 200 } }
    return found
  }

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setFormError(null)
    if (!showErrors(validate())) return
    setIsSending(true)
    setSent(null)
    const address = email.trim()
    try {
      const invitation = await sendInvitation({
        email: address,
        role,
        ...(role === 'company' ? { companyId } : {}),
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(locale ? { locale } : {}),
      })
      setSent(invitation)
      setEmail('')
      setName('')
      props.onSent()
    } catch (error) {
      setFormError(describeInviteError(error, address))
    } finally {
      setIsSending(false)
    }
  }

  return (
    <section className="card people-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {t('people.invite.title')}
      </h2>
      <form onSubmit={handleSubmit} noValidate aria-labelledby={`${id}-title`} data-testid="invite-form">
        {formError ? (
          <p className="notice notice-error" role="alert" data-testid="invite-error">
            {renderMessage(formError, t)}
          </p>
        ) : null}
        <TextField
          id={`${id}-email`}
          label={t('people.invite.email')}
          type="email"
          name="inviteEmail"
          autoComplete="off"
          value={email}
          maxLength={200}
          onChange={editField('email', setEmail)}
          {...errorPropsOf('email')}
          testId="invite-email"
          isRequired
        />
        <div className="people-form-row">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-role`}>
              {t('people.invite.role')}
            </label>
            <select
              id={`${id}-role`}
              className="input"
              value={role}
              onChange={(event) => setRole(event.target.value as Role)}
              aria-describedby={role === 'candidate' ? `${id}-candidate-hint` : undefined}
              data-testid="invite-role"
            >
              {ROLES.map((option) => (
                <option key={option} value={option}>
                  {t(`role.${option}`)}
                </option>
              ))}
            </select>
          </div>
          {role === 'company' ? (
            <div className="field">
              <label className="field-label" htmlFor={`${id}-company`}>
                {t('people.invite.company')}
              </label>
              <select
                id={`${id}-company`}
                className="input"
                value={companyId}
                onChange={(event) => {
                  setCompanyId(event.target.value)
                  clearError('companyId')
                }}
                aria-invalid={errors.companyId ? true : undefined}
                aria-describedby={describedBy('companyId')}
                data-testid="invite-company"
                required
              >
                <option value="">{t('people.invite.chooseCompany')}</option>
                {companies.status === 'ready'
                  ? [...companies.data]
                      .sort((a, b) => a.name.localeCompare(b.name))
                      .map((company) => (
                        <option key={company.id} value={company.id}>
                          {company.name}
                        </option>
                      ))
                  : null}
              </select>
              {fieldError('companyId')}
            </div>
          ) : null}
        </div>
        {role === 'candidate' ? (
          <p className="field-hint" id={`${id}-candidate-hint`}>
            {t('people.invite.candidateHint')}
          </p>
        ) : null}
        <div className="people-form-row">
          <TextField
            id={`${id}-name`}
            label={t('people.invite.name')}
            name="inviteName"
            autoComplete="off"
            value={name}
            maxLength={200}
            onChange={editField('name', setName)}
            {...errorPropsOf('name', `${id}-name-hint`)}
            hint={{ id: `${id}-name-hint`, text: t('people.invite.nameHint') }}
            testId="invite-name"
          />
          <LocaleSelect
            id={`${id}-locale`}
            label={t('people.invite.locale')}
            autoLabel={t('people.invite.localeAuto')}
            value={locale}
            onChange={setLocale}
            testId="invite-locale"
          />
        </div>
        <button type="submit" className="button" disabled={isSending} data-testid="invite-submit">
          {isSending ? t('people.invite.sending') : t('people.invite.submit')}
        </button>
      </form>
      {sent ? <SentLink invitation={sent} /> : null}
    </section>
  )
}

/** A user-facing sentence for a refused invitation. */
function describeInviteError(error: unknown, email: string): Message {
  if (error instanceof ApiError) {
    const paths = error.issues.map((issue) => issue.path)
    if (error.status === 404 && paths.includes('body.email'))
      return { key: 'people.invite.errors.noCandidate' }
    if (error.status === 404 && paths.includes('body.companyId'))
      return { key: 'people.invite.errors.noCompany' }
    if (error.status === 409 && paths.includes('body.candidateId'))
      return { key: 'people.invite.errors.severalCandidates' }
    if (error.status === 409) return { key: 'people.invite.errors.conflict', values: { email } }
  }
  return errorMessage(error)
}

/** The link of an invitation just sent, shown once: the token is stored only as a hash. */
export function SentLink(props: { readonly invitation: SentInvitation; readonly messageKey?: string }) {
  const { t } = useTranslation()
  const id = useId()
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.invitation.acceptUrl)
      setCopyState('copied')
    } catch {
      // No clipboard over plain HTTP on a LAN: select the text so the user can copy it.
      ;(document.getElementById(`${id}-link`) as HTMLInputElement | null)?.select()
      setCopyState('failed')
    }
  }
  return (
    <div className="notice notice-success people-sent" role="status" data-testid="invite-sent">
      <p>{t(props.messageKey ?? 'people.invite.sent', { email: props.invitation.email })}</p>
      <div className="people-sent-link">
        <label className="field-label" htmlFor={`${id}-link`}>
          {t('people.invite.linkLabel')}
        </label>
        <div className="people-sent-row">
          <input
            id={`${id}-link`}
            className="input"
            readOnly
            value={props.invitation.acceptUrl}
            onFocus={(event) => event.target.select()}
            aria-describedby={`${id}-link-hint`}
            data-testid="invite-link"
          />
          <button type="button" className="button button-secondary" onClick={() => void copy()}>
            {t('people.invite.copy')}
          </button>
        </div>
        <p className="field-hint" id={`${id}-link-hint`}>
          {copyState === 'copied'
            ? t('people.invite.copied')
            : copyState === 'failed'
              ? t('people.invite.copyFailed')
              : t('people.invite.linkHint')}
        </p>
      </div>
    </div>
  )
}

/** The language an invitation's e-mail was written in, named in itself. */
export function localeName(locale: string): string {
  return isUiLocale(locale) ? LOCALE_NATIVE_NAMES[locale] : locale
}
