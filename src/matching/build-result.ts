import type { ImprovementOutcome } from './apply-stable-improvement-cycles.ts'
import { type CompiledMarket, UNLIMITED } from './compile-market.ts'
import { type Capacities, createCapacities } from './create-capacities.ts'
import { ENGINE_VERSION } from './engine-version.ts'
import { findBlockingPairs } from './find-blocking-pairs.ts'
import {
  type Assignment,
  type ExplanationEntry,
  type MatchingResult,
  type MatchingStatistics,
  type Mechanism,
  type PositionOutcome,
  REASON_CODES,
  RESULT_FORMAT,
  type Unmatched,
  type UnmatchedReason,
} from './matching-result.ts'
import { measureLevels, NONE } from './measure-levels.ts'
import type { MaxFitOutcome } from './solve-max-fit.ts'

/** Everything a run produced, before it is turned into the public result. */
export interface RunOutcome {
  readonly compiled: CompiledMarket
  /** Capacities of this round (a second round's are what the first left). */
  readonly capacities: Capacities
  readonly mechanism: Mechanism
  readonly seed: number
  readonly improve: boolean
  readonly round: 1 | 2
  /** Final position of every candidate (fixed ones included), -1 = none. */
  readonly matchPosition: Int32Array
  /** Second round: 1 for placements kept from the first round. */
  readonly isFixed: Uint8Array | null
  /** Second round: 1 for candidates who withdrew. */
  readonly isWithdrawn: Uint8Array | null
  readonly improvement: ImprovementOutcome | null
  readonly maxFit: MaxFitOutcome | null
  readonly explain: boolean
}

/** Unmatched reasons by number (the flat array of `CompactPlacements`). */
export const UNMATCHED_REASONS = [
  'empty_ranking',
  'no_mutual_acceptance',
  'outranked',
  'no_scored_position',
  'not_selected',
  'withdrawn',
] as const satisfies readonly UnmatchedReason[]

// Unmatched reason numbers (indices in UNMATCHED_REASONS).
const EMPTY_RANKING = 0
const NO_MUTUAL_ACCEPTANCE = 1
const OUTRANKED = 2
const NO_SCORED_POSITION = 3
const NOT_SELECTED = 4
const WITHDRAWN = 5

// Reason numbers (indices in REASON_CODES).
const ZERO_CAPACITY = 0
const NOT_RANKED = 1
const POSITION_FULL = 2
const COMPANY_FULL = 3
const GROUP_FULL = 4
const FILLED_EARLIER = 5
const WELFARE_TRADEOFF = 6
const CONSTRAINT_CONFLICT = 7

function findScore(compiled: CompiledMarket, c: number, p: number): number | null {
  for (let i = compiled.scoreStart[c]!; i < compiled.scoreStart[c + 1]!; i++)
    if (compiled.scorePosition[i] === p) return compiled.scoreValue[i]!
  return null
}

/**
 * Explanations in flat arrays (what `encodeResult` writes without building an object per candidate): entry i
 * explains candidate `candidate[i]`; its reasons are numbers `reasonStart[i] .. reasonStart[i + 1]` of
 * `reasons`, four per reason as in the result file; `score` holds max-fit's slot 2 (NaN = not scored).
 */
export interface CompactExplanations {
  readonly count: number
  readonly candidate: Int32Array
  /** Match position, -1 = none. */
  readonly position: Int32Array
  /** Weak rank of the match, 0 = none (null in the file). */
  readonly choiceRank: Int32Array
  readonly hasGroup: Uint8Array
  readonly reasonStart: Int32Array
  readonly reasons: Int32Array
  readonly score: Float64Array | null
}

/** Why each candidate is unmatched, as a number in {@link UNMATCHED_REASONS} (-1 = matched). */
export type CompactPlacements = Int8Array

