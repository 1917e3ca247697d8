import type { TFunction } from 'i18next'
import { ApiError } from './api-client.ts'

/** A user-facing sentence for a failed request, in the current language. */
export function describeError(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('error.unexpected')
  if (error.status === 0) return t('error.network')
  if (error.code === 'INVALID_ORIGIN') return t('error.invalidOrigin')
  if (error.status === 401) return t('error.sessionEnded')
  if (error.status === 403) return t('error.forbidden')
  if (error.status === 404) return t('error.notFound')
  if (error.status === 429) return t('error.rateLimited')
  if (error.status === 400) return t('error.invalid')
  return t('error.server')
}
