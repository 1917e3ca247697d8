import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from './api-client.ts'
import { AppLink } from './app-link.tsx'
import { errorMessage } from './describe-error.ts'
import { type Message, renderMessage } from './message.ts'
import { askPasswordReset, fetchPasswordReset, resetPassword } from './privacy-api.ts'
import { TextField } from './text-field.tsx'

/** The first problem the server named for a field, as text. */
function issueText(error: unknown, field: string): string | null {
  if (!(error instanceof ApiError)) return null
  return error.issues.find((issue) => issue.path === `body.${field}`)?.message ?? null
}

/** `/reset-password`: asks for a reset link by e-mail. */
function RequestResetForm() {
  const { t } = useTranslation()
  const id = useId()
  const [email, setEmail] = useState('')
  const [isSent, setIsSent] = useState(false)
  const [error, setError] = useState<Message | null>(null)
  const [isSubmitting, setIsSubmitting] = useState(false)
  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!email.trim()) return setError({ key: 'passwordReset.emailMissing' })
    setIsSubmitting(true)
    setError(null)
    try {
      await askPasswordReset(email.trim())
      setIsSent(true)
    } catch (caught) {
      setError(errorMessage(caught))
    }
    setIsSubmitting(false)
  }
  if (isSent)
    return (
      <p className="notice notice-success" role="status" data-testid="reset-sent">
        {t('passwordReset.sent')}
      </p>
    )
  return (
    <form onSubmit={handleSubmit} noValidate>
      <p>{t('passwordReset.requestIntro')}</p>
      {error ? (
        <p className="notice notice-error" role="alert">
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
      <button type="submit" className="button button-block" disabled={isSubmitting}>
        {t('passwordReset.send')}
      </button>
    </form>
  )
}

/** `/reset-password/<token>`: chooses the new password. */
function NewPasswordForm(props: { readonly token: string }) {
  const { t } = useTranslation()
  const id = useId()
  const [link, setLink] = useState<{ status: string; email: string } | 'unknown' | null>(null)
  const [password, setPassword] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [error, setError] = useState<Message | null>(null)
  const [isDone, setIsDone] = useState(false)
  const [isSubmitting, setIsSubmitting] = useState(false)
  useEffect(() => {
    fetchPasswordReset(props.token).then(setLink, () => setLink('unknown'))
  }, [props.token])
  if (link === null)
    return (
      <p className="notice notice-muted" role="status">
        {t('common.loading')}
      </p>
    )
  if (link === 'unknown' || link.status !== 'valid')
    return (
      <p className="notice notice-error" role="alert" data-testid="reset-link-problem">
        {t(link === 'unknown' ? 'passwordReset.linkUnknown' : `passwordReset.link_${link.status}`)}{' '}
        <AppLink to="/reset-password">{t('passwordReset.askAgain')}</AppLink>
      </p>
    )
  if (isDone)
    return (
      <p className="notice notice-success" role="status" data-testid="reset-done">
        {t('passwordReset.done')} <AppLink to="/">{t('signUp.signIn')}</AppLink>
      </p>
    )
  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setIsSubmitting(true)
    setError(null)
    setFieldError(null)
    try {
      await resetPassword(props.token, password)
      setIsDone(true)
    } catch (caught) {
      const problem = issueText(caught, 'newPassword')
      if (problem) setFieldError(problem)
      else setError(errorMessage(caught))
    }
    setIsSubmitting(false)
  }
  return (
    <form onSubmit={handleSubmit} noValidate>
      <p>{t('passwordReset.chooseFor', { email: link.email })}</p>
      {error ? (
        <p className="notice notice-error" role="alert">
          {renderMessage(error, t)}
        </p>
      ) : null}
      <TextField
        id={`${id}-password`}
        label={t('passwordReset.newPassword')}
        type="password"
        name="new-password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        isRequired
        isInvalid={fieldError !== null}
        hint={{ id: `${id}-hint`, text: t('passwordReset.rules') }}
        describedBy={`${id}-hint`}
        error={fieldError ? <span data-testid="reset-password-error">{fieldError}</span> : null}
      />
      <button type="submit" className="button button-block" disabled={isSubmitting}>
        {t('passwordReset.save')}
      </button>
    </form>
  )
}

/** The public password-reset page: ask for a link, or (with a token) set the new password. */
export function ResetPasswordPage(props: { readonly token: string | null }) {
  const { t } = useTranslation()
  return (
    <section className="card sign-in-card" aria-labelledby="reset-password-title">
      <h1 id="reset-password-title" className="section-title">
        {t('passwordReset.title')}
      </h1>
      {props.token ? <NewPasswordForm token={props.token} /> : <RequestResetForm />}
    </section>
  )
}
