import type {
  AppErrorIssue,
  Application,
  Candidate,
  CandidateRoundResult,
  Company,
  MatchRunSummary,
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

/**
 * Calls the JSON API with the session cookie; a non-2xx answer throws an ApiError. Feature modules
 * (`src/web/*-api.ts`) build their calls on it.
 */
export async function requestApi<T>(method: string, path: string, body?: unknown): Promise<T> {
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
  await requestApi('POST', '/api/auth/sign-in/email', { email, password })
}

/** Ends the session. */
export async function signOut(): Promise<void> {
  await requestApi('POST', '/api/auth/sign-out', {})
}

/** The signed-in user, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await requestApi<Me>('GET', '/api/me')
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null
    throw error
  }
}

/** Saves the user's interface language. */
export async function saveLocale(locale: UiLocale): Promise<void> {
  await requestApi('PUT', '/api/me/locale', { locale })
}

/** Programs the user takes part in. */
export function fetchPrograms(): Promise<ProgramOverview[]> {
  return requestApi('GET', '/api/programs')
}

/** One program. */
export function fetchProgram(programId: string): Promise<ProgramOverview> {
  return requestApi('GET', `/api/programs/${encodeURIComponent(programId)}`)
}

/** The positions offered in a program. */
export function fetchProgramPositions(programId: string): Promise<ProgramPosition[]> {
  return requestApi('GET', `/api/programs/${encodeURIComponent(programId)}/positions`)
}

/** A program's applications (operators, reviewers, companies). */
export function fetchProgramApplications(programId: string): Promise<ProgramApplication[]> {
  return requestApi('GET', `/api/programs/${encodeURIComponent(programId)}/applications`)
}

/** Companies the user may see. */
export function fetchCompanies(): Promise<Company[]> {
  return requestApi('GET', '/api/companies')
}

/** A company's positions. */
export function fetchCompanyPositions(companyId: string): Promise<Position[]> {
  return requestApi('GET', `/api/companies/${encodeURIComponent(companyId)}/positions`)
}

/** The signed-in candidate's own profile. */
export function fetchOwnCandidate(): Promise<Candidate> {
  return requestApi('GET', '/api/me/candidate')
}

/** Changes fields of the signed-in candidate's own profile. */
export function updateOwnCandidate(patch: CandidatePatch): Promise<Candidate> {
  return requestApi('PATCH', '/api/me/candidate', patch)
}

/** The signed-in candidate's applications. */
export function fetchOwnApplications(): Promise<OwnApplication[]> {
  return requestApi('GET', '/api/me/applications')
}

/** The role a user's home page is built for when they hold several. */
export function primaryRoleOf(me: Me): Role | null {
  const order: readonly Role[] = ['operator', 'reviewer', 'company', 'candidate']
  return order.find((role) => me.grants.some((grant) => grant.role === role)) ?? null
}

/** The signed-in candidate's rank list of a program's positions (best first). */
export interface CandidateRanking {
  readonly entries: readonly string[]
  readonly isFrozen: boolean
  readonly updatedAt: string | null
  readonly mechanism: string
}

/** A recommended position with its fit explanation, already written in the asked language. */
export interface PositionRecommendation {
  readonly positionId: string
  readonly title: string
  readonly companyId: string
  readonly score: number
  readonly text: FitExplanationText
}

const programUrl = (programId: string) => `/api/programs/${encodeURIComponent(programId)}`
const ownProgramUrl = (programId: string) => `/api/me/programs/${encodeURIComponent(programId)}`
const runUrl = (runId: string) => `/api/match-runs/${encodeURIComponent(runId)}`

/** The signed-in candidate's rank list in a program. */
export function fetchOwnRanking(programId: string): Promise<CandidateRanking> {
  return requestApi('GET', `${ownProgramUrl(programId)}/ranking`)
}

/** Saves the signed-in candidate's rank list (position ids, best first). */
export function saveOwnRanking(programId: string, entries: readonly string[]): Promise<CandidateRanking> {
  return requestApi('PUT', `${ownProgramUrl(programId)}/ranking`, { entries })
}

/** Positions recommended to the signed-in candidate, explained in `locale`. */
export function fetchOwnRecommendations(
  programId: string,
  locale: string,
): Promise<PositionRecommendation[]> {
  return requestApi('GET', `${ownProgramUrl(programId)}/recommendations?locale=${encodeURIComponent(locale)}`)
}

/** A fit explanation already written in the asked language: headline, hard-filter reasons, components. */
export interface FitExplanationText {
  readonly headline: string
  readonly exclusions: readonly string[]
  readonly components: readonly {
    readonly component: string
    readonly label: string
    readonly points: number
    readonly weight: number
    readonly lines: readonly string[]
  }[]
}

/** One recommended candidate for a position; `score` is the fit from 0 to 100. */
export interface CandidateRecommendation {
  readonly candidateId: string
  readonly fullName: string
  readonly nationality: string
  readonly residenceCountry: string
  readonly score: number
  readonly text: FitExplanationText
}

/** A position's recommended shortlist, best first. */
export interface PositionShortlist {
  readonly positionId: string
  readonly positionTitle: string
  readonly shortlist: readonly CandidateRecommendation[]
}

/** One skill's supply (applicants offering it) against demand (seats requiring or preferring it). */
export interface SkillSupplyDemandRow {
  readonly skill: string
  readonly label: Readonly<Record<UiLocale, string>>
  readonly supply: number
  readonly demand: number
  readonly preferredDemand: number
  readonly gap: number
}

/** The best `k` candidates for a position (operators, reviewers, the position's company), explained in `locale`. */
export function fetchPositionShortlist(
  programId: string,
  positionId: string,
  k: number,
  locale: string,
): Promise<PositionShortlist> {
  const query = `k=${k}&locale=${encodeURIComponent(locale)}`
  return requestApi(
    'GET',
    `${programUrl(programId)}/positions/${encodeURIComponent(positionId)}/recommendations?${query}`,
  )
}

/** A program's skill supply/demand table, largest gap first (operators, reviewers). */
export function fetchSkillSupplyDemand(programId: string): Promise<SkillSupplyDemandRow[]> {
  return requestApi('GET', `${programUrl(programId)}/skill-supply-demand`)
}

/** The signed-in candidate's published results in a program, round by round. */
export function fetchOwnResults(programId: string): Promise<CandidateRoundResult[]> {
  return requestApi('GET', `${ownProgramUrl(programId)}/results`)
}

/** Accepts or declines an offered placement. */
export function respondToPlacement(placementId: string, decision: 'accept' | 'decline'): Promise<unknown> {
  return requestApi('POST', `/api/me/placements/${encodeURIComponent(placementId)}/response`, { decision })
}

/** Moves a program to another phase (operators). */
export function updateProgramPhase(programId: string, phase: ProgramPhase): Promise<ProgramOverview> {
  return requestApi('PATCH', programUrl(programId), { phase })
}

/** A program's match runs, newest first (operators). */
export function fetchMatchRuns(programId: string): Promise<MatchRunSummary[]> {
  return requestApi('GET', `${programUrl(programId)}/match-runs`)
}

/** Runs a draft match (operators); without a mechanism the program's own is used. */
export function createMatchRun(programId: string, mechanism?: string): Promise<MatchRunSummary> {
  return requestApi('POST', `${programUrl(programId)}/match-runs`, mechanism ? { mechanism } : {})
}

/** Publishes a draft run: candidates and companies see its results. */
export function publishMatchRun(runId: string): Promise<MatchRunSummary> {
  return requestApi('POST', `${runUrl(runId)}/publish`, {})
}

/** Solves a run's stored market again and says whether the result is byte-identical. */
export function rerunMatchRun(runId: string): Promise<{ readonly isIdentical: boolean }> {
  return requestApi('POST', `${runUrl(runId)}/rerun`, {})
}

/** Where a run's market file downloads from. */
export function matchRunMarketUrl(runId: string): string {
  return `${runUrl(runId)}/market.json`
}
