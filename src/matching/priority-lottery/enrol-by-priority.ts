import type { Market } from '../market-schema.ts'
import type { MatchingResult } from '../matching-result.ts'
import { collectIssues, isCount } from '../shared/collect-issues.ts'
import { readSeed } from '../shared/read-seed.ts'
import { solveMatching } from '../solve-matching.ts'
import { drawSingleLottery } from './draw-single-lottery.ts'

/** A course (or session) with seats. */
export interface PriorityCourse {
  readonly id: string
  readonly seats: number
}

/** An applicant: courses best first (only courses they may take), and their priority group. */
export interface PriorityApplicant {
  readonly id: string
  readonly choices: readonly string[]
  /** Priority group (an integer ≥ 1; 1 is served first, e.g. resident startups' staff); default 1. */
  readonly priority?: number | undefined
  /** A different group at some courses (course id → group), e.g. a course for non-majors. */
  readonly coursePriority?: Readonly<Record<string, number>> | undefined
}

/** Course seats by priority groups, ties inside a group broken by one seeded single lottery. */
export interface PriorityEnrolmentProblem {
  readonly courses: readonly PriorityCourse[]
  readonly applicants: readonly PriorityApplicant[]
}

/** The deferred-acceptance market built from groups and the lottery, with what each person is told. */
export interface PriorityMarket {
  /** Courses rank applicants by (group, lottery number): strict lists, so no tie is left to the engine. */
  readonly market: Market
  /** Lottery number of each applicant (input order; 1 = luckiest), the same at every course. */
  readonly lotteryNumber: Int32Array
  /** Dense index (input order) of each applicant id. */
  readonly applicantIndex: Readonly<Record<string, number | undefined>>
}

/** Where one applicant stands at one course they chose. */
export interface PriorityChoice {
  readonly course: string
  readonly priority: number
  readonly status: 'admitted' | 'waitlisted' | 'not_needed'
  /** Position on the course's waitlist (1 = next); null unless waitlisted. */
  readonly waitlistPosition: number | null
}

/** One applicant's outcome. */
export interface PriorityPlacement {
  readonly applicant: string
  readonly course: string | null
  /** 1 = first choice; null when unplaced. */
  readonly choiceRank: number | null
  readonly lotteryNumber: number
  readonly priority: number
  /** Every course they chose, in their order. */
  readonly choices: readonly PriorityChoice[]
}

/** One course's outcome: the last admitted (group, lottery number) and its waitlist. */
export interface PriorityCourseOutcome {
  readonly course: string
  readonly seats: number
  readonly filled: number
  /** Group and lottery number of the last applicant admitted; null when the course did not fill. */
  readonly cutoff: { readonly priority: number; readonly lotteryNumber: number } | null
  /** Applicants who chose this course over their placement, by (group, lottery number). */
  readonly waitlist: readonly string[]
}

/** Placements (input order), courses (input order) and the engine's own result (to store as a match run). */
export interface PriorityEnrolmentResult {
  readonly placements: readonly PriorityPlacement[]
  readonly courses: readonly PriorityCourseOutcome[]
  readonly matching: MatchingResult
}

const priorityOf = (applicant: PriorityApplicant, course: string): number =>
  applicant.coursePriority?.[course] ?? applicant.priority ?? 1

/**
 * Builds the position-side lists for the existing deferred acceptance: each course ranks the applicants
 * who chose it by priority group, then lottery number. Throws `bad_request` naming bad fields.
 */
