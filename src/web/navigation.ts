import { useSyncExternalStore } from 'react'

/** Client-side navigation over the History API; the server answers every non-API path with index.html. */

const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}

function readPath(): string {
  return window.location.pathname
}

/** Goes to a path inside the app without reloading the page. */
export function navigateTo(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname) return
  if (options.replace) window.history.replaceState(null, '', path)
  else window.history.pushState(null, '', path)
  window.scrollTo(0, 0)
  for (const listener of listeners) listener()
}

/** The current path; re-renders when it changes. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, readPath)
}

/** What a path shows. `section` names a part of a program's page to scroll to (notification links). */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'program'; readonly programId: string; readonly section?: string }
  | { readonly name: 'notifications' }
  | { readonly name: 'sign-up' }

/** Reads a route from a path; anything unknown shows the home page. */
export function matchRoute(path: string): Route {
  const program = /^\/programs\/([^/]+)(?:\/([a-z-]+))?\/?$/.exec(path)
  if (program?.[1]) {
    const programId = decodeURIComponent(program[1])
    return program[2] ? { name: 'program', programId, section: program[2] } : { name: 'program', programId }
  }
  if (/^\/notifications\/?$/.test(path)) return { name: 'notifications' }
  if (/^\/sign-up\/?$/.test(path)) return { name: 'sign-up' }
  return { name: 'home' }
}

/** The path of the notifications page. */
export const NOTIFICATIONS_PATH = '/notifications'
/** The path of the candidate sign-up page. */
export const SIGN_UP_PATH = '/sign-up'

/** The path of a program's page. */
export function programPath(programId: string): string {
  return `/programs/${encodeURIComponent(programId)}`
}
