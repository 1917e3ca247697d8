import { collectIssues, isCount } from '../shared/collect-issues.ts'

/** An applicant with a combined score and its groups, one per cap family. */
export interface QuotaApplicant {
  readonly id: string
  /** Combined score (higher is better); finite. */
  readonly score: number
  /** Group of each family, e.g. `{ company: 'acme', country: 'VN' }`; a family left out caps nothing. */
  readonly groups?: Readonly<Record<string, string>> | undefined
}

/** At most `max` selected from one group of a family, or from every group of it when `group` is absent. */
export interface QuotaCap {
  readonly family: string
  readonly group?: string | undefined
  readonly max: number
}

/** Choose up to `seats` applicants by merit (score) within caps per group. */
export interface QuotaSelectionProblem {
  /** Seats to fill (an integer ≥ 0). */
  readonly seats: number
  /** Ties in score keep input order: pass applicants ordered by the tie-break (e.g. test score, then id). */
  readonly applicants: readonly QuotaApplicant[]
  /** A group's own cap wins over its family's default cap. */
  readonly caps?: readonly QuotaCap[] | undefined
  /** Applicants scoring below this are not eligible (never selected or waitlisted); absent = none. */
  readonly minimumScore?: number | undefined
  /** Waitlist length (an integer ≥ 0); absent = every eligible applicant not selected. */
  readonly waitlistLength?: number | undefined
}

/** The problem in flat arrays: dense applicant ids (input order) and dense (family, group) cells. */
export interface CompiledQuotaProblem {
  readonly applicantCount: number
  /** Applicants in merit order: score high to low, ties by input order. */
  readonly order: Int32Array
  readonly isEligible: Uint8Array
  /** CSR by applicant over the capped cells it belongs to. */
  readonly cellStart: Int32Array
  readonly cellList: Int32Array
  /** Cap of each cell. */
  readonly cellCap: Int32Array
  readonly cellFamily: readonly string[]
  readonly cellGroup: readonly string[]
  /** Dense index of each applicant id. */
  readonly applicantIndex: Readonly<Record<string, number | undefined>>
}

/** Checks a problem (throws `bad_request` naming each bad field) and lays it out in flat arrays. */
export function compileQuotaProblem(problem: QuotaSelectionProblem): CompiledQuotaProblem {
  const issues = collectIssues()
  const { applicants } = problem
  const n = applicants.length
  if (!isCount(problem.seats)) issues.note('seats', 'must be an integer ≥ 0')
  if (problem.waitlistLength !== undefined && !isCount(problem.waitlistLength))
    issues.note('waitlistLength', 'must be an integer ≥ 0')
  if (problem.minimumScore !== undefined && !Number.isFinite(problem.minimumScore))
    issues.note('minimumScore', 'must be a finite number')
  const applicantIndex = issues.index(applicants, 'applicants')
  const familyDefault = new Map<string, number>()
  const groupCap = new Map<string, number>()
  ;(problem.caps ?? []).forEach((cap, i) => {
    if (!isCount(cap.max)) issues.note(`caps[${i}].max`, 'must be an integer ≥ 0')
    if (cap.group === undefined) {
      if (familyDefault.has(cap.family)) issues.note(`caps[${i}]`, `family '${cap.family}' is capped twice`)
      familyDefault.set(cap.family, cap.max)
    } else {
      const key = `${cap.family}\u0000${cap.group}`
      if (groupCap.has(key))
        issues.note(`caps[${i}]`, `group '${cap.group}' of '${cap.family}' is capped twice`)
      groupCap.set(key, cap.max)
    }
  })
  const isEligible = new Uint8Array(n)
  const minimum = problem.minimumScore ?? Number.NEGATIVE_INFINITY
  for (let i = 0; i < n; i++) {
    const score = applicants[i]!.score
    if (!Number.isFinite(score)) issues.note(`applicants[${i}].score`, 'must be a finite number')
    isEligible[i] = score >= minimum ? 1 : 0
  }
  issues.throwIfAny('quota selection')

  // Cells: one per (family, group) that some applicant is in and some cap applies to.
  const cellIndex = new Map<string, number>()
  const cellFamily: string[] = []
  const cellGroup: string[] = []
  const caps: number[] = []
  const cellStart = new Int32Array(n + 1)
  const cells: number[] = []
  for (let i = 0; i < n; i++) {
    const groups = applicants[i]!.groups ?? {}
    for (const family of Object.keys(groups).sort()) {
      const group = groups[family]!
      const key = `${family}\u0000${group}`
      const cap = groupCap.get(key) ?? familyDefault.get(family)
      if (cap === undefined) continue
      let cell = cellIndex.get(key)
      if (cell === undefined) {
        cell = caps.length
        cellIndex.set(key, cell)
        cellFamily.push(family)
        cellGroup.push(group)
        caps.push(cap)
      }
      cells.push(cell)
    }
    cellStart[i + 1] = cells.length
  }
  const order = new Int32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  order.sort((a, b) => applicants[b]!.score - applicants[a]!.score || a - b)
  return {
    applicantCount: n,
    order,
    isEligible,
    cellStart,
    cellList: Int32Array.from(cells),
    cellCap: Int32Array.from(caps),
    cellFamily,
    cellGroup,
    applicantIndex,
  }
}

/** The first full cell (in the applicant's family order) that keeps applicant i out, or -1 when none does. */
export function findFullCell(compiled: CompiledQuotaProblem, cellCount: Int32Array, i: number): number {
  const { cellStart, cellList, cellCap } = compiled
  for (let at = cellStart[i]!; at < cellStart[i + 1]!; at++) {
    const cell = cellList[at]!
    if (cellCount[cell]! >= cellCap[cell]!) return cell
  }
  return -1
}

/** Adds (+1) or removes (−1) applicant i from the counts of its cells. */
export function countCells(compiled: CompiledQuotaProblem, cellCount: Int32Array, i: number, delta: number) {
  for (let at = compiled.cellStart[i]!; at < compiled.cellStart[i + 1]!; at++)
    cellCount[compiled.cellList[at]!]! += delta
}
