import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from './api-client.ts'
import { describeError } from './describe-error.ts'
import type { ApiData } from './use-api-data.ts'

/** Shows a loading line, an error with a retry button, or the loaded content. */
export function AsyncView<T>(props: {
  readonly data: ApiData<T> & { reload: () => void }
  readonly children: (data: T) => ReactNode
}) {
  const { t } = useTranslation()
  const { data } = props
  if (data.status === 'loading') {
    return (
      <p className="notice notice-muted" role="status">
        {t('common.loading')}
      </p>
    )
  }
  if (data.status === 'error') {
    return (
      <div className="notice notice-error" role="alert">
        <span>{describeError(data.error, t)}</span>
        {data.error instanceof ApiError && data.error.status === 401 ? (
          <button type="button" className="button button-small" onClick={() => window.location.reload()}>
            {t('common.signInAgain')}
          </button>
        ) : (
          <button type="button" className="button button-small" onClick={data.reload}>
            {t('common.retry')}
          </button>
        )}
      </div>
    )
  }
  return <>{props.children(data.data)}</>
}
