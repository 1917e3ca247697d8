import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UiLocale } from '../domain/index.ts'
import { ApiError } from './api-client.ts'
import { AppLink } from './app-link.tsx'
import { registerCandidate } from './candidate-api.ts'
import { errorMessage } from './describe-error.ts'
import { errorsFromIssues, fieldErrorsView, joinIds } from './form-field.tsx'
import { isUiLocale, LOCALE_NATIVE_NAMES, WEB_LOCALES } from './i18n.ts'
import { type Message, renderMessage } from './message.ts'

/** Shortest password the server accepts. */
const MIN_PASSWORD_LENGTH = 10

type FieldName = 'name' | 'email' | 'password' | 'consent'
type FieldErrors = Partial<Record<FieldName, Message>>

/** Which field an API issue path (`body.email`) is about. */
function fieldOfIssue(path: string): FieldName | null {
  const field = path.replace(/^body\./, '').split('.')[0]
  return field === 'name' || field === 'email' || field === 'password' || field === 'consent' ? field : null
}

/** The browser's time zone, if it names one the server accepts. */
function browserTimeZone(): string | undefined {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    return /^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/.test(zone) ? zone : undefined
  } catch {
    return undefined
  }
}

/**
 * Registration of a new candidate: name, e-mail, password, preferred language (it switches the page at
 * once) and consent to the processing of personal data, with the notice itself one click away.
 */
