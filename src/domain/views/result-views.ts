import type { ProgramPhase } from '../program.ts'

/** A reason, with the position and company named, for the candidate's results page. */
export interface ExplainedReason {
  readonly code: string
  readonly positionId: string
  readonly positionTitle: string
  readonly companyName: string
  readonly cutoffRank: number | null
  readonly candidateRank: number | null
  readonly isTie: boolean
}

/** One round's outcome for the signed-in candidate. */
export interface CandidateRoundResult {
  readonly round: number
  readonly runId: string
  readonly publishedAt: string | null
  readonly placement: {
    readonly id: string
    readonly status: string
    readonly positionId: string
    readonly positionTitle: string
    readonly companyName: string
    readonly choiceRank: number | null
  } | null
  readonly isInMarket: boolean
  readonly unmatchedReason: string | null
  readonly reasons: readonly ExplainedReason[]
  readonly acceptanceDeadline: string | null
}

/** Where the rank list a position used in a run came from. */
export type RankListSource = 'position' | 'company' | 'scores'

/** One of the company's placed candidates, as its results screen shows them. */
export interface CompanyPlacement {
  readonly id: string
  readonly round: number
  /** offered (waiting for the candidate's answer), accepted, declined or expired. */
  readonly status: string
  readonly decidedAt: string | null
  readonly positionId: string
  readonly positionTitle: string
  readonly candidateId: string
  readonly fullName: string
  readonly nationality: string
  readonly residenceCountry: string
  readonly email: string
  /** The institution of the candidate's highest or latest education entry, null when none is given. */
  readonly university: string | null
  readonly skills: readonly { readonly skill: string; readonly level: number }[]
  /**
   * The candidate's rank (1 = first; tied candidates share a rank) on the list the position used, as the
   * company saved it (or the score-derived list of round 1 when it saved none).
   */
  readonly rankOnList: number | null
}

/** One position's outcome in one published round. */
export interface CompanyPositionOutcome {
  readonly round: number
  readonly positionId: string
  readonly positionTitle: string
  /** Seats offered in this round (a later round offers only the seats still free). */
  readonly seats: number
  readonly filled: number
  /** Rank, on the company's list, of the last admitted candidate (the worst rank admitted); null when none. */
  readonly cutoffRank: number | null
  readonly listSource: RankListSource
  readonly accepted: number
  readonly declined: number
  readonly pending: number
}

/** A company's results in a program: placements, per-position outcomes and what happens next. */
export interface CompanyResults {
  readonly companyId: string
  readonly companyName: string
  readonly programTitle: string
  readonly phase: ProgramPhase
  readonly acceptanceDeadline: string | null
  readonly secondRoundOn: string | null
  readonly rounds: readonly { readonly round: number; readonly publishedAt: string | null }[]
  readonly placements: readonly CompanyPlacement[]
  readonly positions: readonly CompanyPositionOutcome[]
  /** Seats of the company's positions in the program, and how many are held (accepted or pending) now. */
  readonly totals: {
    readonly seats: number
    readonly accepted: number
    readonly pending: number
    readonly declined: number
    readonly open: number
  }
  /** Cut-offs as the engine reports them (kept for API clients of the first version). */
  readonly cutoffs: readonly {
    readonly round: number
    readonly positionId: string
    readonly positionTitle: string
    readonly capacity: number
    readonly filled: number
    readonly cutoffRank: number | null
  }[]
}
