import { AppError } from '../../domain/app-error.ts'
import type { Market, RankingEntry } from '../market-schema.ts'
import type { MatchingResult, UnmatchedReason } from '../matching-result.ts'
import { collectIssues, isCount } from '../shared/collect-issues.ts'
import { groupByOwner, type OwnerGroups } from '../shared/group-by-owner.ts'
import { solveMatching } from '../solve-matching.ts'

/** A mentor (company staff, faculty, external expert) with capacity in mentees and in hours per month. */
export interface Mentor {
  readonly id: string
  readonly maxMentees: number
  /** Hours a month the mentor gives; null or absent = only `maxMentees` limits. */
  readonly hoursPerMonth?: number | null | undefined
  /** The mentor's ranking of mentees (best first; inner arrays are ties); absent = by score, else all tied. */
  readonly ranking?: readonly RankingEntry[] | undefined
}

/** A mentee: a person, a team or a startup. */
export interface Mentee {
  readonly id: string
  /** The mentee's ranking of mentors (best first; inner arrays are ties); absent = by score, else all tied. */
  readonly ranking?: readonly RankingEntry[] | undefined
}

/** Mentor matching: both sides' preferences optional, fit scores optional. */
export interface MentorMatchingProblem {
  readonly mentors: readonly Mentor[]
  readonly mentees: readonly Mentee[]
  /** Fit of a pair (expertise, language, time zone; from the scoring library); higher is better. */
  readonly scores?:
    | readonly { readonly mentee: string; readonly mentor: string; readonly score: number }[]
    | undefined
  /** Hours a month one match takes (the programme's session plan); default 1. */
  readonly hoursPerMatch?: number | undefined
}

/** `stable`: deferred acceptance on both sides' lists; `max-fit`: the largest total score. */
export type MentorMechanism = 'stable' | 'max-fit'

/** A mentee matched to a mentor. */
export interface MentorMatch {
  readonly mentee: string
  readonly mentor: string
  /** Rank of the mentor in the mentee's list (1 = first); null when the list was derived or absent. */
  readonly menteeRank: number | null
  readonly score: number | null
}

/** A mentor's load against capacity. */
export interface MentorLoad {
  readonly mentor: string
  /** Mentees this mentor can take: min(maxMentees, ⌊hours ÷ hours per match⌋). */
  readonly capacity: number
  readonly mentees: number
  readonly hours: number
  readonly hoursPerMonth: number | null
}

/** Matches, unmatched mentees with reasons, every mentor's load, and the engine's own result. */
export interface MentorMatchingResult {
  readonly mechanism: MentorMechanism
  readonly matches: readonly MentorMatch[]
  readonly unmatched: readonly { readonly mentee: string; readonly reason: UnmatchedReason }[]
  readonly mentors: readonly MentorLoad[]
  readonly matching: MatchingResult
}

/**
 * The mentor problem as an ordinary market: mentees are candidates, mentors positions whose seats are
 * min(maxMentees, ⌊hoursPerMonth ÷ hoursPerMatch⌋). A side without its own list ranks by score (high
 * first, equal scores tied) or, without scores, accepts everyone tied (the engine's seeded single lottery
 * breaks ties). The scores ride along for max-fit (`withScores`). Throws `bad_request` naming bad fields.
 */
export function buildMentorMarket(problem: MentorMatchingProblem, withScores = true): Market {
  const issues = collectIssues()
  const { mentors, mentees } = problem
  const scores = problem.scores ?? []
  const mentorIndex = issues.index(mentors, 'mentors')
  const menteeIndex = issues.index(mentees, 'mentees')
  const perMatch = problem.hoursPerMatch ?? 1
  if (!(perMatch > 0) || !Number.isFinite(perMatch)) issues.note('hoursPerMatch', 'must be a number > 0')
  mentors.forEach((mentor, r) => {
    if (!isCount(mentor.maxMentees)) issues.note(`mentors[${r}].maxMentees`, 'must be an integer ≥ 0')
    const hours = mentor.hoursPerMonth ?? null
    if (hours !== null && !(hours >= 0 && Number.isFinite(hours)))
      issues.note(`mentors[${r}].hoursPerMonth`, 'must be a number ≥ 0 or null')
  })
  // Scored pairs as dense indices, then CSR by mentee and by mentor.
  const pairMentee = new Int32Array(scores.length)
  const pairMentor = new Int32Array(scores.length)
  scores.forEach((s, i) => {
    const e = menteeIndex[s.mentee]
    const r = mentorIndex[s.mentor]
    if (e === undefined) issues.note(`scores[${i}].mentee`, `unknown mentee '${s.mentee}'`)
    if (r === undefined) issues.note(`scores[${i}].mentor`, `unknown mentor '${s.mentor}'`)
    if (!Number.isFinite(s.score)) issues.note(`scores[${i}].score`, 'must be a finite number')
    pairMentee[i] = e ?? 0
    pairMentor[i] = r ?? 0
  })
  issues.throwIfAny('mentor matching')
  const score = Float64Array.from(scores, (s) => s.score)
  const byMentee = groupByOwner(pairMentee, mentees.length)
  const byMentor = groupByOwner(pairMentor, mentors.length)
  const everyMentor = mentors.length > 0 ? [mentors.map((m) => m.id)] : []
  const everyMentee = mentees.length > 0 ? [mentees.map((m) => m.id)] : []
  const mentorIds = mentors.map((m) => m.id)
  const menteeIds = mentees.map((m) => m.id)
  return {
    candidates: mentees.map((mentee, e) => ({
      id: mentee.id,
      ranking:
        mentee.ranking ??
        (byMentee.start[e + 1]! > byMentee.start[e]!
          ? rankByScore(byMentee, e, score, pairMentor, mentorIds)
          : everyMentor),
    })),
    positions: mentors.map((mentor, r) => {
      const hours = mentor.hoursPerMonth ?? null
      const byHours = hours === null ? mentor.maxMentees : Math.floor(hours / perMatch + 1e-9)
      return {
        id: mentor.id,
        capacity: Math.min(mentor.maxMentees, byHours),
        ranking:
          mentor.ranking ??
          (byMentor.start[r + 1]! > byMentor.start[r]!
            ? rankByScore(byMentor, r, score, pairMentee, menteeIds)
            : everyMentee),
      }
    }),
    ...(withScores && problem.scores !== undefined
      ? { scores: scores.map((s) => ({ candidate: s.mentee, position: s.mentor, score: s.score })) }
      : {}),
  }
}

