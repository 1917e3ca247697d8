import { useCallback, useEffect, useRef, useState } from 'react'

/** The state of one API read. */
export type ApiData<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'ready'; readonly data: T }

/**
 * Loads data once per key and again on `reload()`; a late answer for an old key is dropped. A reload keeps
 * showing the loaded data until the new answer arrives, so the page (and its notices) stay in place.
 * `load` must be stable for a given key (the key is what triggers a new load).
 */
export function useApiData<T>(key: string, load: () => Promise<T>): ApiData<T> & { reload: () => void } {
  const [state, setState] = useState<ApiData<T>>({ status: 'loading' })
  const [version, setVersion] = useState(0)
  const loadedKey = useRef<string | null>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `load`
  useEffect(() => {
    let isCurrent = true
    setState((previous) =>
      previous.status === 'ready' && loadedKey.current === key ? previous : { status: 'loading' },
    )
    load().then(
      (data) => {
        if (!isCurrent) return
        loadedKey.current = key
        setState({ status: 'ready', data })
      },
      (error: unknown) => {
        if (isCurrent) setState({ status: 'error', error })
      },
    )
    return () => {
      isCurrent = false
    }
  }, [key, version])
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { ...state, reload }
}
