import { collectIssues } from '../shared/collect-issues.ts'
import {
  type CompiledQuotaProblem,
  compileQuotaProblem,
  countCells,
  findFullCell,
  type QuotaSelectionProblem,
} from './compile-quota-problem.ts'

/** Where an applicant stands. */
export type QuotaStatus = 'selected' | 'waitlisted' | 'not_selected'

/**
 * Why: selected; kept out by a full cap of one of its groups (all held by higher scores); kept out
 * because the seats were full (below the cut); scored below the minimum; or declined an offer.
 */
export type QuotaReason = 'selected' | 'cap_full' | 'seats_full' | 'below_minimum_score' | 'declined'

/** One applicant's decision and its reason, for the applicant and the committee's record. */
export interface QuotaDecision {
  readonly applicant: string
  readonly status: QuotaStatus
  readonly reason: QuotaReason
  /** Position in merit order (1 = highest score). */
  readonly meritRank: number
  /** Position on the waitlist (1 = next to move up); null unless waitlisted. */
  readonly waitlistPosition: number | null
  /** The cap that kept the applicant out (reason `cap_full`), else null. */
  readonly cap: { readonly family: string; readonly group: string; readonly max: number } | null
}

/** How many were selected from one capped group. */
export interface QuotaGroupCount {
  readonly family: string
  readonly group: string
  readonly max: number
  readonly selected: number
}

/** The selection (merit order), the waitlist (merit order), every decision (input order) and group counts. */
export interface QuotaSelectionResult {
  readonly selected: readonly string[]
  readonly waitlist: readonly string[]
  readonly decisions: readonly QuotaDecision[]
  readonly groups: readonly QuotaGroupCount[]
  readonly emptySeats: number
  /** Applicants selected by this call who were not selected before (only {@link fillFromWaitlist}). */
  readonly movedIn: readonly string[]
}

/**
 * Selects by merit order within caps (decision 0032): applicants are taken from the highest score down,
 * each selected unless the seats are full or a cap of one of its groups is (any number of cap families,
 * e.g. company and country). This is the lexicographically best selection in merit order — no applicant
 * is passed over for a lower score unless a cap full of higher scores blocks them (no justified envy, as
 * Abdulkadiroğlu & Sönmez 2003 define it for school choice with quotas), which is what a committee can
 * explain and defend. Everyone eligible who is not selected is waitlisted in merit order.
 */
export function selectByQuota(problem: QuotaSelectionProblem): QuotaSelectionResult {
  const compiled = compileQuotaProblem(problem)
  const none = new Uint8Array(compiled.applicantCount)
  return runSelection(problem, compiled, none, none)
}

/** The state before a waitlist move: who holds a seat and who declined (ids). */
export interface QuotaSelectionState {
  readonly selected: readonly string[]
  readonly declined: readonly string[]
}

/**
 * After declines (or withdrawals): keeps everyone still selected, removes the decliners for good, and
 * fills the free seats from the waitlist in merit order, each taking the first waitlisted applicant that
 * fits every cap with the current selection. Nobody selected is ever displaced (re-running the whole
 * selection could push a selected applicant out when a decliner's group frees room for someone else).
 */
export function fillFromWaitlist(
  problem: QuotaSelectionProblem,
  state: QuotaSelectionState,
): QuotaSelectionResult {
  const compiled = compileQuotaProblem(problem)
  const issues = collectIssues()
  const toMask = (ids: readonly string[], what: string): Uint8Array => {
    const mask = new Uint8Array(compiled.applicantCount)
    ids.forEach((id, i) => {
      const index = compiled.applicantIndex[id]
      if (index === undefined) issues.note(`${what}[${i}]`, `unknown applicant '${id}'`)
      else mask[index] = 1
    })
    return mask
  }
  const isHeld = toMask(state.selected, 'selected')
  const isDeclined = toMask(state.declined, 'declined')
  issues.throwIfAny('waitlist move')
  for (let i = 0; i < compiled.applicantCount; i++) if (isDeclined[i] === 1) isHeld[i] = 0
  return runSelection(problem, compiled, isHeld, isDeclined)
}

/** The greedy in merit order, starting from the applicants already holding a seat. */
function runSelection(
  problem: QuotaSelectionProblem,
  compiled: CompiledQuotaProblem,
  isHeld: Uint8Array,
  isDeclined: Uint8Array,
): QuotaSelectionResult {
  const { applicantCount: n, order, isEligible, cellCap, cellFamily, cellGroup } = compiled
  const cellCount = new Int32Array(cellCap.length)
  const isSelected = new Uint8Array(n)
  const blockingCell = new Int32Array(n).fill(-1)
  let seatsLeft = problem.seats
  for (let i = 0; i < n; i++)
    if (isHeld[i] === 1) {
      isSelected[i] = 1
      countCells(compiled, cellCount, i, 1)
      seatsLeft--
    }
  for (let k = 0; k < n; k++) {
    const i = order[k]!
    if (isSelected[i] === 1 || isEligible[i] === 0 || isDeclined[i] === 1) continue
    if (seatsLeft <= 0) continue
    const cell = findFullCell(compiled, cellCount, i)
    if (cell >= 0) {
      blockingCell[i] = cell
      continue
    }
    isSelected[i] = 1
    countCells(compiled, cellCount, i, 1)
    seatsLeft--
  }
  const applicants = problem.applicants
  const selected: string[] = []
  const waitlist: string[] = []
  const movedIn: string[] = []
  const meritRank = new Int32Array(n)
  const waitlistPosition = new Int32Array(n)
  const limit = problem.waitlistLength ?? n
  for (let k = 0; k < n; k++) {
    const i = order[k]!
    meritRank[i] = k + 1
    if (isSelected[i] === 1) {
      selected.push(applicants[i]!.id)
      if (isHeld[i] === 0) movedIn.push(applicants[i]!.id)
    } else if (isEligible[i] === 1 && isDeclined[i] === 0 && waitlist.length < limit) {
      waitlist.push(applicants[i]!.id)
      waitlistPosition[i] = waitlist.length
    }
  }
  const decisions = applicants.map((applicant, i): QuotaDecision => {
    const cell = blockingCell[i]!
    const reason: QuotaReason =
      isSelected[i] === 1
        ? 'selected'
        : isDeclined[i] === 1
          ? 'declined'
          : isEligible[i] === 0
            ? 'below_minimum_score'
            : cell >= 0
              ? 'cap_full'
              : 'seats_full'
    return {
      applicant: applicant.id,
      status: isSelected[i] === 1 ? 'selected' : waitlistPosition[i]! > 0 ? 'waitlisted' : 'not_selected',
      reason,
      meritRank: meritRank[i]!,
      waitlistPosition: waitlistPosition[i]! > 0 ? waitlistPosition[i]! : null,
      cap: cell >= 0 ? { family: cellFamily[cell]!, group: cellGroup[cell]!, max: cellCap[cell]! } : null,
    }
  })
  const groups = cellFamily.map((family, cell) => ({
    family,
    group: cellGroup[cell]!,
    max: cellCap[cell]!,
    selected: cellCount[cell]!,
  }))
  return { selected, waitlist, decisions, groups, emptySeats: Math.max(0, seatsLeft), movedIn }
}
