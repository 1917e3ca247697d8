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
  | { readonly name: 'programEligibility'; readonly programId: string }
  | {
      readonly name: 'runCompare'
      readonly programId: string
      readonly baseRunId: string
      readonly otherRunId: string
    }
  | { readonly name: 'outbox' }

/** Reads a route from a path; anything unknown shows the home page. */
export function matchRoute(path: string): Route {
  const program = /^\/programs\/([^/]+)\/?$/.exec(path)
  if (program?.[1]) return { name: 'program', programId: decodeURIComponent(program[1]) }
  const eligibility = /^\/programs\/([^/]+)\/eligibility\/?$/.exec(path)
  if (eligibility?.[1]) return { name: 'programEligibility', programId: decodeURIComponent(eligibility[1]) }
  const compare = /^\/programs\/([^/]+)\/compare\/([^/]+)\/([^/]+)\/?$/.exec(path)
  if (compare?.[1] && compare[2] && compare[3])
    return {
      name: 'runCompare',
      programId: decodeURIComponent(compare[1]),
      baseRunId: decodeURIComponent(compare[2]),
      otherRunId: decodeURIComponent(compare[3]),
    }
  if (/^\/outbox\/?$/.test(path)) return { name: 'outbox' }
  return { name: 'home' }
}

/** The path of a program's page. */
export function programPath(programId: string): string {
  return `/programs/${encodeURIComponent(programId)}`
}

/** The path of a program's eligibility screen (operators). */
export function programEligibilityPath(programId: string): string {
  return `${programPath(programId)}/eligibility`
}

/** The path of the what-if view comparing two runs of a program (operators). */
export function runComparePath(programId: string, baseRunId: string, otherRunId: string): string {
  return `${programPath(programId)}/compare/${encodeURIComponent(baseRunId)}/${encodeURIComponent(otherRunId)}`
}

/** The path of the hub's e-mail outbox (operators). */
export const OUTBOX_PATH = '/outbox'
