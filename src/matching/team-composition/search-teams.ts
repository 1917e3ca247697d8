import { createRandom, type Random } from '../seeded-random.ts'
import type { CompiledTeamProblem } from './compile-team-problem.ts'
import { createTeamScratch, scoreTeam } from './score-team.ts'

/** How the teams were found and what the search did. */
export interface TeamSearchOutcome {
  readonly teamOf: Int32Array
  readonly objective: number
  readonly method: 'exhaustive' | 'local_search'
  readonly sweeps: number
}

/** Improvements smaller than this are float noise, not moves worth making. */
const EPSILON = 1e-9
/** Partners tried per member, team and sweep on large problems. */
const PARTNER_SAMPLE = 48
/** Teams tried per member and sweep on large problems. */
const TEAM_SAMPLE = 32

/** Members of each team in flat arrays (team t holds `list[start[t] .. start[t] + count[t])`). */
interface Teams {
  readonly start: Int32Array
  readonly count: Int32Array
  readonly list: Int32Array
  readonly teamOf: Int32Array
  readonly score: Float64Array
}

function buildTeams(problem: CompiledTeamProblem, teamOf: Int32Array): Teams {
  const { teamCount: nT, maxSize } = problem
  const start = new Int32Array(nT + 1)
  for (let t = 0; t < nT; t++) start[t + 1] = start[t]! + maxSize[t]!
  const count = new Int32Array(nT)
  const list = new Int32Array(start[nT]!)
  for (let m = 0; m < teamOf.length; m++) {
    const t = teamOf[m]!
    list[start[t]! + count[t]!++] = m
  }
  return { start, count, list, teamOf: teamOf.slice(), score: new Float64Array(nT) }
}

/**
 * Finds teams: exhaustively when the assignments number at most `exhaustiveLimit` (then the optimum),
 * else by seeded local search from `start` (best-improvement moves of one member to a team with room and
 * swaps of two members, until no move improves), restarted `restarts` times from the best teams after a
 * seeded perturbation of random swaps (iterated local search, Lourenço, Martin & Stützle 2003). Teams are
 * re-scored only where a move touches them, with no allocation per evaluation.
 */
export function searchTeams(
  problem: CompiledTeamProblem,
  start: Int32Array,
  seed: number,
  restarts: number,
  exhaustiveLimit: number,
): TeamSearchOutcome {
  const exhaustive = searchExhaustively(problem, exhaustiveLimit)
  if (exhaustive !== null) return exhaustive
  const { teamCount: nT, memberCount: nM, minSize, maxSize, isAllowed, allowedStart, allowedTeam } = problem
  const scratch = createTeamScratch(problem)
  let widest = 1
  for (let t = 0; t < nT; t++) widest = Math.max(widest, maxSize[t]!)
  const bufferA = new Int32Array(widest + 1)
  const bufferB = new Int32Array(widest + 1)
  let teams = buildTeams(problem, start)
  const scoreOf = (t: number): number =>
    scoreTeam(problem, t, teams.list.subarray(teams.start[t]!), teams.count[t]!, scratch)
  const rescore = (): number => {
    let total = 0
    for (let t = 0; t < nT; t++) total += teams.score[t] = scoreOf(t)
    return total
  }
  /** Score of team t with member `out` replaced by `incoming` (-1 = removed) or with `incoming` added (out = -1). */
  const scoreChanged = (t: number, out: number, incoming: number, buffer: Int32Array): number => {
    let n = 0
    const base = teams.start[t]!
    for (let i = 0; i < teams.count[t]!; i++) {
      const m = teams.list[base + i]!
      if (m !== out) buffer[n++] = m
    }
    if (incoming >= 0) buffer[n++] = incoming
    return scoreTeam(problem, t, buffer, n, scratch)
  }
  const place = (m: number, from: number, to: number): void => {
    const base = teams.start[from]!
    for (let i = 0; i < teams.count[from]!; i++)
      if (teams.list[base + i] === m) {
        teams.list[base + i] = teams.list[base + --teams.count[from]!]!
        break
      }
    teams.list[teams.start[to]! + teams.count[to]!++] = m
    teams.teamOf[m] = to
  }
  /** Exchanges two members of different teams in place (sizes unchanged). */
  const swap = (m: number, j: number): void => {
    const a = teams.teamOf[m]!
    const b = teams.teamOf[j]!
    for (let i = teams.start[a]!; i < teams.start[a]! + teams.count[a]!; i++)
      if (teams.list[i] === m) teams.list[i] = j
    for (let i = teams.start[b]!; i < teams.start[b]! + teams.count[b]!; i++)
      if (teams.list[i] === j) teams.list[i] = m
    teams.teamOf[m] = b
    teams.teamOf[j] = a
  }
  const random = createRandom(seed)
  const order = shuffled(nM, random)
  let sweeps = 0
  const climb = (): void => {
    for (let isImproved = true; isImproved; ) {
      isImproved = false
      sweeps++
      for (let k = 0; k < nM; k++) {
        const m = order[k]!
        const a = teams.teamOf[m]!
        let bestGain = EPSILON
        let bestTeam = -1
        let bestPartner = -1
        let bestA = 0
        let bestB = 0
        const first = allowedStart[m]!
        const allowedCount = allowedStart[m + 1]! - first
        const teamTries = Math.min(allowedCount, TEAM_SAMPLE)
        const teamOffset = allowedCount > teamTries ? random.nextInt(allowedCount) : 0
        for (let s = 0; s < teamTries; s++) {
          const b = allowedTeam[first + ((teamOffset + s) % allowedCount)]!
          if (b === a) continue
          if (teams.count[b]! < maxSize[b]! && teams.count[a]! > minSize[a]!) {
            const newA = scoreChanged(a, m, -1, bufferA)
            const newB = scoreChanged(b, -1, m, bufferB)
            const gain = newA + newB - teams.score[a]! - teams.score[b]!
            if (gain > bestGain) [bestGain, bestTeam, bestPartner, bestA, bestB] = [gain, b, -1, newA, newB]
          }
          const count = teams.count[b]!
          const tries = Math.min(count, PARTNER_SAMPLE)
          const offset = count > tries ? random.nextInt(count) : 0
          for (let i = 0; i < tries; i++) {
            const j = teams.list[teams.start[b]! + ((offset + i) % count)]!
            if (isAllowed[j * nT + a] === 0) continue
            const newA = scoreChanged(a, m, j, bufferA)
            const newB = scoreChanged(b, j, m, bufferB)
            const gain = newA + newB - teams.score[a]! - teams.score[b]!
            if (gain > bestGain) [bestGain, bestTeam, bestPartner, bestA, bestB] = [gain, b, j, newA, newB]
          }
        }
        if (bestTeam < 0) continue
        if (bestPartner >= 0) swap(m, bestPartner)
        else place(m, a, bestTeam)
        teams.score[a] = bestA
        teams.score[bestTeam] = bestB
        isImproved = true
      }
    }
  }
  rescore()
  climb()
  let best = teams.teamOf.slice()
  let bestObjective = rescore()
  for (let round = 0; round < restarts; round++) {
    teams = buildTeams(problem, best)
    perturb(problem, teams.teamOf, random, swap)
    rescore()
    climb()
    const objective = rescore()
    if (objective > bestObjective + EPSILON) {
      bestObjective = objective
      best = teams.teamOf.slice()
    }
  }
  return { teamOf: best, objective: bestObjective, method: 'local_search', sweeps }
}

