import type {
  Application,
  CandidateInput,
  CvProfileSuggestion,
  OwnProfile,
  OwnProgramEligibility,
  UiLocale,
} from '../domain/index.ts'
import { requestApi } from './api-client.ts'

/** What registration answers. */
export interface Registration {
  readonly userId: string
  readonly candidateId: string
  readonly locale: UiLocale
  readonly isSignedIn: boolean
}

/** What a candidate gives to register. */
export interface RegistrationInput {
  readonly name: string
  readonly email: string
  readonly password: string
  readonly locale: UiLocale
  readonly consent: boolean
  readonly timeZone?: string
}

/** Registers a candidate and signs them in (the server sets the session cookie). */
export function registerCandidate(input: RegistrationInput): Promise<Registration> {
  return requestApi('POST', '/api/register/candidate', input)
}

/** The signed-in candidate's own profile with its completeness. */
export function fetchOwnProfile(): Promise<OwnProfile> {
  return requestApi('GET', '/api/me/candidate')
}

/** Saves fields of the signed-in candidate's own profile (fields left out keep their value). */
export function saveOwnProfile(patch: Partial<CandidateInput>): Promise<OwnProfile> {
  return requestApi('PATCH', '/api/me/candidate', patch)
}

/** Reads skills, languages, education and experience from a pasted CV (nothing is stored). */
export function extractFromCv(text: string): Promise<CvProfileSuggestion> {
  return requestApi('POST', '/api/me/cv/extract', { text })
}

/** The program's rules against the own profile, the application and the official verdict, in `locale`. */
export function fetchOwnProgramEligibility(
  programId: string,
  locale: string,
): Promise<OwnProgramEligibility> {
  return requestApi(
    'GET',
    `/api/me/programs/${encodeURIComponent(programId)}/eligibility-preview?locale=${encodeURIComponent(locale)}`,
  )
}

/** Applies to a program whose call is open. */
export function applyToProgram(programId: string, motivation: string): Promise<Application> {
  return requestApi('POST', '/api/me/applications', { programId, motivation })
}

/** Withdraws an application (allowed until rank lists freeze). */
export function withdrawApplication(applicationId: string): Promise<Application> {
  return requestApi('POST', `/api/me/applications/${encodeURIComponent(applicationId)}/withdraw`, {})
}

const APPLICATION_EVENT = 'ieum:application-changed'

/** Tells every part of the page that an application changed (apply, withdraw). */
export function announceApplicationChanged(programId: string): void {
  window.dispatchEvent(new CustomEvent(APPLICATION_EVENT, { detail: { programId } }))
}

/** Calls `listener` when an application changes; returns the unsubscribe function. */
export function onApplicationChanged(listener: (programId: string) => void): () => void {
  const handle = (event: Event) => listener((event as CustomEvent<{ programId: string }>).detail.programId)
  window.addEventListener(APPLICATION_EVENT, handle)
  return () => window.removeEventListener(APPLICATION_EVENT, handle)
}

const PROFILE_EVENT = 'ieum:profile-changed'

/** Tells every part of the page that the candidate's profile was saved (eligibility may have changed). */
export function announceProfileChanged(): void {
  window.dispatchEvent(new Event(PROFILE_EVENT))
}

/** Calls `listener` when the profile was saved; returns the unsubscribe function. */
export function onProfileChanged(listener: () => void): () => void {
  window.addEventListener(PROFILE_EVENT, listener)
  return () => window.removeEventListener(PROFILE_EVENT, listener)
}
