import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type InvitationPreview,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  type UiLocale,
} from '../domain/index.ts'
import { ApiError, type Me } from './api-client.ts'
import { AppLink } from './app-link.tsx'
import { ConsentCheckbox } from './consent-checkbox.tsx'
import { describeError, errorMessage } from './describe-error.ts'
import { errorsFromIssues } from './form-field.tsx'
import { formatDate } from './format.ts'
import { isUiLocale, switchLocale, writeStoredLocale } from './i18n.ts'
import { acceptInvitation, fetchInvitationPreview } from './invitations-api.ts'
import { LocaleRadioGroup } from './locale-radio-group.tsx'
import { type Message, renderMessage } from './message.ts'
import { TextField } from './text-field.tsx'
import { useFieldErrors } from './use-field-errors.tsx'

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'invalid' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'ready'; readonly preview: InvitationPreview }

type FieldName = 'name' | 'password' | 'passwordConfirm' | 'consent'
type FieldErrors = Partial<Record<FieldName, Message>>

/**
 * The public page an invitation link opens (`/invite/<token>`), signed in or not: it shows the hub, role
 * and company, asks for a name, a password and a language (and an applicant's consent), then creates the
 * login and signs in. A used, expired, withdrawn or unknown link gets a page that says so.
 */
export function InvitationAcceptPage(props: {
  readonly token: string
  /** Who is signed in on this browser now, if anyone (accepting replaces that session). */
  readonly me: Me | null
  /** Called once the server has signed the new member in. */
  readonly onSignedIn: () => Promise<void>
}) {
  const { t, i18n } = useTranslation()
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [done, setDone] = useState<{ email: string } | null>(null)
  const [localeError, setLocaleError] = useState<unknown>(null)
  const isLocaleApplied = useRef(false)

  const loadPreview = useCallback(async () => {
    setLoad({ status: 'loading' })
    try {
      setLoad({ status: 'ready', preview: await fetchInvitationPreview(props.token) })
    } catch (error) {
      const isInvalid = error instanceof ApiError && (error.status === 404 || error.status === 400)
      setLoad(isInvalid ? { status: 'invalid' } : { status: 'failed', error })
    }
  }, [props.token])

  useEffect(() => {
    void loadPreview()
  }, [loadPreview])

  // The operator chose the invitee's language: show the page in it (once; the invitee may switch).
  useEffect(() => {
    if (load.status !== 'ready' || isLocaleApplied.current) return
    isLocaleApplied.current = true
    if (i18n.language !== load.preview.locale) switchLocale(i18n, load.preview.locale).catch(setLocaleError)
  }, [load, i18n])

  const chooseLocale = async (next: UiLocale) => {
    setLocaleError(null)
    try {
      if (await switchLocale(i18n, next)) writeStoredLocale(next)
    } catch (error) {
      setLocaleError(error)
    }
  }

  if (load.status === 'loading') {
    return (
      <p className="notice notice-muted" role="status">
        {t('invitation.loading')}
      </p>
    )
  }
  if (load.status === 'failed') {
    return (
      <div className="notice notice-error" role="alert">
        <span>{describeError(load.error, t)}</span>
        <button type="button" className="button button-small" onClick={() => void loadPreview()}>
          {t('common.retry')}
        </button>
      </div>
    )
  }
  if (load.status === 'invalid') {
    return (
      <ClosedInvitation
        title={t('invitation.invalidTitle')}
        text={t('invitation.invalidText')}
        state="invalid"
      />
    )
  }
  const { preview } = load
  if (done) {
    return (
      <ClosedInvitation
        title={t('invitation.doneTitle')}
        text={t('invitation.doneText', { email: done.email })}
        state="done"
      />
    )
  }
  if (preview.status !== 'pending') {
    const values = { hub: preview.hubName, date: formatDate(preview.expiresAt, i18n.language) }
    return (
      <ClosedInvitation
        title={t(`invitation.${preview.status}Title`)}
        text={t(`invitation.${preview.status}Text`, values)}
        state={preview.status}
      />
    )
  }
  return (
    <AcceptForm
      token={props.token}
      preview={preview}
      me={props.me}
      localeError={localeError}
      onLocaleChange={(next) => void chooseLocale(next)}
      onClosed={() => void loadPreview()}
      onAccepted={async (isSignedIn) => {
        if (isSignedIn) await props.onSignedIn()
        else setDone({ email: preview.email ?? '' })
      }}
    />
  )
}

