import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, signIn } from './api-client.ts'
import { AppLink } from './app-link.tsx'
import { errorMessage } from './describe-error.ts'
import { type Message, renderMessage } from './message.ts'
import { RESET_PASSWORD_PATH, SIGN_UP_PATH } from './navigation.ts'
import { TextField } from './text-field.tsx'

/** Email + password sign-in; wrong credentials and other failures are shown above the form. */
export function SignInPage(props: { readonly onSignedIn: () => Promise<void> }) {
  const { t } = useTranslation()
  const id = useId()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<Message | null>(null)
  const [isSubmitting, setIsSubmitting] = useState(false)

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!email.trim() || !password) {
      setError({ key: 'signIn.missing' })
      return
    }
    setIsSubmitting(true)
    setError(null)
    try {
      await signIn(email.trim(), password)
      await props.onSignedIn()
    } catch (caught) {
      if (caught instanceof ApiError && (caught.status === 401 || caught.status === 400)) {
        setError({ key: 'signIn.wrongCredentials' })
      } else {
        setError(errorMessage(caught))
      }
      setIsSubmitting(false)
    }
  }

  return (
    <div className="sign-in">
      <section className="sign-in-intro">
        <h1>{t('signIn.welcome')}</h1>
        <p className="lead">{t('signIn.intro')}</p>
      </section>
      <form className="card sign-in-card" onSubmit={handleSubmit} noValidate aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="section-title">
          {t('signIn.title')}
        </h2>
        {error ? (
          <p className="notice notice-error" role="alert" data-testid="sign-in-error">
            {renderMessage(error, t)}
          </p>
        ) : null}
        <TextField
          id={`${id}-email`}
          label={t('signIn.email')}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          isRequired
        />
        <TextField
          id={`${id}-password`}
          label={t('signIn.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          isRequired
        />
        <button type="submit" className="button button-block" disabled={isSubmitting}>
          {isSubmitting ? t('signIn.submitting') : t('signIn.submit')}
        </button>
        <p className="field-hint">
          <AppLink to={RESET_PASSWORD_PATH}>{t('signIn.forgotPassword')}</AppLink>
        </p>
        <p className="field-hint">{t('signIn.demoHint')}</p>
        <div className="sign-up-prompt" data-testid="sign-up-prompt">
          <p>{t('signUp.prompt')}</p>
          <AppLink to={SIGN_UP_PATH} className="button button-secondary button-block">
            {t('signUp.link')}
          </AppLink>
        </div>
      </form>
    </div>
  )
}
