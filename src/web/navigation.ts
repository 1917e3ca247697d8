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
  if (path === window.location.pathname + window.location.search) return
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
  | { readonly name: 'people' }
  | { readonly name: 'invite'; readonly token: string }
  | { readonly name: 'company-ranking'; readonly programId: string; readonly positionId: string | null }
  | { readonly name: 'company-results'; readonly programId: string }
  | { readonly name: 'programNew' }
  | { readonly name: 'programEdit'; readonly programId: string }
  | { readonly name: 'imports'; readonly programId: string | null }
  | { readonly name: 'programEligibility'; readonly programId: string }
  | {
      readonly name: 'runCompare'
      readonly programId: string
      readonly baseRunId: string
      readonly otherRunId: string
    }
  | { readonly name: 'outbox' }
  | { readonly name: 'reset-password'; readonly token: string | null }
  | { readonly name: 'privacyRequests' }

/** Reads a route from a path; anything unknown shows the home page. */
export function matchRoute(path: string): Route {
  if (/^\/programs\/new\/?$/.test(path)) return { name: 'programNew' }
  if (/^\/imports\/?$/.test(path)) return { name: 'imports', programId: null }
  const edit = /^\/programs\/([^/]+)\/edit\/?$/.exec(path)
  if (edit?.[1]) return { name: 'programEdit', programId: decodeURIComponent(edit[1]) }
  const imports = /^\/programs\/([^/]+)\/import\/?$/.exec(path)
  if (imports?.[1]) return { name: 'imports', programId: decodeURIComponent(imports[1]) }
  if (/^\/people\/?$/.test(path)) return { name: 'people' }
  const invite = /^\/invite\/([^/]*)\/?$/.exec(path)
  // A token is base64url: nothing to decode (and a stray % must not throw).
  if (invite) return { name: 'invite', token: invite[1] ?? '' }
  const ranking = /^\/programs\/([^/]+)\/company-ranking(?:\/([^/]+))?\/?$/.exec(path)
  if (ranking?.[1]) {
    return {
      name: 'company-ranking',
      programId: decodeURIComponent(ranking[1]),
      positionId: ranking[2] ? decodeURIComponent(ranking[2]) : null,
    }
  }
  const results = /^\/programs\/([^/]+)\/company-results\/?$/.exec(path)
  if (results?.[1]) return { name: 'company-results', programId: decodeURIComponent(results[1]) }
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
  const reset = /^\/reset-password(?:\/([A-Za-z0-9_-]*))?\/?$/.exec(path)
  if (reset) return { name: 'reset-password', token: reset[1] || null }
  if (/^\/privacy-requests\/?$/.test(path)) return { name: 'privacyRequests' }
  if (/^\/notifications\/?$/.test(path)) return { name: 'notifications' }
  if (/^\/sign-up\/?$/.test(path)) return { name: 'sign-up' }
  // Last: a program page, optionally with a section to scroll to (after the named sub-pages above).
  const program = /^\/programs\/([^/]+)(?:\/([a-z-]+))?\/?$/.exec(path)
  if (program?.[1]) {
    const programId = decodeURIComponent(program[1])
    return program[2] ? { name: 'program', programId, section: program[2] } : { name: 'program', programId }
  }
  return { name: 'home' }
}

/** The path of the notifications page. */
export const NOTIFICATIONS_PATH = '/notifications'
/** The path of the page that mails a password-reset link. */
export const RESET_PASSWORD_PATH = '/reset-password'
/** The path of the operators' data-subject requests page. */
export const PRIVACY_REQUESTS_PATH = '/privacy-requests'
/** The path of the candidate sign-up page. */
export const SIGN_UP_PATH = '/sign-up'

/** The path of the form that creates a program. */
export const NEW_PROGRAM_PATH = '/programs/new'

/** The path of a program's set-up form. */
export function programEditPath(programId: string): string {
  return `/programs/${encodeURIComponent(programId)}/edit`
}

/** The path of the import screen, for the hub or into one program. */
export function importPath(programId: string | null = null): string {
  return programId === null ? '/imports' : `/programs/${encodeURIComponent(programId)}/import`
}

/** The path of a program's page. */
export function programPath(programId: string): string {
  return `/programs/${encodeURIComponent(programId)}`
}

/** The People page (operators; company members see their own company's people). */
export const PEOPLE_PATH = '/people'
const companyQuery = (companyId: string | null) =>
  companyId ? `?company=${encodeURIComponent(companyId)}` : ''

/**
 * The path of a company's rank list in a program: for all its positions, or one position's own list. Without
 * a company the page takes the viewer's own company in the program.
 */
export function companyRankingPath(
  programId: string,
  positionId: string | null = null,
  companyId: string | null = null,
): string {
  const base = `${programPath(programId)}/company-ranking`
  return `${positionId ? `${base}/${encodeURIComponent(positionId)}` : base}${companyQuery(companyId)}`
}

/** The path of a company's results in a program (notifications link here, without a company). */
export function companyResultsPath(programId: string, companyId: string | null = null): string {
  return `${programPath(programId)}/company-results${companyQuery(companyId)}`
}

/** A company chosen by `?company=` (operators working for a company, members of several), or null. */
export function readCompanyParameter(): string | null {
  return new URLSearchParams(window.location.search).get('company')
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