/** One owner's partners by score, high first; equal scores form one tied entry. */
function rankByScore(
  group: OwnerGroups,
  owner: number,
  score: Float64Array,
  partner: Int32Array,
  partnerIds: readonly string[],
): RankingEntry[] {
  const sorted = Array.from(group.items.subarray(group.start[owner]!, group.start[owner + 1]!))
  sorted.sort((a, b) => score[b]! - score[a]! || a - b)
  const ranking: RankingEntry[] = []
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1
    while (j < sorted.length && score[sorted[j]!] === score[sorted[i]!]) j++
    ranking.push(
      j - i === 1
        ? partnerIds[partner[sorted[i]!]!]!
        : sorted.slice(i, j).map((p) => partnerIds[partner[p]!]!),
    )
    i = j
  }
  return ranking
}

/**
 * Matches mentees to mentors with the existing engine (decision 0036): `stable` runs mentee-proposing
 * deferred acceptance (Gale & Shapley 1962; strategy-proof for mentees, no mentor and mentee would both
 * rather pair up); `max-fit` maximises the total score by min-cost flow. Default: `stable` when either side
 * gave a ranking, else `max-fit` when scores are given, else `stable` with everyone tied (a lottery).
 */
export function matchMentors(
  problem: MentorMatchingProblem,
  options: { readonly mechanism?: MentorMechanism | undefined; readonly seed?: number | undefined } = {},
): MentorMatchingResult {
  const market = buildMentorMarket(problem)
  const hasRankings =
    problem.mentors.some((m) => m.ranking !== undefined) ||
    problem.mentees.some((m) => m.ranking !== undefined)
  const mechanism = options.mechanism ?? (hasRankings || problem.scores === undefined ? 'stable' : 'max-fit')
  if (mechanism === 'max-fit' && problem.scores === undefined)
    throw new AppError('bad_request', 'max-fit mentor matching needs scores')
  const matching = solveMatching(market, {
    mechanism: mechanism === 'stable' ? 'candidate-proposing' : 'max-fit',
    seed: options.seed ?? 1,
  })
  const score = new Map((problem.scores ?? []).map((s) => [`${s.mentee}\u0000${s.mentor}`, s.score]))
  const rankOf = new Map(matching.explanations.map((e) => [e.candidate, e.choiceRank]))
  const ownList = new Set(problem.mentees.filter((m) => m.ranking !== undefined).map((m) => m.id))
  const count = new Map<string, number>()
  const matches = matching.assignments.map((a): MentorMatch => {
    count.set(a.position, (count.get(a.position) ?? 0) + 1)
    return {
      mentee: a.candidate,
      mentor: a.position,
      menteeRank: ownList.has(a.candidate) ? (rankOf.get(a.candidate) ?? null) : null,
      score: score.get(`${a.candidate}\u0000${a.position}`) ?? null,
    }
  })
  const perMatch = problem.hoursPerMatch ?? 1
  const mentors = problem.mentors.map((mentor, r): MentorLoad => {
    const n = count.get(mentor.id) ?? 0
    return {
      mentor: mentor.id,
      capacity: market.positions[r]!.capacity,
      mentees: n,
      hours: n * perMatch,
      hoursPerMonth: mentor.hoursPerMonth ?? null,
    }
  })
  const unmatched = matching.unmatched.map((u) => ({ mentee: u.candidate, reason: u.reason }))
  return { mechanism, matches, unmatched, mentors, matching }
}
