import type { ProgramPhase } from '../program.ts'

/** One rank: an id, or ids tied at the same rank. */
export type RankEntry = string | readonly string[]

/** A rank-order list as the API returns it. */
export interface RankingView {
  readonly entries: readonly RankEntry[]
  readonly isFrozen: boolean
  readonly updatedAt: string | null
  /** The mechanism the program uses, so the UI can tell rankers that ranking truthfully is safe. */
  readonly mechanism: string
  /** The program's phase now, so a frozen list can say why. */
  readonly phase: ProgramPhase
  /** The day rank lists freeze (the timeline's `ranking_freeze` step), null when the timeline has none. */
  readonly freezesOn: string | null
}

/** One applicant's fit for a company's rank list: a position's score, or the best over the company's positions. */
export interface ApplicantFit {
  readonly candidateId: string
  /** 0–100; for an excluded applicant the score they would have had. */
  readonly score: number
  /** True when the applicant fails a hard requirement (of every position, for a company-wide list). */
  readonly isExcluded: boolean
}

/** The rank list Ieum derives from fit scores, with every current applicant's fit. */
export interface ScoreDerivedRanking {
  readonly positionId: string | null
  /** Applicants who meet the hard requirements, best fit first; equal scores are tied, as the match keeps them. */
  readonly entries: readonly RankEntry[]
  readonly fits: readonly ApplicantFit[]
}
