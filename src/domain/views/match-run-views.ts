/** Summary figures of a matching result (the engine's `statistics`; docs/formats/result.md). */
export interface MatchingStatistics {
  readonly candidates: number
  readonly matched: number
  readonly unmatched: number
  /** matched / candidates, 0 for an empty market. */
  readonly matchRate: number
  /** choiceHistogram[i] = candidates who got their (i+1)-th choice (weak rank). */
  readonly choiceHistogram: readonly number[]
  /** Matched to a position the candidate did not rank (max-fit from scores only). */
  readonly unrankedMatches: number
  readonly seats: number
  readonly seatsFilled: number
  readonly positionsFull: number
  /** Blocking pairs of the result (0 for the stable mechanisms; the price of welfare for max-fit). */
  readonly blockingPairs: number
  /** Sum of scores over assigned scored pairs, null when the market has no scores. */
  readonly totalScore: number | null
}

/** A match run with its statistics and breakdowns for the operator. */
export interface MatchRunSummary {
  readonly id: string
  readonly programId: string
  readonly round: number
  readonly mechanism: string
  readonly seed: number
  readonly status: string
  readonly engineVersion: string
  readonly createdAt: string
  readonly publishedAt: string | null
  readonly marketSha256: string
  readonly resultSha256: string
  readonly extraSeats: Readonly<Record<string, number>>
  readonly statistics: MatchingStatistics
  readonly byCountry: readonly { country: string; candidates: number; matched: number }[]
  readonly byCompany: readonly { companyId: string; companyName: string; seats: number; filled: number }[]
  /** Every position of the run's market: seats (what-if seats included), filled, and its cut-off rank. */
  readonly byPosition: readonly {
    positionId: string
    title: string
    companyName: string
    seats: number
    filled: number
    cutoffRank: number | null
  }[]
}

/** One candidate placed differently in two runs of the same program (a what-if view). */
export interface RunMove {
  readonly candidateId: string
  readonly fullName: string
  readonly nationality: string | null
  /** The position in the base run, with its "company — title" label; null when unmatched there. */
  readonly from: string | null
  readonly fromLabel: string | null
  /** The choice (1 = first) the candidate gets in the base run; null when unmatched or not ranked. */
  readonly fromRank: number | null
  readonly to: string | null
  readonly toLabel: string | null
  readonly toRank: number | null
}

/** Two runs side by side and who moves between them. */
export interface RunComparison {
  readonly base: MatchRunSummary
  readonly other: MatchRunSummary
  readonly moves: readonly RunMove[]
}

/** One placement of a run, named for the operator's review. */
export interface RunAssignment {
  readonly candidateId: string
  readonly fullName: string
  readonly nationality: string | null
  readonly positionId: string
  readonly positionTitle: string
  readonly companyName: string
  /** The candidate's choice (1 = first); null for a position they did not rank. */
  readonly choiceRank: number | null
}

/** A candidate a run left without a placement, named, with the engine's reason. */
export interface RunUnmatched {
  readonly candidateId: string
  readonly fullName: string
  readonly nationality: string | null
  readonly reason: string
}

/** A run's placements and unmatched candidates by name (operator; audited: personal data). */
export interface RunAssignments {
  readonly runId: string
  readonly round: number
  readonly status: string
  readonly assignments: readonly RunAssignment[]
  readonly unmatched: readonly RunUnmatched[]
}

/** How a published round's offers were answered. */
export interface RoundOffers {
  readonly round: number
  readonly runId: string
  readonly publishedAt: string | null
  readonly offers: number
  readonly accepted: number
  readonly declined: number
  /** Offers not answered yet. */
  readonly pending: number
  readonly expired: number
}

/** What the next round would work with: the seats still free and the candidates without a placement. */
export interface NextRoundPreview {
  readonly round: number
  readonly candidates: number
  readonly seats: number
  /** Placements that stay as they are: accepted ones, and offers still awaiting an answer. */
  readonly acceptedKept: number
  readonly pendingKept: number
  /** Candidates who declined an offer: they do not take part again. */
  readonly declinedExcluded: number
  /** Drafts of this round already run. */
  readonly drafts: number
  readonly positions: readonly {
    positionId: string
    title: string
    companyName: string
    freeSeats: number
    declined: number
  }[]
}

/** The offers of every published round and what a further round would do (operator). */
export interface OfferSummary {
  readonly programId: string
  readonly phase: string
  readonly acceptanceDeadline: string | null
  /** The deadline day is over, or the operator moved the program on to the second round or later. */
  readonly isDeadlinePassed: boolean
  readonly rounds: readonly RoundOffers[]
  /** Null until a round is published. */
  readonly nextRound: NextRoundPreview | null
}
