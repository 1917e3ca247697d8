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
import { describeError, errorMessage } from './describe-error.ts'
import { errorsFromIssues, fieldErrorsView, joinIds } from './form-field.tsx'
import { formatDate } from './format.ts'
import { isUiLocale, LOCALE_NATIVE_NAMES, switchLocale, WEB_LOCALES, writeStoredLocale } from './i18n.ts'
import { acceptInvitation, fetchInvitationPreview } from './invitations-api.ts'
import { type Message, renderMessage } from './message.ts'

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
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<Message | null>(null)
  const [isSubmitting, setIsSubmitting] = useState(false)
  const locale: UiLocale = isUiLocale(i18n.language) ? i18n.language : preview.locale
  const role = t(`role.${preview.role}`)
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
    const found = validate()
    setErrors(found)
    setFormError(null)
    if (Object.keys(found).length > 0) {
      setFormError({ key: 'invitation.errors.check' })
      return
    }
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

  const { errorIdOf, fieldError } = fieldErrorsView(id, errors, t)
  const describedBy = (field: FieldName, hint?: string) => joinIds(hint, errorIdOf(field))

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
          <div className="field">
            <label className="field-label" htmlFor={`${id}-name`}>
              {t('invitation.name')}
            </label>
            <input
              id={`${id}-name`}
              className="input"
              name="name"
              autoComplete="name"
              value={name}
              maxLength={200}
              onChange={(event) => {
                setName(event.target.value)
                setErrors({ ...errors, name: undefined })
              }}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={describedBy('name')}
              required
            />
            {fieldError('name')}
          </div>
        )}
        {/* Lets password managers file the new password under the right login. */}
        <input type="hidden" name="username" autoComplete="username" value={preview.email ?? ''} />
        <div className="field">
          <label className="field-label" htmlFor={`${id}-password`}>
            {t(isExisting ? 'invitation.existingPassword' : 'invitation.password')}
          </label>
          {isExisting ? null : (
            <p className="field-hint" id={`${id}-password-hint`}>
              {t('invitation.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            </p>
          )}
          <input
            id={`${id}-password`}
            className="input"
            type="password"
            name="password"
            autoComplete={isExisting ? 'current-password' : 'new-password'}
            value={password}
            maxLength={MAX_PASSWORD_LENGTH}
            onChange={(event) => {
              setPassword(event.target.value)
              setErrors({ ...errors, password: undefined })
            }}
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={describedBy('password', isExisting ? undefined : `${id}-password-hint`)}
            required
          />
          {fieldError('password')}
        </div>
        {isExisting ? null : (
          <div className="field">
            <label className="field-label" htmlFor={`${id}-password-confirm`}>
              {t('invitation.passwordConfirm')}
            </label>
            <input
              id={`${id}-password-confirm`}
              className="input"
              type="password"
              name="passwordConfirm"
              autoComplete="new-password"
              value={passwordConfirm}
              maxLength={MAX_PASSWORD_LENGTH}
              onChange={(event) => {
                setPasswordConfirm(event.target.value)
                setErrors({ ...errors, passwordConfirm: undefined })
              }}
              aria-invalid={errors.passwordConfirm ? true : undefined}
              aria-describedby={describedBy('passwordConfirm')}
              required
            />
            {fieldError('passwordConfirm')}
          </div>
        )}
        <fieldset className="fieldset" aria-describedby={`${id}-locale-hint`}>
          <legend className="field-label">{t('invitation.language')}</legend>
          <p className="field-hint" id={`${id}-locale-hint`}>
            {t('invitation.languageHint')}
          </p>
          <div className="invitation-locales">
            {WEB_LOCALES.map((option) => (
              <label key={option} className="invitation-locale" lang={option}>
                <input
                  type="radio"
                  name="locale"
                  value={option}
                  checked={locale === option}
                  onChange={() => props.onLocaleChange(option)}
                />
                {LOCALE_NATIVE_NAMES[option]}
              </label>
            ))}
          </div>
          {props.localeError ? (
            <p className="notice notice-error" role="alert">
              {describeError(props.localeError, t)}
            </p>
          ) : null}
        </fieldset>
        {preview.needsConsent ? (
          <div className="field">
            <label className="invitation-consent">
              <input
                type="checkbox"
                name="consent"
                checked={hasConsented}
                onChange={(event) => {
                  setHasConsented(event.target.checked)
                  setErrors({ ...errors, consent: undefined })
                }}
                aria-invalid={errors.consent ? true : undefined}
                aria-describedby={describedBy('consent', `${id}-consent-hint`)}
              />
              <span>{t('invitation.consent', { hub: preview.hubName })}</span>
            </label>
            <p className="field-hint" id={`${id}-consent-hint`}>
              {t('invitation.consentHint')}
            </p>
            {fieldError('consent')}
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