export function SignUpPage(props: {
  readonly onLocaleChange: (locale: UiLocale) => void
  readonly onSignedUp: () => Promise<void>
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [isPasswordShown, setIsPasswordShown] = useState(false)
  const [hasConsent, setHasConsent] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<Message | null>(null)
  const [isEmailTaken, setIsEmailTaken] = useState(false)
  const [isSubmitting, setIsSubmitting] = useState(false)
  const locale: UiLocale = isUiLocale(i18n.language) ? i18n.language : 'en'

  const validate = (): FieldErrors => {
    const found: FieldErrors = {}
    if (name.trim().length === 0) found.name = { key: 'signUp.errors.nameRequired' }
    else if (name.trim().length > 200) found.name = { key: 'signUp.errors.tooLong', values: { max: 200 } }
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())) found.email = { key: 'signUp.errors.emailInvalid' }
    if (password.length < MIN_PASSWORD_LENGTH)
      found.password = { key: 'signUp.errors.passwordShort', values: { min: MIN_PASSWORD_LENGTH } }
    else if (password.length > 128) found.password = { key: 'signUp.errors.tooLong', values: { max: 128 } }
    else if (password.trim().toLowerCase() === email.trim().toLowerCase())
      found.password = { key: 'signUp.errors.passwordIsEmail' }
    if (!hasConsent) found.consent = { key: 'signUp.errors.consentRequired' }
    return found
  }

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const found = validate()
    setErrors(found)
    setIsEmailTaken(false)
    if (Object.keys(found).length > 0) {
      setFormError({ key: 'signUp.errors.check' })
      return
    }
    setFormError(null)
    setIsSubmitting(true)
    try {
      const timeZone = browserTimeZone()
      const registered = await registerCandidate({
        name: name.trim(),
        email: email.trim(),
        password,
        locale,
        consent: true,
        ...(timeZone ? { timeZone } : {}),
      })
      if (!registered.isSignedIn) {
        setFormError({ key: 'signUp.createdSignIn' })
        setIsSubmitting(false)
        return
      }
      await props.onSignedUp()
    } catch (caught) {
      setIsSubmitting(false)
      if (caught instanceof ApiError && caught.status === 409) {
        setIsEmailTaken(true)
        setErrors({ email: { key: 'signUp.errors.emailTaken' } })
        setFormError({ key: 'signUp.errors.check' })
      } else if (caught instanceof ApiError && caught.issues.length > 0) {
        setErrors(errorsFromIssues(caught.issues, fieldOfIssue))
        setFormError({ key: 'signUp.errors.check' })
      } else {
        setFormError(errorMessage(caught))
      }
    }
  }

  const { errorIdOf, fieldError } = fieldErrorsView(id, errors, t)
  const describedBy = (field: FieldName, hint?: string) => joinIds(errorIdOf(field), hint)

  return (
    <div className="sign-in">
      <section className="sign-in-intro">
        <h1>{t('signUp.welcome')}</h1>
        <p className="lead">{t('signUp.intro')}</p>
        <ol className="sign-up-steps">
          <li>{t('signUp.stepProfile')}</li>
          <li>{t('signUp.stepApply')}</li>
          <li>{t('signUp.stepRank')}</li>
        </ol>
      </section>
      <form
        className="card sign-in-card"
        onSubmit={handleSubmit}
        noValidate
        aria-labelledby={`${id}-title`}
        data-testid="sign-up-form"
      >
        <h2 id={`${id}-title`} className="section-title">
          {t('signUp.title')}
        </h2>
        {formError ? (
          <p className="notice notice-error" role="alert" data-testid="sign-up-error">
            {renderMessage(formError, t)}
            {isEmailTaken ? <AppLink to="/">{t('signUp.signInInstead')}</AppLink> : null}
          </p>
        ) : null}
        <div className="field">
          <label className="field-label" htmlFor={`${id}-name`}>
            {t('signUp.name')}
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
        <div className="field">
          <label className="field-label" htmlFor={`${id}-email`}>
            {t('signUp.email')}
          </label>
          <input
            id={`${id}-email`}
            className="input"
            type="email"
            name="email"
            autoComplete="email"
            value={email}
            maxLength={200}
            onChange={(event) => {
              setEmail(event.target.value)
              setErrors({ ...errors, email: undefined })
              setIsEmailTaken(false)
            }}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy('email')}
            required
          />
          {fieldError('email')}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-password`}>
            {t('signUp.password')}
          </label>
          <div className="password-row">
            <input
              id={`${id}-password`}
              className="input"
              type={isPasswordShown ? 'text' : 'password'}
              name="new-password"
              autoComplete="new-password"
              value={password}
              maxLength={128}
              onChange={(event) => {
                setPassword(event.target.value)
                setErrors({ ...errors, password: undefined })
              }}
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={describedBy('password', `${id}-password-hint`)}
              required
            />
            <button
              type="button"
              className="button button-secondary button-small"
              aria-pressed={isPasswordShown}
              aria-controls={`${id}-password`}
              onClick={() => setIsPasswordShown(!isPasswordShown)}
            >
              {isPasswordShown ? t('signUp.hidePassword') : t('signUp.showPassword')}
            </button>
          </div>
          <p className="field-hint" id={`${id}-password-hint`}>
            {t('signUp.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          </p>
          {fieldError('password')}
        </div>
        <fieldset className="fieldset">
          <legend className="field-label">{t('signUp.language')}</legend>
          <p className="field-hint">{t('signUp.languageHint')}</p>
          <div className="choice-row">
            {WEB_LOCALES.map((option) => (
              <label key={option} className="choice" lang={option}>
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
        </fieldset>
        <div className="field consent-field">
          <details className="consent-notice">
            <summary>{t('signUp.noticeSummary')}</summary>
            <dl className="facts facts-compact">
              <div>
                <dt>{t('signUp.noticePurposeTitle')}</dt>
                <dd>{t('signUp.noticePurpose')}</dd>
              </div>
              <div>
                <dt>{t('signUp.noticeItemsTitle')}</dt>
                <dd>{t('signUp.noticeItems')}</dd>
              </div>
              <div>
                <dt>{t('signUp.noticeRecipientsTitle')}</dt>
                <dd>{t('signUp.noticeRecipients')}</dd>
              </div>
              <div>
                <dt>{t('signUp.noticeRetentionTitle')}</dt>
                <dd>{t('signUp.noticeRetention')}</dd>
              </div>
              <div>
                <dt>{t('signUp.noticeRightsTitle')}</dt>
                <dd>{t('signUp.noticeRights')}</dd>
              </div>
            </dl>
            <p className="muted">{t('signUp.noticeVersion', { version: '2026-11' })}</p>
          </details>
          <label className="choice consent-choice">
            <input
              type="checkbox"
              name="consent"
              checked={hasConsent}
              onChange={(event) => {
                setHasConsent(event.target.checked)
                setErrors({ ...errors, consent: undefined })
              }}
              aria-invalid={errors.consent ? true : undefined}
              aria-describedby={describedBy('consent')}
              required
            />
            <span>{t('signUp.consent')}</span>
          </label>
          {fieldError('consent')}
        </div>
        <button type="submit" className="button button-block" disabled={isSubmitting}>
          {isSubmitting ? t('signUp.submitting') : t('signUp.submit')}
        </button>
        <p className="field-hint">
          {t('signUp.haveAccount')} <AppLink to="/">{t('signUp.signIn')}</AppLink>
        </p>
      </form>
    </div>
  )
}
