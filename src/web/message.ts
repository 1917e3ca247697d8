import type { TFunction } from 'i18next'

/**
 * Something to tell the user, kept untranslated until it is shown so that it follows a language switch:
 * a translation key with its values, or text the server wrote.
 */
export type Message =
  | { readonly key: string; readonly values?: Readonly<Record<string, string | number>> }
  | { readonly text: string }

/** The message in the current language. */
export function renderMessage(message: Message, t: TFunction): string {
  return 'text' in message ? message.text : t(message.key, message.values)
}