/** A few seeded random swaps between teams (allowed for both members): the restart's kick. */
function perturb(
  problem: CompiledTeamProblem,
  teamOf: Int32Array,
  random: Random,
  swap: (m: number, j: number) => void,
): void {
  const { memberCount: nM, teamCount: nT, isAllowed } = problem
  const kicks = Math.max(2, Math.floor(nM / 10))
  for (let k = 0; k < kicks; k++) {
    const m = random.nextInt(nM)
    const j = random.nextInt(nM)
    const a = teamOf[m]!
    const b = teamOf[j]!
    if (a !== b && isAllowed[m * nT + b] === 1 && isAllowed[j * nT + a] === 1) swap(m, j)
  }
}

function shuffled(n: number, random: Random): Int32Array {
  const order = new Int32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  for (let i = n - 1; i > 0; i--) {
    const j = random.nextInt(i + 1)
    const t = order[i]!
    order[i] = order[j]!
    order[j] = t
  }
  return order
}

/** The optimum by depth-first search over every assignment within the sizes, or null when there are too many. */
function searchExhaustively(problem: CompiledTeamProblem, limit: number): TeamSearchOutcome | null {
  const { memberCount: nM, teamCount: nT, minSize, maxSize, isAllowed } = problem
  let leaves = 1
  for (let m = 0; m < nM && leaves <= limit; m++) {
    let allowed = 0
    for (let t = 0; t < nT; t++) allowed += isAllowed[m * nT + t]!
    leaves *= allowed
  }
  if (leaves > limit) return null
  const scratch = createTeamScratch(problem)
  const teamOf = new Int32Array(nM)
  const count = new Int32Array(nT)
  const members = new Int32Array(nM)
  let best: Int32Array | null = null
  let bestObjective = Number.NEGATIVE_INFINITY
  let deficit = 0
  for (let t = 0; t < nT; t++) deficit += minSize[t]!
  const visit = (m: number, missing: number): void => {
    if (nM - m < missing) return
    if (m === nM) {
      let objective = 0
      for (let t = 0; t < nT; t++) {
        let n = 0
        for (let i = 0; i < nM; i++) if (teamOf[i] === t) members[n++] = i
        objective += scoreTeam(problem, t, members, n, scratch)
      }
      if (objective > bestObjective + EPSILON) {
        bestObjective = objective
        best = teamOf.slice()
      }
      return
    }
    for (let t = 0; t < nT; t++) {
      if (isAllowed[m * nT + t] === 0 || count[t]! >= maxSize[t]!) continue
      teamOf[m] = t
      count[t]!++
      visit(m + 1, missing - (count[t]! <= minSize[t]! ? 1 : 0))
      count[t]!--
    }
  }
  visit(0, deficit)
  return best === null ? null : { teamOf: best, objective: bestObjective, method: 'exhaustive', sweeps: 0 }
}
