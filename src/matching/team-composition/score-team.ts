import { type CompiledTeamProblem, WEEK_WORDS } from './compile-team-problem.ts'

/** Reusable buffers for {@link scoreTeam} (one per search; nothing is allocated per evaluation). */
export interface TeamScratch {
  readonly skillStamp: Int32Array
  stamp: number
  /** Per-part values of the last scored team: coverage, overlap, categorical criteria, numeric, preference. */
  readonly parts: Float64Array
}

/** Creates the scratch buffers for a problem. */
export function createTeamScratch(problem: CompiledTeamProblem): TeamScratch {
  const partCount = 3 + problem.categoryKind.length + problem.numericKind.length
  return { skillStamp: new Int32Array(problem.skillIds.length), stamp: 0, parts: new Float64Array(partCount) }
}

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff
}

/**
 * The weighted score of team `team` holding `members[0..count)`, and each part in `scratch.parts`:
 * [0] share of needed skill weight covered, [1] share of the hours needed when all are free (capped at
 * 1), then per categorical criterion the isolated members with a protected value (isolation), or the share of same-valued pairs
 * (similar) or of differing pairs (dissimilar), per numeric criterion 1 − spread or the spread (as a share
 * of everyone's), and last the members' summed satisfaction. A team of fewer than two scores 1 on the
 * pair-based parts; an empty team scores 0. Score = Σ weight · part, isolation counting negatively.
 */
export function scoreTeam(
  problem: CompiledTeamProblem,
  team: number,
  members: Int32Array,
  count: number,
  scratch: TeamScratch,
): number {
  const { parts } = scratch
  const nT = problem.teamCount
  if (count === 0) {
    parts.fill(0)
    return 0
  }
  let score = 0
  // Skill coverage.
  const stamp = ++scratch.stamp
  const { memberSkillStart, memberSkill, neededStart, neededSkill, neededWeight } = problem
  for (let i = 0; i < count; i++) {
    const m = members[i]!
    for (let k = memberSkillStart[m]!; k < memberSkillStart[m + 1]!; k++)
      scratch.skillStamp[memberSkill[k]!] = stamp
  }
  let neededTotal = 0
  let covered = 0
  for (let k = neededStart[team]!; k < neededStart[team + 1]!; k++) {
    neededTotal += neededWeight[k]!
    if (scratch.skillStamp[neededSkill[k]!] === stamp) covered += neededWeight[k]!
  }
  parts[0] = neededTotal > 0 ? covered / neededTotal : 0
  score += problem.coverageWeight * parts[0]!
  // Hours when every member is free.
  let common = 0
  for (let w = 0; w < WEEK_WORDS; w++) {
    let word = 0xffffffff
    for (let i = 0; i < count; i++) word &= problem.availability[members[i]! * WEEK_WORDS + w]!
    common += popcount(word)
  }
  parts[1] = Math.min(1, common / problem.hoursNeeded)
  score += problem.overlapWeight * parts[1]!
  // Categorical criteria: pair counts per member (teams are small).
  const nC = problem.categoryKind.length
  for (let c = 0; c < nC; c++) {
    let valued = 0
    let samePairs = 0
    let singles = 0
    let hasMajority = false
    for (let i = 0; i < count; i++) {
      const value = problem.categoryValue[members[i]! * nC + c]!
      if (value < 0) continue
      valued++
      let same = 0
      for (let j = 0; j < count; j++) if (problem.categoryValue[members[j]! * nC + c] === value) same++
      samePairs += same - 1
      if (same > 1) hasMajority = true
      else if (problem.isProtected[members[i]! * nC + c] === 1) singles++
    }
    const kind = problem.categoryKind[c]
    let part: number
    if (kind === 'isolation') part = hasMajority ? singles : 0
    else {
      const share = valued >= 2 ? samePairs / (valued * (valued - 1)) : 1
      part = kind === 'similar' ? share : valued >= 2 ? 1 - share : 1
    }
    parts[2 + c] = part
    score += (kind === 'isolation' ? -1 : 1) * problem.categoryWeight[c]! * part
  }
  // Numeric criteria: spread as a share of everyone's spread.
  const nN = problem.numericKind.length
  for (let c = 0; c < nN; c++) {
    let lo = Number.POSITIVE_INFINITY
    let hi = Number.NEGATIVE_INFINITY
    for (let i = 0; i < count; i++) {
      const value = problem.numericValue[members[i]! * nN + c]!
      if (value < lo) lo = value
      if (value > hi) hi = value
    }
    const range = problem.numericRange[c]!
    const spread = hi > lo && range > 0 ? (hi - lo) / range : 0
    parts[2 + nC + c] = problem.numericKind[c] === 'similar' ? 1 - spread : spread
    score += problem.numericWeight[c]! * parts[2 + nC + c]!
  }
  // Preference satisfaction, summed over members.
  let satisfied = 0
  if (problem.satisfaction.length > 0)
    for (let i = 0; i < count; i++) satisfied += problem.satisfaction[members[i]! * nT + team]!
  parts[2 + nC + nN] = satisfied
  score += problem.preferenceWeight * satisfied
  return score
}
