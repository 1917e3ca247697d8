import { collectIssues, isCount } from '../shared/collect-issues.ts'

/** A team to fill: its size range and, for a project team, the skills the project needs. */
export interface TeamSlot {
  readonly id: string
  readonly minSize: number
  readonly maxSize: number
  /** Skills the project needs (taxonomy ids), each with a weight (default 1). */
  readonly neededSkills?:
    | readonly { readonly skill: string; readonly weight?: number | undefined }[]
    | undefined
}

/** A person to place on a team. */
export interface TeamMember {
  readonly id: string
  readonly skills?: readonly string[] | undefined
  /** Hours of the week the person is free, 0–167 in UTC (time zones already applied). */
  readonly availability?: readonly number[] | undefined
  /** Categorical attributes (e.g. `gender`, `nationality`, `major`). */
  readonly attributes?: Readonly<Record<string, string>> | undefined
  /** Numeric attributes (e.g. `experienceYears`, `testScore`). */
  readonly numbers?: Readonly<Record<string, number>> | undefined
  /** Teams this person ranks, best first (capstone problems); others count as unranked. */
  readonly preferences?: readonly string[] | undefined
  /** Teams this person may join (e.g. the teams of their allocated project); absent = any. */
  readonly allowedTeams?: readonly string[] | undefined
}

/** Group members alike or unlike on one attribute (categorical, or numeric from `numbers`). */
export interface GroupingCriterion {
  readonly attribute: string
  readonly mode: 'similar' | 'dissimilar'
  readonly weight: number
}

/** Operator-set weights (≥ 0) of the objective's parts; an absent part counts nothing. */
export interface TeamCriteria {
  /** Weight of the share (0–1) of a team's needed skills that some member has. */
  readonly skillCoverage?: number | undefined
  /** Weight of the share (0–1, capped) of `hoursNeeded` weekly hours when every member is free. */
  readonly scheduleOverlap?: { readonly weight: number; readonly hoursNeeded: number } | undefined
  /**
   * Penalty per member who is the only one of their value of `attribute` while another value has two or
   * more; `values` limits it to the groups to protect (e.g. `['woman']`), absent = every value.
   */
  readonly avoidIsolation?:
    | readonly {
        readonly attribute: string
        readonly weight: number
        readonly values?: readonly string[] | undefined
      }[]
    | undefined
  readonly grouping?: readonly GroupingCriterion[] | undefined
  /** Weight of each member's satisfaction with the team (1 for a first choice down to 0 when unranked). */
  readonly preference?: number | undefined
}

/** Split people into teams within size ranges, maximising the weighted criteria summed over teams. */
export interface TeamCompositionProblem {
  readonly teams: readonly TeamSlot[]
  readonly members: readonly TeamMember[]
  readonly criteria: TeamCriteria
}

/** Hours in the availability week. */
export const WEEK_HOURS = 168
/** 32-bit words per availability bitset. */
export const WEEK_WORDS = Math.ceil(WEEK_HOURS / 32)

/** The problem in flat arrays: dense ids (input order); CSR lists by member and by team. */
export interface CompiledTeamProblem {
  readonly memberCount: number
  readonly teamCount: number
  readonly minSize: Int32Array
  readonly maxSize: Int32Array
  readonly skillIds: readonly string[]
  readonly memberSkillStart: Int32Array
  readonly memberSkill: Int32Array
  readonly neededStart: Int32Array
  readonly neededSkill: Int32Array
  readonly neededWeight: Float64Array
  /** WEEK_WORDS words per member; a member without availability is free all week. */
  readonly availability: Uint32Array
  /** Some member gave availability (else common hours are not reported). */
  readonly hasAvailability: boolean
  /** One value index per member and categorical criterion (isolation, then categorical groupings); -1 = none. */
  readonly categoryValue: Int32Array
  /** 1 when a member's value is protected by its isolation criterion (same layout as `categoryValue`). */
  readonly isProtected: Uint8Array
  /** For each categorical criterion: weight (negative for isolation penalties) and kind. */
  readonly categoryKind: readonly ('isolation' | 'similar' | 'dissimilar')[]
  readonly categoryWeight: Float64Array
  /** One value per member and numeric grouping; NaN = none; `numericRange` = spread over everyone. */
  readonly numericValue: Float64Array
  readonly numericKind: readonly ('similar' | 'dissimilar')[]
  readonly numericWeight: Float64Array
  readonly numericRange: Float64Array
  /** Satisfaction (1 … 0) of member m in team t at m·teamCount + t; empty without preferences. */
  readonly satisfaction: Float64Array
  /** 1 when member m may join team t, at m·teamCount + t. */
  readonly isAllowed: Uint8Array
  /** The teams each member may join (CSR by member). */
  readonly allowedStart: Int32Array
  readonly allowedTeam: Int32Array
  readonly coverageWeight: number
  readonly overlapWeight: number
  readonly hoursNeeded: number
  readonly preferenceWeight: number
}