/** Builds the public result: assignments, unmatched with reasons, statistics, cut-offs, explanations. */
export function buildResult(run: RunOutcome): MatchingResult {
  const { result, explained, unmatchedReason } = buildResultParts(run)
  const { candidateIds, positionIds } = run.compiled
  const assignments: Assignment[] = []
  const fixed: Assignment[] = []
  const unmatched: Unmatched[] = []
  for (let c = 0; c < run.compiled.candidateCount; c++) {
    const p = run.matchPosition[c]!
    if (p >= 0) {
      const assignment = { candidate: candidateIds[c]!, position: positionIds[p]! }
      assignments.push(assignment)
      if (run.isFixed !== null && run.isFixed[c] === 1) fixed.push(assignment)
    } else unmatched.push({ candidate: candidateIds[c]!, reason: UNMATCHED_REASONS[unmatchedReason[c]!]! })
  }
  return {
    ...result,
    assignments,
    fixed,
    unmatched,
    explanations: materializeExplanations(run.compiled, explained),
  }
}

/** Turns compact explanations into the result's entries. */
function materializeExplanations(
  compiled: CompiledMarket,
  explained: CompactExplanations,
): ExplanationEntry[] {
  const { candidateIds, positionIds, groupIds, candidateGroup } = compiled
  const entries: ExplanationEntry[] = new Array(explained.count)
  for (let i = 0; i < explained.count; i++) {
    const c = explained.candidate[i]!
    const reasons: (number | null)[] = []
    for (let at = explained.reasonStart[i]!; at < explained.reasonStart[i + 1]!; at += 4) {
      const code = explained.reasons[at]!
      const score = explained.score !== null && code === WELFARE_TRADEOFF ? explained.score[at >> 2]! : 0
      reasons.push(
        code,
        explained.reasons[at + 1]!,
        code === WELFARE_TRADEOFF ? (Number.isNaN(score) ? null : score) : explained.reasons[at + 2]!,
        explained.reasons[at + 3]!,
      )
    }
    const p = explained.position[i]!
    const choiceRank = explained.choiceRank[i]!
    entries[i] =
      explained.hasGroup[i] === 1
        ? {
            candidate: candidateIds[c]!,
            position: p >= 0 ? positionIds[p]! : null,
            choiceRank: choiceRank > 0 ? choiceRank : null,
            group: groupIds[candidateGroup[c]!]!,
            reasons,
          }
        : {
            candidate: candidateIds[c]!,
            position: p >= 0 ? positionIds[p]! : null,
            choiceRank: choiceRank > 0 ? choiceRank : null,
            reasons,
          }
  }
  return entries
}

