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

/** What a path shows. */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'program'; readonly programId: string }
  | { readonly name: 'people' }
  | { readonly name: 'invite'; readonly token: string }

/** Reads a route from a path; anything unknown shows the home page. */
export function matchRoute(path: string): Route {
  const program = /^\/programs\/([^/]+)\/?$/.exec(path)
  if (program?.[1]) return { name: 'program', programId: decodeURIComponent(program[1]) }
  if (/^\/people\/?$/.test(path)) return { name: 'people' }
  const invite = /^\/invite\/([^/]*)\/?$/.exec(path)
  // A token is base64url: nothing to decode (and a stray % must not throw).
  if (invite) return { name: 'invite', token: invite[1] ?? '' }
  return { name: 'home' }
}

/** The path of a program's page. */
export function programPath(programId: string): string {
  return `/programs/${encodeURIComponent(programId)}`
}

/** The People page (operators; company members see their own company's people). */
export const PEOPLE_PATH = '/people'
