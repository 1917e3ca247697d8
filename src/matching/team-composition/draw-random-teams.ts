import { AppError } from '../../domain/app-error.ts'
import { createFlowBuilder } from '../flow/create-flow-builder.ts'
import { solveMinCostFlow } from '../flow/solve-min-cost-flow.ts'
import { hashPair } from '../shared/hash-pair.ts'
import type { CompiledTeamProblem } from './compile-team-problem.ts'

/**
 * A seeded random assignment of every member to an allowed team within every size range (the local
 * search's start, and the "random teams" baseline). A min-cost flow with a seeded random cost per
 * (member, team) pair, a bonus per seat up to each team's minimum and a penalty for leaving anyone out;
 * throws `bad_request` naming the team or member when the sizes or allowed teams make it impossible.
 */
export function drawRandomTeams(
  problem: CompiledTeamProblem,
  seed: number,
  names: { readonly teams: readonly string[]; readonly members: readonly string[] },
): Int32Array {
  const { memberCount: nM, teamCount: nT, minSize, maxSize, isAllowed } = problem
  let pairs = 0
  for (let i = 0; i < isAllowed.length; i++) pairs += isAllowed[i]!
  const source = nM + nT
  const sink = source + 1
  const { add, build } = createFlowBuilder(sink + 1, nM + pairs + 2 * nT + nM)
  // Random costs stay below 1,000 per member; leaving someone out costs more than all of them, and
  // a seat below a team's minimum earns more than everyone's placement costs together.
  const leaveOut = 1000 * (nM + 1)
  const minimumBonus = leaveOut * (nM + 1)
  for (let member = 0; member < nM; member++) add(source, member, 1, 0)
  for (let member = 0; member < nM; member++)
    for (let t = 0; t < nT; t++)
      if (isAllowed[member * nT + t] === 1) add(member, nM + t, 1, hashPair(seed, member, t) % 1000)
  for (let t = 0; t < nT; t++) {
    add(nM + t, sink, minSize[t]!, -minimumBonus)
    add(nM + t, sink, maxSize[t]! - minSize[t]!, 0)
  }
  for (let member = 0; member < nM; member++) add(member, sink, 1, leaveOut)
  const network = build(source, sink, nM)
  const solution = solveMinCostFlow(network)
  const teamOf = new Int32Array(nM).fill(-1)
  const size = new Int32Array(nT)
  for (let a = nM; a < nM + pairs; a++)
    if (solution.flow[a]! > 0) {
      teamOf[network.arcSource[a]!] = network.arcTarget[a]! - nM
      size[network.arcTarget[a]! - nM]!++
    }
  for (let t = 0; t < nT; t++)
    if (size[t]! < minSize[t]!)
      throw new AppError('bad_request', `team '${names.teams[t]}' cannot reach ${minSize[t]} members`, [
        { path: `teams[${t}].minSize`, message: `only ${size[t]} of the members allowed there can join it` },
      ])
  for (let member = 0; member < nM; member++)
    if (teamOf[member]! < 0)
      throw new AppError('bad_request', `member '${names.members[member]}' fits no team`, [
        { path: `members[${member}]`, message: 'every team this member may join is full' },
      ])
  return teamOf
}
