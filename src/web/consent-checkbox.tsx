import type { ReactNode } from 'react'
import type { FieldHint } from './text-field.tsx'

/** The checkbox by which a person consents to the processing of their data, with its hint and error. */
export function ConsentCheckbox(props: {
  readonly className: string
  readonly label: string
  readonly isChecked: boolean
  readonly onChange: (isChecked: boolean) => void
  readonly isInvalid: boolean
  readonly describedBy: string | undefined
  readonly hint?: FieldHint
  /** The field's error text (from `useFieldErrors`), under everything else. */
  readonly error: ReactNode
  readonly isRequired?: boolean
}) {
  return (
    <>
      <label className={props.className}>
        <input
          type="checkbox"
          name="consent"
          checked={props.isChecked}
          onChange={(event) => props.onChange(event.target.checked)}
          aria-invalid={props.isInvalid ? true : undefined}
          aria-describedby={props.describedBy}
          required={props.isRequired}
        />
        <span>{props.label}</span>
      </label>
      {props.hint ? (
        <p className="field-hint" id={props.hint.id}>
          {props.hint.text}
        </p>
      ) : null}
      {props.error}
    </>
  )
}
