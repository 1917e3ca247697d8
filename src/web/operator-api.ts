import type {
  ApplicationEligibility,
  EligibilityCheckSummary,
  EligibilityRule,
  EligibilityRulesPreview,
  LocalizedEligibilityRule,
  LocalizedEligibilityVerdict,
  MatchRunSummary,
  OfferSummary,
  ProgramPhase,
  RunAssignments,
  RunComparison,
  UiLocale,
} from '../domain/index.ts'
import { type ProgramOverview, requestApi } from './api-client.ts'

// The operator's screens (eligibility, what-if compare, second round, outbox) and the candidate's own
// verdict: their API calls and answer types, beside the shared request helper.

const programUrl = (programId: string) => `/api/programs/${encodeURIComponent(programId)}`
const runUrl = (runId: string) => `/api/match-runs/${encodeURIComponent(runId)}`
const localeQuery = (locale: string) => `locale=${encodeURIComponent(locale)}`

/** A program's rules as `GET/PUT …/eligibility-rules` answer. */
export interface ProgramRules {
  readonly programId: string
  readonly locale: UiLocale
  readonly rules: readonly LocalizedEligibilityRule[]
}

/** One application's eligibility, as operators and reviewers see it (its reasons in the asked language). */
export type DescribedApplicationEligibility = Omit<ApplicationEligibility, 'verdict'> & {
  readonly verdict: LocalizedEligibilityVerdict | null
}

/** The answer of a rule-set preview: the sentences and the effect. */
export interface RulesPreview {
  readonly rules: readonly LocalizedEligibilityRule[]
  readonly impact: EligibilityRulesPreview
}

/** A program's eligibility rules with their sentences. */
export function fetchEligibilityRules(programId: string, locale: string): Promise<ProgramRules> {
  return requestApi('GET', `${programUrl(programId)}/eligibility-rules?${localeQuery(locale)}`)
}

/** Replaces a program's rules (operators). */
export function saveEligibilityRules(
  programId: string,
  rules: readonly EligibilityRule[],
  locale: string,
): Promise<ProgramRules> {
  return requestApi('PUT', `${programUrl(programId)}/eligibility-rules?${localeQuery(locale)}`, { rules })
}

/** Sentences and effect of a draft rule set; stores nothing (operators). */
export function previewEligibilityRules(
  programId: string,
  rules: readonly EligibilityRule[],
  locale: string,
): Promise<RulesPreview> {
  return requestApi('POST', `${programUrl(programId)}/eligibility-rules/preview?${localeQuery(locale)}`, {
    rules,
  })
}

/** Evaluates every application against the rules and stores the verdicts (operators). */
export function runEligibilityCheck(
  programId: string,
  referenceDate?: string,
): Promise<EligibilityCheckSummary> {
  return requestApi(
    'POST',
    `${programUrl(programId)}/eligibility-check`,
    referenceDate ? { referenceDate } : {},
  )
}

/** Every application's eligibility with reasons in `locale` (operators, reviewers). */
export function fetchProgramEligibility(
  programId: string,
  locale: string,
): Promise<DescribedApplicationEligibility[]> {
  return requestApi('GET', `${programUrl(programId)}/eligibility?${localeQuery(locale)}`)
}

/** Decides an application's eligibility by hand, with a reason (operators). */
export function overrideEligibility(
  applicationId: string,
  isEligible: boolean,
  reason: string,
): Promise<unknown> {
  return requestApi('POST', `/api/applications/${encodeURIComponent(applicationId)}/eligibility-override`, {
    isEligible,
    reason,
  })
}

/** Removes an override: the rules' verdict applies again (operators). */
export function clearEligibilityOverride(applicationId: string, reason: string): Promise<unknown> {
  return requestApi(
    'POST',
    `/api/applications/${encodeURIComponent(applicationId)}/eligibility-override/clear`,
    { reason },
  )
}

/**
 * Moves a program to another phase (operators). The program's timeline, description and matching settings
 * are sent along unchanged: `PATCH /api/programs/:id` currently fills fields it is not sent with their
 * defaults (an empty timeline), which would lose the acceptance deadline and the eligibility-check day.
 */
export function changeProgramPhase(program: ProgramOverview, phase: ProgramPhase): Promise<unknown> {
  return requestApi('PATCH', programUrl(program.id), {
    phase,
    timeline: program.timeline,
    description: program.description,
    matchingConfig: program.matchingConfig,
  })
}

/** What an operator asks for when running a match. */
export interface MatchRunRequest {
  readonly mechanism?: string
  readonly seed?: number
  readonly round?: number
  readonly extraSeats?: Readonly<Record<string, number>>
}

/** A program's runs with full details, newest first (operators). */
export function fetchRunDetails(programId: string): Promise<MatchRunSummary[]> {
  return requestApi('GET', `${programUrl(programId)}/match-runs`)
}

/** Runs a draft (a what-if when it changes the mechanism, the seed or the seats; round 2 and later). */
export function createRun(programId: string, request: MatchRunRequest): Promise<MatchRunSummary> {
  return requestApi('POST', `${programUrl(programId)}/match-runs`, request)
}

/** Publishes a draft run. */
export function publishRun(runId: string): Promise<MatchRunSummary> {
  return requestApi('POST', `${runUrl(runId)}/publish`, {})
}

/** Compares a run with another of the same program (operators). */
export function compareRuns(baseRunId: string, otherRunId: string): Promise<RunComparison> {
  return requestApi('GET', `${runUrl(baseRunId)}/compare?with=${encodeURIComponent(otherRunId)}`)
}

/** A run's placements by name (operators; the read is audited). */
export function fetchRunAssignments(runId: string): Promise<RunAssignments> {
  return requestApi('GET', `${runUrl(runId)}/assignments`)
}

/** How offers were answered and what the next round would do (operators). */
export function fetchOfferSummary(programId: string): Promise<OfferSummary> {
  return requestApi('GET', `${programUrl(programId)}/offer-summary`)
}

/** One e-mail of the hub's outbox; `status` appears once delivery reports it, else it is derived. */
export interface OutboxMessage {
  readonly id: string
  readonly email: string
  readonly locale: string
  readonly kind: string
  readonly subject: string
  readonly body: string
  readonly createdAt: string
  readonly sentAt: string | null
  readonly sendError: string | null
  readonly status?: string
  readonly link?: string | null
}

/** The hub's e-mail outbox, newest first (operators). */
export function fetchOutbox(): Promise<OutboxMessage[]> {
  return requestApi('GET', '/api/outbox')
}

/** A message's delivery status: the server's own when it sends one, else queued / sent / failed. */
export function outboxStatusOf(message: OutboxMessage): string {
  if (message.status) return message.status
  if (message.sentAt) return 'sent'
  if (message.sendError) return 'failed'
  return 'queued'
}
