import type { CompanyResults, RankEntry, RankingView, ScoreDerivedRanking } from '../domain/index.ts'
import { type CandidateRecommendation, requestApi } from './api-client.ts'

const companyUrl = (programId: string, companyId: string) =>
  `/api/programs/${encodeURIComponent(programId)}/companies/${encodeURIComponent(companyId)}`
const positionQuery = (positionId: string | null) =>
  positionId ? `?positionId=${encodeURIComponent(positionId)}` : ''

/** A company's rank list: for all its positions (`positionId` null) or one position's own list. */
export function fetchCompanyRanking(
  programId: string,
  companyId: string,
  positionId: string | null,
): Promise<RankingView> {
  return requestApi('GET', `${companyUrl(programId, companyId)}/ranking${positionQuery(positionId)}`)
}

/** Saves a company's rank list; an empty list removes it (the company or position then counts as not ranked). */
export function saveCompanyRanking(
  programId: string,
  companyId: string,
  positionId: string | null,
  entries: readonly RankEntry[],
): Promise<RankingView> {
  return requestApi('PUT', `${companyUrl(programId, companyId)}/ranking${positionQuery(positionId)}`, {
    entries,
  })
}

/** The rank list derived from fit scores and every applicant's fit, for a position or the whole company. */
export function fetchScoreDerivedRanking(
  programId: string,
  companyId: string,
  positionId: string | null,
): Promise<ScoreDerivedRanking> {
  return requestApi(
    'GET',
    `${companyUrl(programId, companyId)}/ranking/score-derived${positionQuery(positionId)}`,
  )
}

/** A company's placed candidates, cut-offs and seats in a program's published rounds. */
export function fetchCompanyResults(programId: string, companyId: string): Promise<CompanyResults> {
  return requestApi('GET', `${companyUrl(programId, companyId)}/results`)
}

/** Where the company's own placements download as CSV, headed in `locale`. */
export function companyPlacementsCsvUrl(programId: string, companyId: string, locale: string): string {
  return `${companyUrl(programId, companyId)}/placements.csv?locale=${encodeURIComponent(locale)}`
}

/** One structured line of a fit explanation (its text, in the asked language, is at the same index). */
export interface FitItem {
  readonly code: string
}

/** A shortlist entry with the structured explanation beside its text. */
export interface ShortlistEntry extends CandidateRecommendation {
  readonly explanation: {
    readonly isExcluded: boolean
    readonly components: readonly { readonly component: string; readonly items: readonly FitItem[] }[]
  }
}

/** A position's recommended applicants, best first, explained in `locale` (structured and as text). */
export function fetchShortlist(
  programId: string,
  positionId: string,
  k: number,
  locale: string,
): Promise<{ readonly positionId: string; readonly shortlist: readonly ShortlistEntry[] }> {
  return requestApi(
    'GET',
    `/api/programs/${encodeURIComponent(programId)}/positions/${encodeURIComponent(positionId)}/recommendations?k=${k}&locale=${encodeURIComponent(locale)}`,
  )
}

/** Explanation codes of a skill the applicant has at the asked level (or a close relative of it). */
const MATCHED_SKILL_CODES = new Set(['skill_matched', 'skill_matched_related'])
/** Explanation codes of a skill the applicant lacks or has below the asked level. */
const MISSING_SKILL_CODES = new Set(['skill_missing', 'skill_level_below'])

/** The explanation's skill lines (already in the UI language) split into matched and missing. */
export function splitSkillLines(entry: ShortlistEntry): { matched: string[]; missing: string[] } {
  const matched: string[] = []
  const missing: string[] = []
  for (const component of entry.explanation.components) {
    if (component.component !== 'requiredSkills' && component.component !== 'preferredSkills') continue
    const lines = entry.text.components.find((c) => c.component === component.component)?.lines ?? []
    component.items.forEach((item, index) => {
      const line = lines[index]
      if (line === undefined) return
      if (MATCHED_SKILL_CODES.has(item.code)) matched.push(line)
      else if (MISSING_SKILL_CODES.has(item.code)) missing.push(line)
    })
  }
  return { matched, missing }
}
