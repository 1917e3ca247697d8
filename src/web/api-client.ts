import type {
  AppErrorIssue,
  Application,
  Candidate,
  Company,
  Position,
  Program,
  ProgramPhase,
  Role,
  RoleGrant,
  SkillLevelEntry,
  UiLocale,
} from '../domain/index.ts'

/** The signed-in user as `GET /api/me` answers. */
export interface Me {
  readonly userId: string
  readonly email: string
  readonly name: string
  readonly locale: UiLocale | null
  readonly grants: readonly RoleGrant[]
  readonly hub: { readonly id: string; readonly name: string; readonly slug: string } | null
  readonly companies: readonly { readonly id: string; readonly name: string }[]
}

/** A program with the counts its list shows. */
export interface ProgramOverview extends Program {
  readonly companyCount: number
  readonly positionCount: number
  readonly seatCount: number
  readonly applicationCount: number
}

/** A position as offered in a program. */
export interface ProgramPosition extends Position {
  readonly seats: number
  readonly companyName: string
}

/** An application with the applicant's summary, as operators, reviewers and companies see it. */
export interface ProgramApplication extends Application {
  readonly fullName: string
  readonly nationality: string
  readonly residenceCountry: string
  readonly skills: readonly SkillLevelEntry[]
}

/** One of the signed-in candidate's applications. */
export interface OwnApplication extends Application {
  readonly programTitle: string
  readonly programPhase: ProgramPhase
}

/** The fields of their own profile a candidate edits in the UI. */
export type CandidatePatch = Partial<Pick<Candidate, 'city' | 'hoursPerWeek' | 'skills'>>

/** An error answer from the API (`{ error: { code, message, issues? } }`) or a network failure. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly issues: readonly AppErrorIssue[]

  constructor(status: number, code: string, message: string, issues: readonly AppErrorIssue[] = []) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.issues = issues
  }
}

/** Reads the error body whatever its shape: ours (`{ error: {...} }`) or better-auth's (`{ code, message }`). */
function toApiError(status: number, body: unknown): ApiError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  const inner =
    typeof record.error === 'object' && record.error !== null
      ? (record.error as Record<string, unknown>)
      : record
  const code = typeof inner.code === 'string' ? inner.code : `http_${status}`
  const message = typeof inner.message === 'string' ? inner.message : `HTTP ${status}`
  const issues = Array.isArray(inner.issues) ? (inner.issues as AppErrorIssue[]) : []
  return new ApiError(status, code, message, issues)
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : 'network error')
  }
  const text = await response.text()
  let parsed: unknown = null
  if (text.length > 0) {
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = null
    }
  }
  if (!response.ok) throw toApiError(response.status, parsed)
  return parsed as T
}

/** Signs in with email and password; the session cookie is set by the server. */
export async function signIn(email: string, password: string): Promise<void> {
  await request('POST', '/api/auth/sign-in/email', { email, password })
}

/** Ends the session. */
export async function signOut(): Promise<void> {
  await request('POST', '/api/auth/sign-out', {})
}

/** The signed-in user, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await request<Me>('GET', '/api/me')
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}

/** Saves the user's interface language. */
export async function saveLocale(locale: UiLocale): Promise<void> {
  await request('PUT', '/api/me/locale', { locale })
}

/** Programs the user takes part in. */
export function fetchPrograms(): Promise<ProgramOverview[]> {
  return request('GET', '/api/programs')
}

/** One program. */
export function fetchProgram(programId: string): Promise<ProgramOverview> {
  return request('GET', `/api/programs/${encodeURIComponent(programId)}`)
}

/** The positions offered in a program. */
export function fetchProgramPositions(programId: string): Promise<ProgramPosition[]> {
  return request('GET', `/api/programs/${encodeURIComponent(programId)}/positions`)
}

/** A program's applications (operators, reviewers, companies). */
export function fetchProgramApplications(programId: string): Promise<ProgramApplication[]> {
  return request('GET', `/api/programs/${encodeURIComponent(programId)}/applications`)
}

/** Companies the user may see. */
export function fetchCompanies(): Promise<Company[]> {
  return request('GET', '/api/companies')
}

/** A company's positions. */
export function fetchCompanyPositions(companyId: string): Promise<Position[]> {
  return request('GET', `/api/companies/${encodeURIComponent(companyId)}/positions`)
}

/** The signed-in candidate's own profile. */
export function fetchOwnCandidate(): Promise<Candidate> {
  return request('GET', '/api/me/candidate')
}

/** Changes fields of the signed-in candidate's own profile. */
export function updateOwnCandidate(patch: CandidatePatch): Promise<Candidate> {
  return request('PATCH', '/api/me/candidate', patch)
}

/** The signed-in candidate's applications. */
export function fetchOwnApplications(): Promise<OwnApplication[]> {
  return request('GET', '/api/me/applications')
}

/** The role a user's home page is built for when they hold several. */
export function primaryRoleOf(me: Me): Role | null {
  const order: readonly Role[] = ['operator', 'reviewer', 'company', 'candidate']
  return order.find((role) => me.grants.some((grant) => grant.role === role)) ?? null
}