type Issues = ReturnType<typeof collectIssues>

/** Checks a weight (absent = 0). */
function readWeight(issues: Issues, value: number | undefined, path: string): number {
  if (value === undefined) return 0
  if (!(value >= 0) || !Number.isFinite(value)) issues.note(path, 'must be a finite number ≥ 0')
  return value
}

/** Checks a problem (throws `bad_request` naming each bad field or impossible bound) and flattens it. */
export function compileTeamProblem(problem: TeamCompositionProblem): CompiledTeamProblem {
  const issues = collectIssues()
  const { teams, members, criteria } = problem
  const teamIndex = issues.index(teams, 'teams')
  issues.index(members, 'members')
  const sizes = compileSizes(issues, teams, members.length)
  const coverageWeight = readWeight(issues, criteria.skillCoverage, 'criteria.skillCoverage')
  const overlapWeight = readWeight(
    issues,
    criteria.scheduleOverlap?.weight,
    'criteria.scheduleOverlap.weight',
  )
  const hoursNeeded = criteria.scheduleOverlap?.hoursNeeded ?? 1
  if (criteria.scheduleOverlap && !(hoursNeeded > 0 && hoursNeeded <= WEEK_HOURS))
    issues.note('criteria.scheduleOverlap.hoursNeeded', `must be in 1–${WEEK_HOURS}`)
  const preferenceWeight = readWeight(issues, criteria.preference, 'criteria.preference')
  const skills = compileSkills(issues, teams, members)
  const people = compileMembers(issues, members, teamIndex, teams.length, preferenceWeight > 0)
  const attributes = compileAttributes(issues, members, criteria)
  issues.throwIfAny('team composition')
  return {
    memberCount: members.length,
    teamCount: teams.length,
    ...sizes,
    ...skills,
    ...people,
    ...attributes(),
    coverageWeight,
    overlapWeight,
    hoursNeeded,
    preferenceWeight,
  }
}

function compileSizes(issues: Issues, teams: readonly TeamSlot[], memberCount: number) {
  const minSize = new Int32Array(teams.length)
  const maxSize = new Int32Array(teams.length)
  let minimums = 0
  let maximums = 0
  teams.forEach((team, t) => {
    if (!isCount(team.minSize)) issues.note(`teams[${t}].minSize`, 'must be an integer ≥ 0')
    if (!isCount(team.maxSize) || team.maxSize < team.minSize)
      issues.note(`teams[${t}].maxSize`, 'must be an integer ≥ minSize')
    minSize[t] = team.minSize
    maxSize[t] = team.maxSize
    minimums += team.minSize
    maximums += team.maxSize
  })
  if (minimums > memberCount)
    issues.note('teams', `minimum sizes add up to ${minimums}, more than the ${memberCount} members`)
  if (maximums < memberCount)
    issues.note('teams', `maximum sizes add up to ${maximums}, fewer than the ${memberCount} members`)
  return { minSize, maxSize }
}

function compileSkills(issues: Issues, teams: readonly TeamSlot[], members: readonly TeamMember[]) {
  const skillIndex = new Map<string, number>()
  const skillOf = (skill: string): number => {
    let s = skillIndex.get(skill)
    if (s === undefined) {
      s = skillIndex.size
      skillIndex.set(skill, s)
    }
    return s
  }
  const neededStart = new Int32Array(teams.length + 1)
  const needed: number[] = []
  const neededWeights: number[] = []
  teams.forEach((team, t) => {
    ;(team.neededSkills ?? []).forEach((need, i) => {
      needed.push(skillOf(need.skill))
      neededWeights.push(readWeight(issues, need.weight ?? 1, `teams[${t}].neededSkills[${i}].weight`))
    })
    neededStart[t + 1] = needed.length
  })
  const memberSkillStart = new Int32Array(members.length + 1)
  const memberSkills: number[] = []
  members.forEach((member, m) => {
    for (const skill of new Set(member.skills ?? [])) memberSkills.push(skillOf(skill))
    memberSkillStart[m + 1] = memberSkills.length
  })
  return {
    skillIds: [...skillIndex.keys()],
    memberSkillStart,
    memberSkill: Int32Array.from(memberSkills),
    neededStart,
    neededSkill: Int32Array.from(needed),
    neededWeight: Float64Array.from(neededWeights),
  }
}