/**
 * The result with empty `assignments`, `fixed`, `unmatched` and `explanations` lists, and what fills them in
 * flat arrays: the explanations, and why each candidate is unmatched (placements are `run.matchPosition`).
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: engine hot loop: one pass over flat run arrays fills every result list without per-item helpers
export function buildResultParts(run: RunOutcome): {
  readonly result: MatchingResult
  readonly explained: CompactExplanations
  readonly unmatchedReason: CompactPlacements
} {
  const { compiled, capacities, matchPosition, isWithdrawn } = run
  const { candidateCount: nC, positionCount: nP, candidateIds, positionIds, companyIds } = compiled
  const { candidateStart, entryPosition, entryCandidateRank, entryPositionRank, entryCell, positionCompany } =
    compiled
  const isMaxFit = run.mechanism === 'max-fit'
  const full = createCapacities(compiled)
  const overall = measureLevels(compiled, full, matchPosition)
  // Levels depend only on who takes part: in a first round that is everyone, as in `overall`.
  const blocking = findBlockingPairs(
    compiled,
    capacities,
    matchPosition,
    0,
    capacities.isParticipant === null ? overall : null,
  )
  const round = blocking.levels
  const { positionCapacity, companyCapacity, cellCapacity, isParticipant } = capacities
  // Explanations: size the flat arrays exactly (one reason per list entry ranked above the match).
  let reasonTotal = 0
  if (run.explain)
    for (let c = 0; c < nC; c++) {
      if (isParticipant !== null && isParticipant[c] === 0) continue
      const matchRank = overall.matchRank[c]!
      for (let e = candidateStart[c]!; e < candidateStart[c + 1]!; e++)
        if (entryCandidateRank[e]! < matchRank) reasonTotal++
    }
  const explainedCandidate = new Int32Array(run.explain ? nC : 0)
  const explainedPosition = new Int32Array(run.explain ? nC : 0)
  const explainedChoice = new Int32Array(run.explain ? nC : 0)
  const explainedGroup = new Uint8Array(run.explain ? nC : 0)
  const reasonStart = new Int32Array(run.explain ? nC + 1 : 1)
  const reasonNumbers = new Int32Array(4 * reasonTotal)
  const reasonScore = isMaxFit ? new Float64Array(reasonTotal) : null
  let explainedCount = 0
  let at = 0
  const pushReason = (code: number, q: number, cutoff: number, rank: number): void => {
    reasonNumbers[at] = code
    reasonNumbers[at + 1] = q
    reasonNumbers[at + 2] = cutoff
    reasonNumbers[at + 3] = rank
    at += 4
  }

  const unmatchedReason = new Int8Array(nC).fill(-1)
  const histogram: number[] = []
  let matched = 0
  let unrankedMatches = 0
  let tiedAtCutoff = 0
  const hasScores = compiled.hasScores
  let totalScore = 0
  for (let c = 0; c < nC; c++) {
    const p = matchPosition[c]!
    const matchRank = overall.matchRank[c]!
    if (p >= 0) {
      matched++
      if (matchRank === NONE) unrankedMatches++
      else histogram[matchRank - 1] = (histogram[matchRank - 1] ?? 0) + 1
      if (hasScores) totalScore += findScore(compiled, c, p) ?? 0
    } else if (isWithdrawn !== null && isWithdrawn[c] === 1) {
      unmatchedReason[c] = WITHDRAWN
    } else {
      let hasAcceptable = false
      let hasScored = false
      for (let e = candidateStart[c]!; e < candidateStart[c + 1]!; e++)
        if (entryPositionRank[e]! > 0 && compiled.positionCapacity[entryPosition[e]!]! > 0)
          hasAcceptable = true
      for (let i = compiled.scoreStart[c]!; i < compiled.scoreStart[c + 1]!; i++)
        if (compiled.scoreValue[i]! > 0 && compiled.positionCapacity[compiled.scorePosition[i]!]! > 0)
          hasScored = true
      const isEmpty = candidateStart[c + 1] === candidateStart[c]
      unmatchedReason[c] = isMaxFit
        ? hasScored
          ? NOT_SELECTED
          : NO_SCORED_POSITION
        : isEmpty
          ? EMPTY_RANKING
          : hasAcceptable
            ? OUTRANKED
            : NO_MUTUAL_ACCEPTANCE
    }
    if (!run.explain || (isParticipant !== null && isParticipant[c] === 0)) continue
    // Four numbers per reason: code, position, cut-off rank (or score), candidate rank; 0 = none.
    const own = p
    const ownCompany = own >= 0 ? positionCompany[own]! : -1
    let isTieLoss = false
    let hasGroupReason = false
    for (let e = candidateStart[c]!; e < candidateStart[c + 1]!; e++) {
      if (entryCandidateRank[e]! >= matchRank) continue
      const q = entryPosition[e]!
      const rank = entryPositionRank[e]!
      if (compiled.positionCapacity[q] === 0) {
        pushReason(ZERO_CAPACITY, q, 0, 0)
        continue
      }
      if (isMaxFit) {
        reasonScore![at >> 2] = findScore(compiled, c, q) ?? Number.NaN
        pushReason(WELFARE_TRADEOFF, q, 0, 0)
        continue
      }
      if (rank === 0) {
        pushReason(NOT_RANKED, q, 0, 0)
        continue
      }
      if (positionCapacity[q]! <= 0) {
        pushReason(FILLED_EARLIER, q, 0, 0)
        continue
      }
      const k = positionCompany[q]!
      const isInside = k >= 0 && k === ownCompany
      let code = -1
      let cutoff = 0
      if (round.positionCount[q]! >= positionCapacity[q]!) {
        if (rank >= round.positionWorst[q]!) {
          code = POSITION_FULL
          cutoff = round.positionWorst[q]!
        }
      } else if (k >= 0 && !isInside && companyCapacity[k]! !== UNLIMITED) {
        const cap = companyCapacity[k]!
        if (cap === 0) code = COMPANY_FULL
        else if (round.companyCount[k]! >= cap && rank >= round.companyWorst[k]!) {
          code = COMPANY_FULL
          cutoff = round.companyWorst[k]!
        }
      }
      const cell = compiled.cellCount > 0 ? entryCell[e]! : -1
      if (code < 0 && cell >= 0 && !isInside) {
        const cap = cellCapacity[cell]!
        if (cap === 0) code = GROUP_FULL
        else if (round.cellCount[cell]! >= cap && rank >= round.cellWorst[cell]!) {
          code = GROUP_FULL
          cutoff = round.cellWorst[cell]!
        }
        if (code === GROUP_FULL) hasGroupReason = true
      }
      if (code < 0) {
        pushReason(CONSTRAINT_CONFLICT, q, 0, 0)
        continue
      }
      if (cutoff === rank) isTieLoss = true
      pushReason(code, q, cutoff, rank)
    }
    if (isTieLoss) tiedAtCutoff++
    explainedCandidate[explainedCount] = c
    explainedPosition[explainedCount] = p
    explainedChoice[explainedCount] = p >= 0 && matchRank !== NONE ? matchRank : 0
    explainedGroup[explainedCount] = hasGroupReason && compiled.candidateGroup[c]! >= 0 ? 1 : 0
    reasonStart[++explainedCount] = at
  }
  for (let i = 0; i < histogram.length; i++) histogram[i] ??= 0

  const positions: PositionOutcome[] = []
  let seats = 0
  let seatsFilled = 0
  let positionsFull = 0
  for (let q = 0; q < nP; q++) {
    const capacity = compiled.positionCapacity[q]!
    const filled = overall.positionCount[q]!
    seats += capacity
    seatsFilled += filled
    if (filled >= capacity) positionsFull++
    const worst = overall.positionWorst[q]!
    const company = positionCompany[q]!
    positions.push({
      position: positionIds[q]!,
      company: company >= 0 ? companyIds[company]! : null,
      capacity,
      filled,
      cutoffRank: filled === 0 || worst === NONE ? null : worst,
    })
  }
  const statistics: MatchingStatistics = {
    candidates: nC,
    matched,
    unmatched: nC - matched,
    matchRate: nC === 0 ? 0 : matched / nC,
    choiceHistogram: histogram,
    unrankedMatches,
    seats,
    seatsFilled,
    positionsFull,
    blockingPairs: blocking.count,
    totalScore: hasScores ? totalScore : null,
  }
  const moves: { candidate: string; from: string; to: string }[] = []
  const improvementMoves = run.improvement?.moves ?? []
  for (let i = 0; i < improvementMoves.length; i += 3)
    moves.push({
      candidate: candidateIds[improvementMoves[i]!]!,
      from: positionIds[entryPosition[improvementMoves[i + 1]!]!]!,
      to: positionIds[entryPosition[improvementMoves[i + 2]!]!]!,
    })
  const result: MatchingResult = {
    format: RESULT_FORMAT,
    engine: ENGINE_VERSION,
    mechanism: run.mechanism,
    round: run.round,
    seed: run.seed,
    improve: run.improve,
    statistics,
    lottery: {
      seed: run.seed,
      tiedRankings: compiled.tiedRankingCount,
      candidatesTiedAtCutoff: tiedAtCutoff,
    },
    improvement: { isApplied: run.improvement !== null, cycles: run.improvement?.cycles ?? 0, moves },
    maxFit: run.maxFit
      ? {
          totalScore: run.maxFit.totalScore,
          pricingRounds: run.maxFit.rounds,
          pairsUsed: run.maxFit.edgeCount,
        }
      : null,
    assignments: [],
    fixed: [],
    unmatched: [],
    positions,
    reasonCodes: [...REASON_CODES],
    explanations: [],
  }
  const explained: CompactExplanations = {
    count: explainedCount,
    candidate: explainedCandidate,
    position: explainedPosition,
    choiceRank: explainedChoice,
    hasGroup: explainedGroup,
    reasonStart,
    reasons: reasonNumbers,
    score: reasonScore,
  }
  return { result, explained, unmatchedReason }
}