export function buildPriorityMarket(problem: PriorityEnrolmentProblem, seed: number): PriorityMarket {
  readSeed(seed)
  const issues = collectIssues()
  const { courses, applicants } = problem
  const courseIndex = issues.index(courses, 'courses')
  const applicantIndex = issues.index(applicants, 'applicants')
  courses.forEach((course, k) => {
    if (!isCount(course.seats)) issues.note(`courses[${k}].seats`, 'must be an integer ≥ 0')
  })
  applicants.forEach((applicant, i) => {
    const seen = new Set<string>()
    applicant.choices.forEach((course, c) => {
      if (courseIndex[course] === undefined)
        issues.note(`applicants[${i}].choices[${c}]`, `unknown course '${course}'`)
      if (seen.has(course)) issues.note(`applicants[${i}].choices[${c}]`, `course '${course}' chosen twice`)
      seen.add(course)
    })
    const groups = [applicant.priority ?? 1, ...Object.values(applicant.coursePriority ?? {})]
    if (groups.some((g) => !isCount(g) || g < 1))
      issues.note(`applicants[${i}].priority`, 'groups must be integers ≥ 1')
  })
  issues.throwIfAny('course enrolment')
  const lotteryNumber = drawSingleLottery(
    applicants.map((a) => a.id),
    seed,
  )
  const applicantsOf: number[][] = courses.map(() => [])
  applicants.forEach((applicant, i) => {
    for (const course of applicant.choices) applicantsOf[courseIndex[course]!]!.push(i)
  })
  const positions = courses.map((course, k) => {
    const list = applicantsOf[k]!
    list.sort(
      (a, b) =>
        priorityOf(applicants[a]!, course.id) - priorityOf(applicants[b]!, course.id) ||
        lotteryNumber[a]! - lotteryNumber[b]!,
    )
    return { id: course.id, capacity: course.seats, ranking: list.map((i) => applicants[i]!.id) }
  })
  const candidates = applicants.map((a) => ({ id: a.id, ranking: [...a.choices] }))
  return { market: { candidates, positions }, lotteryNumber, applicantIndex }
}

/**
 * Course enrolment by priority groups with a seeded single lottery (issue 16; decision 0033): the
 * existing applicant-proposing deferred acceptance (Gale & Shapley 1962) on the lists of
 * {@link buildPriorityMarket}. Strategy-proof for applicants, respects priorities (no justified envy)
 * and wastes no seat; a withdrawal is a re-run without that applicant and the same seed, which leaves
 * every other applicant weakly better off — the waitlist moving — because lottery numbers do not change.
 */
export function enrolByPriority(
  problem: PriorityEnrolmentProblem,
  options: { readonly seed?: number | undefined } = {},
): PriorityEnrolmentResult {
  const seed = options.seed ?? 1
  const { market, lotteryNumber, applicantIndex } = buildPriorityMarket(problem, seed)
  const matching = solveMatching(market, { mechanism: 'candidate-proposing', seed })
  const { courses, applicants } = problem
  const placed = new Map(matching.assignments.map((a) => [a.candidate, a.position]))
  const waitlists = new Map<string, string[]>(courses.map((c) => [c.id, []]))
  const lastAdmitted = new Map<string, number>()
  // Walk each course's ranking once: admitted applicants set the cut-off, those who would rather be here wait.
  for (const position of market.positions) {
    const wanting = waitlists.get(position.id)!
    for (const id of (position.ranking ?? []) as readonly string[]) {
      const i = applicantIndex[id]!
      const own = placed.get(id)
      const choices = applicants[i]!.choices
      if (own === position.id) lastAdmitted.set(position.id, i)
      else if (own === undefined || choices.indexOf(position.id) < choices.indexOf(own)) wanting.push(id)
    }
  }
  const waitlistPosition = new Map<string, number>()
  for (const [course, list] of waitlists)
    for (let k = 0; k < list.length; k++) waitlistPosition.set(`${course}\u0000${list[k]}`, k)
  const placements = applicants.map((applicant, i): PriorityPlacement => {
    const course = placed.get(applicant.id) ?? null
    const rank = course === null ? -1 : applicant.choices.indexOf(course)
    return {
      applicant: applicant.id,
      course,
      choiceRank: course === null ? null : rank + 1,
      lotteryNumber: lotteryNumber[i]!,
      priority: applicant.priority ?? 1,
      choices: applicant.choices.map((choice, c): PriorityChoice => {
        const position = waitlistPosition.get(`${choice}\u0000${applicant.id}`) ?? -1
        return {
          course: choice,
          priority: priorityOf(applicant, choice),
          status: choice === course ? 'admitted' : rank >= 0 && c > rank ? 'not_needed' : 'waitlisted',
          waitlistPosition: position >= 0 ? position + 1 : null,
        }
      }),
    }
  })
  const outcomes = courses.map((course): PriorityCourseOutcome => {
    const outcome = matching.positions.find((p) => p.position === course.id)!
    const last = lastAdmitted.get(course.id)
    return {
      course: course.id,
      seats: course.seats,
      filled: outcome.filled,
      cutoff:
        last === undefined || outcome.filled < course.seats
          ? null
          : { priority: priorityOf(applicants[last]!, course.id), lotteryNumber: lotteryNumber[last]! },
      waitlist: waitlists.get(course.id)!,
    }
  })
  return { placements, courses: outcomes, matching }
}
