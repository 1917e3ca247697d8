import type { TFunction } from 'i18next'
import { ApiError } from './api-client.ts'
import { LOCALE_NATIVE_NAMES, LocaleLoadError } from './i18n.ts'
import { type Message, renderMessage } from './message.ts'

/** The translation key of a user-facing sentence for a failed request (or language file). */
export function errorMessage(error: unknown): Message {
  if (error instanceof LocaleLoadError)
    return { key: 'localeLoad.failed', values: { language: LOCALE_NATIVE_NAMES[error.locale] } }
  if (!(error instanceof ApiError)) return { key: 'error.unexpected' }
  if (error.status === 0) return { key: 'error.network' }
  if (error.code === 'INVALID_ORIGIN') return { key: 'error.invalidOrigin' }
  if (error.status === 401) return { key: 'error.sessionEnded' }
  if (error.status === 403) return { key: 'error.forbidden' }
  if (error.status === 404) return { key: 'error.notFound' }
  if (error.status === 429) return { key: 'error.rateLimited' }
  if (error.status === 400) return { key: 'error.invalid' }
  return { key: 'error.server' }
}

/** A user-facing sentence for a failed request, in the current language. */
export function describeError(error: unknown, t: TFunction): string {
  return renderMessage(errorMessage(error), t)
}
