import { createFlowBuilder } from '../flow/create-flow-builder.ts'
import { solveMinCostFlow } from '../flow/solve-min-cost-flow.ts'
import { readSeed } from '../shared/read-seed.ts'
import {
  type CompiledSlotProblem,
  compileSlotProblem,
  FIRST_CHOICE_POINTS,
  type InterviewSchedulingProblem,
} from './compile-slot-problem.ts'
import { placeInterviews } from './place-interviews.ts'

/** One interview: who, when, at which of the company's tables (1-based). */
export interface ScheduledInterview {
  readonly candidate: string
  readonly company: string
  readonly slot: string
  readonly table: number
}

/** A candidate's day. */
export interface CandidateSchedule {
  readonly candidate: string
  readonly interviews: number
  readonly maxInterviews: number
  /** Rank (1 = first) of the best-ranked company they meet; null when none or unranked. */
  readonly bestChoiceRank: number | null
}

/** A company's day. */
export interface CompanySchedule {
  readonly company: string
  readonly interviews: number
  readonly maxInterviews: number
}

/** The schedule, each side's day, pairs chosen but not placeable in time, and summary figures. */
export interface InterviewScheduleResult {
  /** By slot, company, table (input orders). */
  readonly interviews: readonly ScheduledInterview[]
  readonly candidates: readonly CandidateSchedule[]
  readonly companies: readonly CompanySchedule[]
  /** Interviews the selection wanted that no slot assignment found room for (then others filled in). */
  readonly dropped: readonly { readonly candidate: string; readonly company: string }[]
  readonly statistics: {
    /** Σ over interviews of 1 + both sides' points, plus a bonus for every candidate with an interview. */
    readonly welfare: number
    readonly candidatesWithInterview: number
    readonly selected: number
    readonly scheduled: number
  }
}

/** A candidate's first interview is worth more than any single pair's points (everyone gets a turn first). */
export const FIRST_INTERVIEW_BONUS = 2 * FIRST_CHOICE_POINTS + 2

/**
 * Schedules interviews for a recruiting fair (decision 0037): (1) chooses which pairs meet by a
 * max-welfare b-matching — each pair at most once, candidates within their cap and free slots, companies
 * within tables × free slots — as a min-cost flow (network simplex), where a pair is worth 1 plus both
 * sides' rank points and a candidate's first interview a bonus above any pair; (2) gives each chosen
 * interview a slot both sides are free in, at most one interview per candidate and `tables` per company
 * at a time, by a seeded ejection chain (Glover 1996) over the most constrained interviews first; (3) adds
 * any further acceptable pair that still fits a common free slot, best first. Choosing pairs and slots
 * together is NP-hard (3-dimensional matching), hence the two steps; the schedule is always feasible.
 */
export function scheduleInterviews(
  problem: InterviewSchedulingProblem,
  options: { readonly seed?: number | undefined } = {},
): InterviewScheduleResult {
  const seed = readSeed(options.seed)
  const compiled = compileSlotProblem(problem)
  const isChosen = selectPairs(compiled)
  const placed = placeInterviews(compiled, isChosen, seed)
  return describeSchedule(problem, compiled, isChosen, placed.pairSlot)
}

/** Step 1: the max-welfare pairs (1 per chosen pair, CSR order). */
function selectPairs(problem: CompiledSlotProblem): Uint8Array {
  const {
    candidateCount: nC,
    companyCount: nK,
    candidateCap,
    companyCap,
    pairStart,
    pairCompany,
    pairPoints,
  } = problem
  const pairs = pairCompany.length
  const source = nC + nK
  const sink = source + 1
  const { add, build } = createFlowBuilder(sink + 1, 2 * nC + pairs + nK + 1)
  for (let c = 0; c < nC; c++)
    for (let i = pairStart[c]!; i < pairStart[c + 1]!; i++)
      add(c, nC + pairCompany[i]!, 1, -(1 + pairPoints[i]!))
  let total = 0
  for (let c = 0; c < nC; c++) {
    add(source, c, Math.min(1, candidateCap[c]!), -FIRST_INTERVIEW_BONUS)
    add(source, c, Math.max(0, candidateCap[c]! - 1), 0)
    total += candidateCap[c]!
  }
  for (let k = 0; k < nK; k++) add(nC + k, sink, companyCap[k]!, 0)
  add(source, sink, total, 0)
  const { flow } = solveMinCostFlow(build(source, sink, total))
  const isChosen = new Uint8Array(pairs)
  for (let i = 0; i < pairs; i++) isChosen[i] = flow[i]! > 0 ? 1 : 0
  return isChosen
}

function describeSchedule(
  problem: InterviewSchedulingProblem,
  compiled: CompiledSlotProblem,
  isChosen: Uint8Array,
  pairSlot: Int32Array,
): InterviewScheduleResult {
  const { candidateCount: nC, companyCount: nK, slotCount: nS, pairStart, pairCompany, pairPoints } = compiled
  const interviews: { c: number; k: number; t: number }[] = []
  const dropped: { candidate: string; company: string }[] = []
  const candidateCount = new Int32Array(nC)
  const companyCount = new Int32Array(nK)
  const bestRank = new Int32Array(nC).fill(-1)
  let welfare = 0
  let selected = 0
  for (let c = 0; c < nC; c++)
    for (let i = pairStart[c]!; i < pairStart[c + 1]!; i++) {
      const k = pairCompany[i]!
      selected += isChosen[i]!
      if (pairSlot[i]! < 0) {
        if (isChosen[i] === 1)
          dropped.push({ candidate: problem.candidates[c]!.id, company: problem.companies[k]!.id })
        continue
      }
      interviews.push({ c, k, t: pairSlot[i]! })
      candidateCount[c]!++
      companyCount[k]!++
      welfare += 1 + pairPoints[i]!
      const rank = problem.candidates[c]!.ranking?.indexOf(problem.companies[k]!.id) ?? -1
      if (rank >= 0 && (bestRank[c]! < 0 || rank < bestRank[c]!)) bestRank[c] = rank
    }
  let candidatesWithInterview = 0
  for (let c = 0; c < nC; c++) if (candidateCount[c]! > 0) candidatesWithInterview++
  welfare += FIRST_INTERVIEW_BONUS * candidatesWithInterview
  interviews.sort((x, y) => x.t - y.t || x.k - y.k || x.c - y.c)
  const table = new Int32Array(nK * Math.max(1, nS))
  return {
    interviews: interviews.map(({ c, k, t }) => ({
      candidate: problem.candidates[c]!.id,
      company: problem.companies[k]!.id,
      slot: problem.slots[t]!.id,
      table: ++table[k * nS + t]!,
    })),
    candidates: problem.candidates.map((candidate, c) => ({
      candidate: candidate.id,
      interviews: candidateCount[c]!,
      maxInterviews: compiled.candidateCap[c]!,
      bestChoiceRank: bestRank[c]! >= 0 ? bestRank[c]! + 1 : null,
    })),
    companies: problem.companies.map((company, k) => ({
      company: company.id,
      interviews: companyCount[k]!,
      maxInterviews: compiled.companyCap[k]!,
    })),
    dropped,
    statistics: { welfare, candidatesWithInterview, selected, scheduled: interviews.length },
  }
}
