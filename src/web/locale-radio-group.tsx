import type { ReactNode } from 'react'
import type { UiLocale } from '../domain/index.ts'
import { LOCALE_NATIVE_NAMES, WEB_LOCALES } from './i18n.ts'

/**
 * The interface languages as radio buttons, each named in itself (picking one switches the page at once).
 * With `hintId` the hint describes the whole group; `children` follow the options (a failed switch).
 */
export function LocaleRadioGroup(props: {
  readonly legend: string
  readonly hint: string
  readonly hintId?: string
  readonly value: UiLocale
  readonly onChange: (locale: UiLocale) => void
  readonly rowClassName: string
  readonly optionClassName: string
  readonly children?: ReactNode
}) {
  return (
    <fieldset className="fieldset" aria-describedby={props.hintId}>
      <legend className="field-label">{props.legend}</legend>
      <p className="field-hint" id={props.hintId}>
        {props.hint}
      </p>
      <div className={props.rowClassName}>
        {WEB_LOCALES.map((option) => (
          <label key={option} className={props.optionClassName} lang={option}>
            <input
              type="radio"
              name="locale"
              value={option}
              checked={props.value === option}
              onChange={() => props.onChange(option)}
            />
            {LOCALE_NATIVE_NAMES[option]}
          </label>
        ))}
      </div>
      {props.children}
    </fieldset>
  )
}
