import type { AppErrorIssue, UiLocale } from '../domain/index.ts'
import { isUiLocale, LOCALE_NATIVE_NAMES, WEB_LOCALES } from './i18n.ts'
import type { Message } from './message.ts'

/** The ids an input is described by, in the given order, without the missing ones (undefined when none). */
export function joinIds(...ids: readonly (string | null | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined
}

/** The server's issues as field errors: the first issue of each field `fieldOf` places, in its own words. */
export function errorsFromIssues<F extends string>(
  issues: readonly AppErrorIssue[],
  fieldOf: (path: string) => F | null,
): Partial<Record<F, Message>> {
  const found: Partial<Record<F, Message>> = {}
  for (const issue of issues) {
    const field = fieldOf(issue.path)
    if (field && !found[field]) found[field] = { text: issue.message }
  }
  return found
}

/** A language picker for a message to someone else: "automatic" (empty) or one of the interface languages. */
export function LocaleSelect(props: {
  readonly id: string
  readonly label: string
  readonly autoLabel: string
  readonly value: UiLocale | ''
  readonly onChange: (locale: UiLocale | '') => void
  readonly testId: string
}) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={props.id}>
        {props.label}
      </label>
      <select
        id={props.id}
        className="input"
        value={props.value}
        onChange={(event) => props.onChange(isUiLocale(event.target.value) ? event.target.value : '')}
        data-testid={props.testId}
      >
        <option value="">{props.autoLabel}</option>
        {WEB_LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NATIVE_NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  )
}
