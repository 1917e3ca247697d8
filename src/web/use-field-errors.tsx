import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { joinIds } from './form-field.tsx'
import { type Message, renderMessage } from './message.ts'

/**
 * A form's errors by field name, and how its inputs show them: the error text under a field (with an id
 * only while it is shown, so `aria-describedby` points only at what is there), the ids describing an
 * input (its hint and its error, the error first with `isErrorFirst`), the error props of a TextField,
 * and a change handler that clears the field's error as the user types.
 */
export function useFieldErrors<F extends string>(options: { readonly isErrorFirst?: boolean } = {}) {
  const { t } = useTranslation()
  const id = useId()
  const [errors, setErrors] = useState<Partial<Record<F, Message>>>({})

  const errorIdOf = (field: F) => (errors[field] ? `${id}-${field}-error` : undefined)
  const fieldError = (field: F) => {
    const message = errors[field]
    return message ? (
      <p className="field-error" id={`${id}-${field}-error`}>
        {renderMessage(message, t)}
      </p>
    ) : null
  }
  const describedBy = (field: F, hint?: string) =>
    options.isErrorFirst ? joinIds(errorIdOf(field), hint) : joinIds(hint, errorIdOf(field))
  const clearError = (field: F) => setErrors((current) => ({ ...current, [field]: undefined }))
  return {
    errors,
    setErrors,
    /** Shows the errors a form's own check found; true when it found none (the form may be sent). */
    showErrors: (found: Partial<Record<F, Message>>): boolean => {
      setErrors(found)
      return Object.keys(found).length === 0
    },
    fieldError,
    describedBy,
    clearError,
    /** The props of a TextField (or ConsentCheckbox) that show `field`'s error. */
    errorPropsOf: (field: F, hint?: string) => ({
      isInvalid: Boolean(errors[field]),
      describedBy: describedBy(field, hint),
      error: fieldError(field),
    }),
    /** A change handler that stores the value and clears the field's error. */
    editField: (field: F, set: (value: string) => void) => (value: string) => {
      set(value)
      clearError(field)
    },
  }
}
