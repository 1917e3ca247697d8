import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UiLocale } from '../domain/index.ts'
import { ApiError } from './api-client.ts'
import { AppLink } from './app-link.tsx'
import { registerCandidate } from './candidate-api.ts'
import { ConsentCheckbox } from './consent-checkbox.tsx'
import { errorMessage } from './describe-error.ts'
import { errorsFromIssues } from './form-field.tsx'
import { isUiLocale } from './i18n.ts'
import { LocaleRadioGroup } from './locale-radio-group.tsx'
import { type Message, renderMessage } from './message.ts'
import { TextField } from './text-field.tsx'
import { useFieldErrors } from './use-field-errors.tsx'

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
  const { setErrors, showErrors, clearError, errorPropsOf, editField } = useFieldErrors<FieldName>({
    isErrorFirst: true,
  })
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
    setIsEmailTaken(false)
    if (!showErrors(validate())) {
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
        <TextField
          id={`${id}-name`}
          label={t('signUp.name')}
          name="name"
          autoComplete="name"
          value={name}
          maxLength={200}
          onChange={editField('name', setName)}
          {...errorPropsOf('name')}
          isRequired
        />
        <TextField
          id={`${id}-email`}
          label={t('signUp.email')}
          type="email"
          name="email"
          autoComplete="email"
          value={email}
          maxLength={200}
          onChange={(value) => {
            setEmail(value)
            clearError('email')
            setIsEmailTaken(false)
          }}
          {...errorPropsOf('email')}
          isRequired
        />
        <TextField
          id={`${id}-password`}
          label={t('signUp.password')}
          type={isPasswordShown ? 'text' : 'password'}
          name="new-password"
          autoComplete="new-password"
          value={password}
          maxLength={128}
          onChange={editField('password', setPassword)}
          {...errorPropsOf('password', `${id}-password-hint`)}
          hint={{ id: `${id}-password-hint`, text: t('signUp.passwordHint', { min: MIN_PASSWORD_LENGTH }) }}
          besideInput={
            <button
              type="button"
              className="button button-secondary button-small"
              aria-pressed={isPasswordShown}
              aria-controls={`${id}-password`}
              onClick={() => setIsPasswordShown(!isPasswordShown)}
            >
              {isPasswordShown ? t('signUp.hidePassword') : t('signUp.showPassword')}
            </button>
          }
          isRequired
        />
        <LocaleRadioGroup
          legend={t('signUp.language')}
          hint={t('signUp.languageHint')}
          value={locale}
          onChange={props.onLocaleChange}
          rowClassName="choice-row"
          optionClassName="choice"
        />
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
          <ConsentCheckbox
            className="choice consent-choice"
            label={t('signUp.consent')}
            isChecked={hasConsent}
            onChange={(isChecked) => {
              setHasConsent(isChecked)
              clearError('consent')
            }}
            {...errorPropsOf('consent')}
            isRequired
          />
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
