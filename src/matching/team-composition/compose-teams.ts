import { readSeed } from '../shared/read-seed.ts'
import {
  type CompiledTeamProblem,
  compileTeamProblem,
  type TeamCompositionProblem,
} from './compile-team-problem.ts'
import { drawRandomTeams } from './draw-random-teams.ts'
import { createTeamScratch, scoreTeam } from './score-team.ts'
import { searchTeams } from './search-teams.ts'

/** Options of one composition run. */
export interface TeamCompositionOptions {
  /** Seed of the random start and the search; default 1. */
  readonly seed?: number | undefined
  /** Restarts of the local search after its first climb; default 8 (up to 200 members), else 3. */
  readonly restarts?: number | undefined
  /** Largest number of assignments searched exhaustively (then the result is the optimum); default 50,000. */
  readonly exhaustiveLimit?: number | undefined
}

/** One team's members and what its score is made of. */
export interface ComposedTeam {
  readonly team: string
  /** In input order. */
  readonly members: readonly string[]
  readonly score: number
  /** Needed skills some member has, and those nobody has. */
  readonly coveredSkills: readonly string[]
  readonly missingSkills: readonly string[]
  /** Weekly hours (UTC) when every member is free. */
  readonly commonHours: readonly number[]
  /** Members who are the only one of their value of an isolation criterion's attribute. */
  readonly isolated: readonly { readonly member: string; readonly attribute: string }[]
}

/** One person's placement and the data to explain it ("your 2nd choice; team covers NLP and backend"). */
export interface TeamPlacement {
  readonly member: string
  readonly team: string
  /** Rank of the team in the member's preferences (1 = first); null when unranked or none given. */
  readonly preferenceRank: number | null
  /** Needed skills of the team this member brings. */
  readonly contributes: readonly string[]
  readonly teamCovers: readonly string[]
}

/** Teams (input order), placements (input order), the objective and how the search went. */
export interface TeamCompositionResult {
  readonly teams: readonly ComposedTeam[]
  readonly placements: readonly TeamPlacement[]
  /** Σ team scores (higher is better). */
  readonly objective: number
  readonly statistics: {
    readonly method: 'exhaustive' | 'local_search'
    /** Objective of the seeded random teams the search started from ({@link drawTeamBaseline}). */
    readonly startObjective: number
    readonly sweeps: number
  }
}

/**
 * Forms teams CATME-style (Layton, Loughry, Ohland & Ricco 2010, "Design and validation of a web-based
 * system for assigning members to teams using instructor-specified criteria"; decision 0035): every
 * member on an allowed team within its size range, maximising the operator-weighted sum over teams of
 * skill coverage of the team's needs, hours when all are free, preference satisfaction, grouping alike or
 * unlike, minus a penalty per isolated member (the only one of their gender or nationality beside a pair
 * of another). Exact by exhaustive search on tiny problems, else seeded iterated local search from a
 * seeded random assignment; the same seed gives the same teams.
 */
export function composeTeams(
  problem: TeamCompositionProblem,
  options: TeamCompositionOptions = {},
): TeamCompositionResult {
  const seed = readSeed(options.seed)
  const compiled = compileTeamProblem(problem)
  const names = { teams: problem.teams.map((t) => t.id), members: problem.members.map((m) => m.id) }
  const start = drawRandomTeams(compiled, seed, names)
  const restarts = options.restarts ?? (compiled.memberCount <= 200 ? 8 : 3)
  const outcome = searchTeams(compiled, start, seed, restarts, options.exhaustiveLimit ?? 50_000)
  return {
    ...describeTeams(problem, compiled, outcome.teamOf),
    statistics: {
      method: outcome.method,
      startObjective: evaluateTeams(compiled, start),
      sweeps: outcome.sweeps,
    },
  }
}

/** The seeded random teams a composition run starts from (team id per member, input order): a baseline. */
export function drawTeamBaseline(problem: TeamCompositionProblem, seed = 1): readonly string[] {
  const compiled = compileTeamProblem(problem)
  const names = { teams: problem.teams.map((t) => t.id), members: problem.members.map((m) => m.id) }
  return Array.from(drawRandomTeams(compiled, seed, names), (t) => names.teams[t]!)
}

/** Σ team scores of an assignment (team index per member). */
function evaluateTeams(compiled: CompiledTeamProblem, teamOf: Int32Array): number {
  const scratch = createTeamScratch(compiled)
  const members = new Int32Array(compiled.memberCount)
  let total = 0
  for (let t = 0; t < compiled.teamCount; t++) {
    let n = 0
    for (let m = 0; m < teamOf.length; m++) if (teamOf[m] === t) members[n++] = m
    total += scoreTeam(compiled, t, members, n, scratch)
  }
  return total
}

function describeTeams(
  problem: TeamCompositionProblem,
  compiled: CompiledTeamProblem,
  teamOf: Int32Array,
): Pick<TeamCompositionResult, 'teams' | 'placements' | 'objective'> {
  const scratch = createTeamScratch(compiled)
  const byTeam: number[][] = problem.teams.map(() => [])
  for (let m = 0; m < teamOf.length; m++) byTeam[teamOf[m]!]!.push(m)
  const isolation = problem.criteria.avoidIsolation ?? []
  const covers: string[][] = []
  let objective = 0
  const teams = problem.teams.map((slot, t): ComposedTeam => {
    const members = byTeam[t]!
    const score = scoreTeam(compiled, t, Int32Array.from(members), members.length, scratch)
    objective += score
    const has = new Set(members.flatMap((m) => problem.members[m]!.skills ?? []))
    const needed = (slot.neededSkills ?? []).map((n) => n.skill)
    covers.push(needed.filter((s) => has.has(s)))
    const commonHours: number[] = []
    for (let hour = 0; hour < 168; hour++)
      if (members.every((m) => problem.members[m]!.availability?.includes(hour) ?? true))
        commonHours.push(hour)
    const isolated = isolation.flatMap(({ attribute, values: protect }) => {
      const values = members.map((m) => problem.members[m]!.attributes?.[attribute])
      const count = (v: string | undefined) => values.filter((x) => x !== undefined && x === v).length
      if (!values.some((v) => v !== undefined && count(v) >= 2)) return []
      const isAlone = (v: string | undefined) =>
        v !== undefined && count(v) === 1 && (protect === undefined || protect.includes(v))
      return members
        .filter((_m, i) => isAlone(values[i]))
        .map((m) => ({ member: problem.members[m]!.id, attribute }))
    })
    return {
      team: slot.id,
      members: members.map((m) => problem.members[m]!.id),
      score,
      coveredSkills: covers[t]!,
      missingSkills: needed.filter((s) => !has.has(s)),
      commonHours: compiled.hasAvailability ? commonHours : [],
      isolated,
    }
  })
  const placements = problem.members.map((member, m): TeamPlacement => {
    const t = teamOf[m]!
    const rank = (member.preferences ?? []).indexOf(problem.teams[t]!.id)
    const own = new Set(member.skills ?? [])
    return {
      member: member.id,
      team: problem.teams[t]!.id,
      preferenceRank: rank >= 0 ? rank + 1 : null,
      contributes: covers[t]!.filter((s) => own.has(s)),
      teamCovers: covers[t]!,
    }
  })
  return { teams, placements, objective }
}
