import { useTranslation } from 'react-i18next'
import { describeError } from './describe-error.ts'
import { type Message, renderMessage } from './message.ts'

/** What an action came to: done, refused for a reason the user can act on, or failed. */
export type ActionOutcome =
  | { readonly kind: 'success' | 'refused'; readonly message: Message }
  | { readonly kind: 'error'; readonly error: unknown }

/** The notice for an action's outcome: a success as a status, a refusal or a failure as an alert. */
export function OutcomeNotice(props: { readonly outcome: ActionOutcome | null }) {
  const { t } = useTranslation()
  const { outcome } = props
  if (!outcome) return null
  if (outcome.kind === 'success')
    return (
      <p className="notice notice-success" role="status">
        {renderMessage(outcome.message, t)}
      </p>
    )
  return (
    <p className="notice notice-error" role="alert">
      {outcome.kind === 'error' ? describeError(outcome.error, t) : renderMessage(outcome.message, t)}
    </p>
  )
}