function compileMembers(
  issues: Issues,
  members: readonly TeamMember[],
  teamIndex: Readonly<Record<string, number | undefined>>,
  nT: number,
  hasPreferences: boolean,
) {
  const nM = members.length
  const availability = new Uint32Array(nM * WEEK_WORDS)
  const isAllowed = new Uint8Array(nM * nT)
  const allowedStart = new Int32Array(nM + 1)
  const allowed: number[] = []
  const satisfaction = new Float64Array(hasPreferences ? nM * nT : 0)
  members.forEach((member, m) => {
    if (member.availability === undefined)
      for (let hour = 0; hour < WEEK_HOURS; hour++)
        availability[m * WEEK_WORDS + (hour >> 5)]! |= 1 << (hour & 31)
    else
      member.availability.forEach((hour, i) => {
        if (!Number.isInteger(hour) || hour < 0 || hour >= WEEK_HOURS)
          issues.note(`members[${m}].availability[${i}]`, `must be an hour 0–${WEEK_HOURS - 1}`)
        else availability[m * WEEK_WORDS + (hour >> 5)]! |= 1 << (hour & 31)
      })
    if (member.allowedTeams === undefined) isAllowed.fill(1, m * nT, (m + 1) * nT)
    else
      member.allowedTeams.forEach((id, i) => {
        const t = teamIndex[id]
        if (t === undefined) issues.note(`members[${m}].allowedTeams[${i}]`, `unknown team '${id}'`)
        else isAllowed[m * nT + t] = 1
      })
    for (let t = 0; t < nT; t++) if (isAllowed[m * nT + t] === 1) allowed.push(t)
    allowedStart[m + 1] = allowed.length
    const preferences = member.preferences ?? []
    preferences.forEach((id, r) => {
      const t = teamIndex[id]
      if (t === undefined) issues.note(`members[${m}].preferences[${r}]`, `unknown team '${id}'`)
      else if (hasPreferences) satisfaction[m * nT + t] = (preferences.length - r) / preferences.length
    })
  })
  return {
    availability,
    hasAvailability: members.some((m) => m.availability !== undefined),
    isAllowed,
    allowedStart,
    allowedTeam: Int32Array.from(allowed),
    satisfaction,
  }
}

/** Categorical criteria (isolation, then categorical groupings) and numeric groupings; values filled after the checks. */
function compileAttributes(issues: Issues, members: readonly TeamMember[], criteria: TeamCriteria) {
  const categoryKind: ('isolation' | 'similar' | 'dissimilar')[] = []
  const categoryWeights: number[] = []
  const categoryAttribute: string[] = []
  const protectedValues: (ReadonlySet<string> | null)[] = []
  ;(criteria.avoidIsolation ?? []).forEach((c, i) => {
    categoryKind.push('isolation')
    categoryWeights.push(readWeight(issues, c.weight, `criteria.avoidIsolation[${i}].weight`))
    categoryAttribute.push(c.attribute)
    protectedValues.push(c.values === undefined ? null : new Set(c.values))
  })
  const numericKind: ('similar' | 'dissimilar')[] = []
  const numericWeights: number[] = []
  const numericAttribute: string[] = []
  ;(criteria.grouping ?? []).forEach((c, i) => {
    const weight = readWeight(issues, c.weight, `criteria.grouping[${i}].weight`)
    if (c.mode !== 'similar' && c.mode !== 'dissimilar')
      issues.note(`criteria.grouping[${i}].mode`, "must be 'similar' or 'dissimilar'")
    // An attribute any member gives as a number is numeric; otherwise categorical.
    const isNumeric = members.some((m) => m.numbers?.[c.attribute] !== undefined)
    ;(isNumeric ? numericKind : categoryKind).push(c.mode)
    ;(isNumeric ? numericWeights : categoryWeights).push(weight)
    ;(isNumeric ? numericAttribute : categoryAttribute).push(c.attribute)
  })
  return () => {
    const nM = members.length
    const nC = categoryKind.length
    const categoryValue = new Int32Array(nM * nC).fill(-1)
    const isProtected = new Uint8Array(nM * nC)
    categoryAttribute.forEach((attribute, c) => {
      const values = new Map<string, number>()
      const protect = protectedValues[c] ?? null
      for (let m = 0; m < nM; m++) {
        const value = members[m]!.attributes?.[attribute]
        if (value === undefined) continue
        if (!values.has(value)) values.set(value, values.size)
        categoryValue[m * nC + c] = values.get(value)!
        isProtected[m * nC + c] = protect === null || protect.has(value) ? 1 : 0
      }
    })
    const nN = numericKind.length
    const numericValue = new Float64Array(nM * nN).fill(Number.NaN)
    const numericRange = new Float64Array(nN)
    numericAttribute.forEach((attribute, c) => {
      let lo = Number.POSITIVE_INFINITY
      let hi = Number.NEGATIVE_INFINITY
      members.forEach((member, m) => {
        const value = member.numbers?.[attribute]
        if (value === undefined || !Number.isFinite(value)) return
        numericValue[m * nN + c] = value
        lo = Math.min(lo, value)
        hi = Math.max(hi, value)
      })
      numericRange[c] = hi > lo ? hi - lo : 0
    })
    return {
      categoryValue,
      isProtected,
      categoryKind,
      categoryWeight: Float64Array.from(categoryWeights),
      numericValue,
      numericKind,
      numericWeight: Float64Array.from(numericWeights),
      numericRange,
    }
  }
}
