import type { ReactNode } from 'react'

/** A hint tied to its input by id; `isAbove` puts it between the label and the input (read first). */
export interface FieldHint {
  readonly id: string
  readonly text: string
  readonly isAbove?: boolean
}

/**
 * A labelled one-line input (text, e-mail or password) with its hint and error. The form keeps the value
 * and the errors; `describedBy` is the form's choice of ids and their order (see `useFieldErrors`).
 */
export function TextField(props: {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly name: string
  readonly autoComplete: string
  readonly type?: 'text' | 'email' | 'password'
  readonly maxLength?: number
  readonly isRequired?: boolean
  readonly isInvalid?: boolean
  readonly describedBy?: string | undefined
  readonly hint?: FieldHint | undefined
  /** The field's error text (from `useFieldErrors`), under everything else. */
  readonly error?: ReactNode
  /** A control on the input's row, such as a show-password button. */
  readonly besideInput?: ReactNode
  readonly testId?: string
}) {
  const { hint } = props
  const hintText = hint ? (
    <p className="field-hint" id={hint.id}>
      {hint.text}
    </p>
  ) : null
  const input = (
    <input
      id={props.id}
      className="input"
      type={props.type}
      name={props.name}
      autoComplete={props.autoComplete}
      value={props.value}
      maxLength={props.maxLength}
      onChange={(event) => props.onChange(event.target.value)}
      aria-invalid={props.isInvalid ? true : undefined}
      aria-describedby={props.describedBy}
      data-testid={props.testId}
      required={props.isRequired}
    />
  )
  return (
    <div className="field">
      <label className="field-label" htmlFor={props.id}>
        {props.label}
      </label>
      {hint?.isAbove ? hintText : null}
      {props.besideInput ? (
        <div className="password-row">
          {input}
          {props.besideInput}
        </div>
      ) : (
        input
      )}
      {hint?.isAbove ? null : hintText}
      {props.error}
    </div>
  )
}