function ClosedInvitation(props: { readonly title: string; readonly text: string; readonly state: string }) {
  const { t } = useTranslation()
  return (
    <section className="card invitation-closed" data-testid="invitation-closed" data-state={props.state}>
      <h1>{props.title}</h1>
      <p className="lead">{props.text}</p>
      <AppLink to="/" className="button">
        {t('invitation.goToSignIn')}
      </AppLink>
    </section>
  )
}

/** Which field an API issue path (`body.password`, `body.hasConsented`) is about. */
function fieldOfIssue(path: string): FieldName | null {
  const field = path.replace(/^body\./, '').split('.')[0]
  if (field === 'name' || field === 'password') return field
  if (field === 'hasConsented') return 'consent'
  return null
}

function AcceptForm(props: {
  readonly token: string
  readonly preview: InvitationPreview
  readonly me: Me | null
  /** Why the last language switch failed, if it did. */
  readonly localeError: unknown
  readonly onLocaleChange: (locale: UiLocale) => void
  readonly onClosed: () => void
  readonly onAccepted: (isSignedIn: boolean) => Promise<void>
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const { preview } = props
  const isExisting = preview.hasAccount
  const [name, setName] = useState(preview.name ?? '')
  const [password, setPassword] = useState('')
  const [passwordConfirm, setPasswordConfirm] = useState('')
  const [hasConsented, setHasConsented] = useState(false)
  const { setErrors, showErrors, clearError, errorPropsOf, editField } = useFieldErrors<FieldName>()
  const [formError, setFormError] = useState<Message | null>(null)
  const [isSubmitting, setIsSubmitting] = useState(false)
  const locale: UiLocale = isUiLocale(i18n.language) ? i18n.language : preview.locale
  const role = t(`role.${preview.role}`)
  // A new password's rules come before its input; someone who has a login just types theirs.
  const passwordHint = isExisting
    ? undefined
    : {
        id: `${id}-password-hint`,
        text: t('invitation.passwordHint', { min: MIN_PASSWORD_LENGTH }),
        isAbove: true,
      }
  const roleText = preview.companyName
    ? t('invitation.roleAtCompany', { role, company: preview.companyName })
    : role

  const validate = (): FieldErrors => {
    const found: FieldErrors = {}
    if (!isExisting && name.trim().length === 0) found.name = { key: 'invitation.errors.nameRequired' }
    else if (!isExisting && name.trim().length > 200)
      found.name = { key: 'people.invite.errors.tooLong', values: { max: 200 } }
    if (password.length < MIN_PASSWORD_LENGTH)
      found.password = { key: 'invitation.errors.passwordShort', values: { min: MIN_PASSWORD_LENGTH } }
    else if (password.length > MAX_PASSWORD_LENGTH)
      found.password = { key: 'invitation.errors.passwordLong', values: { max: MAX_PASSWORD_LENGTH } }
    if (!isExisting && !found.password && passwordConfirm !== password)
      found.passwordConfirm = { key: 'invitation.errors.passwordMismatch' }
    if (preview.needsConsent && !hasConsented) found.consent = { key: 'invitation.errors.consentRequired' }
    return found
  }

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!showErrors(validate())) {
      setFormError({ key: 'invitation.errors.check' })
      return
    }
    setFormError(null)
    setIsSubmitting(true)
    try {
      const answer = await acceptInvitation({
        token: props.token,
        ...(isExisting ? {} : { name: name.trim() }),
        password,
        locale,
        ...(preview.needsConsent ? { hasConsented } : {}),
      })
      await props.onAccepted(answer.isSignedIn)
    } catch (error) {
      setIsSubmitting(false)
      if (error instanceof ApiError && (error.status === 409 || error.status === 404)) {
        props.onClosed() // used, expired or withdrawn meanwhile: show that page
        return
      }
      if (error instanceof ApiError && error.status === 401) {
        setErrors({
          password: { key: 'invitation.errors.wrongPassword', values: { email: preview.email ?? '' } },
        })
        setFormError({ key: 'invitation.errors.check' })
        return
      }
      if (error instanceof ApiError && error.status === 400 && error.issues.length > 0) {
        setErrors(errorsFromIssues(error.issues, fieldOfIssue))
      }
      setFormError(errorMessage(error))
    }
  }

  return (
    <div className="invitation-accept">
      <section className="invitation-intro" aria-labelledby={`${id}-title`}>
        <p className="eyebrow">{t('invitation.eyebrow')}</p>
        <h1 id={`${id}-title`}>{t('invitation.title', { hub: preview.hubName })}</h1>
        <p className="lead">
          {t(isExisting ? 'invitation.introExisting' : 'invitation.intro', { role: roleText })}
        </p>
        <dl className="facts invitation-facts" data-testid="invitation-facts">
          <div>
            <dt>{t('invitation.hub')}</dt>
            <dd>{preview.hubName}</dd>
          </div>
          <div>
            <dt>{t('invitation.role')}</dt>
            <dd>{role}</dd>
          </div>
          {preview.companyName ? (
            <div>
              <dt>{t('invitation.company')}</dt>
              <dd>{preview.companyName}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('invitation.email')}</dt>
            <dd>{preview.email}</dd>
          </div>
          <div>
            <dt>{t('invitation.validUntil')}</dt>
            <dd>{formatDate(preview.expiresAt, locale)}</dd>
          </div>
        </dl>
      </section>
      <form
        className="card invitation-card"
        onSubmit={handleSubmit}
        noValidate
        aria-labelledby={`${id}-form-title`}
        data-testid="invitation-accept"
      >
        <h2 id={`${id}-form-title`} className="section-title">
          {t(isExisting ? 'invitation.formTitleExisting' : 'invitation.formTitle')}
        </h2>
        {props.me ? (
          <p className="notice notice-muted" role="status">
            {t('invitation.signedInAs', { name: props.me.name })}
          </p>
        ) : null}
        {formError ? (
          <p className="notice notice-error" role="alert" data-testid="invitation-error">
            {renderMessage(formError, t)}
          </p>
        ) : null}
        {isExisting ? (
          <p className="field-hint">{t('invitation.existingIntro', { email: preview.email ?? '' })}</p>
        ) : (
          <TextField
            id={`${id}-name`}
            label={t('invitation.name')}
            name="name"
            autoComplete="name"
            value={name}
            maxLength={200}
            onChange={editField('name', setName)}
            {...errorPropsOf('name')}
            isRequired
          />
        )}
        {/* Lets password managers file the new password under the right login. */}
        <input type="hidden" name="username" autoComplete="username" value={preview.email ?? ''} />
        <TextField
          id={`${id}-password`}
          label={t(isExisting ? 'invitation.existingPassword' : 'invitation.password')}
          type="password"
          name="password"
          autoComplete={isExisting ? 'current-password' : 'new-password'}
          value={password}
          maxLength={MAX_PASSWORD_LENGTH}
          onChange={editField('password', setPassword)}
          {...errorPropsOf('password', passwordHint?.id)}
          hint={passwordHint}
          isRequired
        />
        {isExisting ? null : (
          <TextField
            id={`${id}-password-confirm`}
            label={t('invitation.passwordConfirm')}
            type="password"
            name="passwordConfirm"
            autoComplete="new-password"
            value={passwordConfirm}
            maxLength={MAX_PASSWORD_LENGTH}
            onChange={editField('passwordConfirm', setPasswordConfirm)}
            {...errorPropsOf('passwordConfirm')}
            isRequired
          />
        )}
        <LocaleRadioGroup
          legend={t('invitation.language')}
          hint={t('invitation.languageHint')}
          hintId={`${id}-locale-hint`}
          value={locale}
          onChange={props.onLocaleChange}
          rowClassName="invitation-locales"
          optionClassName="invitation-locale"
        >
          {props.localeError ? (
            <p className="notice notice-error" role="alert">
              {describeError(props.localeError, t)}
            </p>
          ) : null}
        </LocaleRadioGroup>
        {preview.needsConsent ? (
          <div className="field">
            <ConsentCheckbox
              className="invitation-consent"
              label={t('invitation.consent', { hub: preview.hubName })}
              isChecked={hasConsented}
              onChange={(isChecked) => {
                setHasConsented(isChecked)
                clearError('consent')
              }}
              {...errorPropsOf('consent', `${id}-consent-hint`)}
              hint={{ id: `${id}-consent-hint`, text: t('invitation.consentHint') }}
            />
          </div>
        ) : null}
        <button
          type="submit"
          className="button button-block"
          disabled={isSubmitting}
          data-testid="invitation-submit"
        >
          {isSubmitting
            ? t('invitation.submitting')
            : t(isExisting ? 'invitation.submitExisting' : 'invitation.submit')}
        </button>
      </form>
    </div>
  )
}
