import { type CompiledMarket, compileMarket } from '../compile-market.ts'
import { createCapacities } from '../create-capacities.ts'
import type { Market } from '../market-schema.ts'
import type { MatchingResult, UnmatchedReason } from '../matching-result.ts'
import { collectIssues } from '../shared/collect-issues.ts'
import { resolveOptions, runRound, solveMatching } from '../solve-matching.ts'
import { buildProjectMarket, type ProjectAllocationProblem } from './build-project-market.ts'
import { type ClosureMinimality, findClosures } from './find-closures.ts'

/** Options of one allocation run. */
export interface ProjectAllocationOptions {
  /** Seed of the single tie-breaking lottery; default 1. */
  readonly seed?: number | undefined
  /**
   * Most deferred-acceptance runs spent proving the fewest closures exhaustively; default 2,000, fewer on
   * large markets (about 4 million list entries' worth of work).
   */
  readonly exactClosureBudget?: number | undefined
  /** Projects the operator closes (a what-if): applicants' choices of them are skipped. */
  readonly closedProjects?: readonly string[] | undefined
}

/** An applicant placed on a project. */
export interface ProjectAssignment {
  readonly applicant: string
  readonly project: string
  /** 1 = first choice. */
  readonly choiceRank: number
}

/** One project's outcome. */
export interface ProjectOutcome {
  readonly project: string
  readonly company: string | null
  readonly minSize: number
  readonly maxSize: number
  readonly size: number
  /** Null when open; `operator` for a requested closure, `minimum_not_met` for one the engine chose. */
  readonly closedBy: 'operator' | 'minimum_not_met' | null
}

/** Assignments, unassigned applicants with reasons, every project, the closures and the engine result. */
export interface ProjectAllocationResult {
  readonly assignments: readonly ProjectAssignment[]
  readonly unassigned: readonly { readonly applicant: string; readonly reason: UnmatchedReason }[]
  readonly projects: readonly ProjectOutcome[]
  /** Projects the engine closed (the operator's closures are in `projects`). */
  readonly closed: readonly string[]
  readonly closure: { readonly minimality: ClosureMinimality; readonly runs: number }
  /** The engine's result on the open projects (closed ones have capacity 0), to store as a match run. */
  readonly matching: MatchingResult
}

/**
 * Project allocation with team sizes (decision 0034): the existing applicant-proposing deferred
 * acceptance with each project's maximum as its seats and company caps (SPA-S; Abraham, Irving & Manlove
 * 2007). If every project meets its minimum, that stable matching stands (by the rural hospitals theorem,
 * Roth 1986, every stable matching fills each project alike, so none does better); else projects are
 * closed — the fewest, proven by exhaustive search when the budget allows, else a set none of which
 * can reopen alone — and the open projects get their stable matching (applicant-optimal, strategy-proof
 * for applicants). A stable matching meeting lower
 * quotas with closures is NP-hard in general (Biró, Fleiner, Irving & Manlove 2010), hence the search.
 * What-if with a project closed: the same call with it in `closedProjects`.
 */
export function allocateProjects(
  problem: ProjectAllocationProblem,
  options: ProjectAllocationOptions = {},
): ProjectAllocationResult {
  const market = buildProjectMarket(problem)
  const seed = options.seed ?? 1
  const compiled = compileMarket(market)
  const nP = compiled.positionCount
  const issues = collectIssues()
  const isForced = new Uint8Array(nP)
  const projectIndex = issues.index(problem.projects, 'projects')
  ;(options.closedProjects ?? []).forEach((id, i) => {
    const p = projectIndex[id]
    if (p === undefined) issues.note(`closedProjects[${i}]`, `unknown project '${id}'`)
    else isForced[p] = 1
  })
  issues.throwIfAny('project allocation options')
  const popularity = new Int32Array(nP)
  for (let e = 0; e < compiled.entryCount; e++) popularity[compiled.entryPosition[e]!]!++
  const resolved = resolveOptions({ mechanism: 'candidate-proposing', seed })
  const match = (isClosed: Uint8Array): Int32Array => {
    const capacities = createCapacities(compiled)
    for (let p = 0; p < nP; p++)
      if (isClosed[p] === 1 || isForced[p] === 1) capacities.positionCapacity[p] = 0
    return runRound(compiled, capacities, resolved).matchPosition
  }
  const minSize = Int32Array.from(problem.projects, (p) => p.minSize)
  const budget =
    options.exactClosureBudget ?? Math.min(2000, Math.floor(4_000_000 / Math.max(1, compiled.entryCount)))
  const countContenders = createContenderCount(compiled)
  const found = findClosures(
    { projectCount: nP, popularity, minSize, isForced, match, countContenders },
    budget,
  )
  const { isClosed, matchPosition } = found
  const open: Market = {
    ...market,
    positions: market.positions.map((p, i) =>
      isClosed[i] === 1 || isForced[i] === 1 ? { ...p, capacity: 0 } : p,
    ),
  }
  const matching = solveMatching(open, { mechanism: 'candidate-proposing', seed })
  const size = new Int32Array(problem.projects.length)
  for (let c = 0; c < matchPosition.length; c++) if (matchPosition[c]! >= 0) size[matchPosition[c]!]!++
  const rankOf = new Map(matching.explanations.map((e) => [e.candidate, e.choiceRank]))
  return {
    assignments: matching.assignments.map((a) => ({
      applicant: a.candidate,
      project: a.position,
      choiceRank: rankOf.get(a.candidate) ?? 0,
    })),
    unassigned: matching.unmatched.map((u) => ({ applicant: u.candidate, reason: u.reason })),
    projects: problem.projects.map((project, p) => ({
      project: project.id,
      company: project.company ?? null,
      minSize: project.minSize,
      maxSize: project.maxSize,
      size: size[p]!,
      closedBy: isForced[p] === 1 ? 'operator' : isClosed[p] === 1 ? 'minimum_not_met' : null,
    })),
    closed: problem.projects.filter((_p, i) => isClosed[i] === 1 && isForced[i] === 0).map((p) => p.id),
    closure: { minimality: found.minimality, runs: found.runs },
    matching,
  }
}

/** Counts, per project, the applicants it accepts who rank it above their match (see ClosureOracle). */
function createContenderCount(compiled: CompiledMarket) {
  const { candidateCount: nC, candidateStart, entryPosition, entryPositionRank } = compiled
  return (matchPosition: Int32Array, out: Int32Array): void => {
    out.fill(0)
    for (let c = 0; c < nC; c++)
      for (let e = candidateStart[c]!; e < candidateStart[c + 1]!; e++) {
        const p = entryPosition[e]!
        if (p === matchPosition[c]) break
        if (entryPositionRank[e]! > 0) out[p]!++
      }
  }
}
