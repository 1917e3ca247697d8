import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { AppError } from '../../domain/app-error.ts'
import { createRandom } from '../seeded-random.ts'
import type { TeamCompositionProblem } from './compile-team-problem.ts'
import { composeTeams, drawTeamBaseline } from './compose-teams.ts'

const RUNS = Number(process.env.MATCHING_PROPERTY_RUNS ?? 1)
const seedArbitrary = fc.integer({ min: 0, max: 0x7fffffff })

/** A random problem with every criterion in play; hours 0–7 so that schedules overlap or not. */
function randomProblem(seed: number, maxMembers: number, maxTeams: number): TeamCompositionProblem {
  const random = createRandom(seed)
  const nT = 1 + random.nextInt(maxTeams)
  const skills = ['nlp', 'audio', 'backend', 'ml-ops']
  const teams = Array.from({ length: nT }, (_, t) => ({
    id: `t${t}`,
    minSize: random.nextInt(2),
    maxSize: 2 + random.nextInt(3),
    neededSkills: skills
      .filter(() => random.nextFloat() < 0.5)
      .map((skill) => ({ skill, weight: 1 + random.nextInt(3) })),
  }))
  const capacity = teams.reduce((s, t) => s + t.maxSize, 0)
  const minimum = teams.reduce((s, t) => s + t.minSize, 0)
  const nM = Math.max(minimum, Math.min(capacity, 2 + random.nextInt(maxMembers - 1)))
  const members = Array.from({ length: nM }, (_, m) => ({
    id: `m${m}`,
    skills: skills.filter(() => random.nextFloat() < 0.35),
    ...(random.nextFloat() < 0.8
      ? { availability: [0, 1, 2, 3, 4, 5, 6, 7].filter(() => random.nextFloat() < 0.6) }
      : {}),
    attributes: { gender: random.nextFloat() < 0.35 ? 'f' : 'm', major: `j${random.nextInt(3)}` },
    numbers: { years: random.nextInt(6) },
    preferences: teams.map((t) => t.id).filter(() => random.nextFloat() < 0.6),
    ...(random.nextFloat() < 0.25
      ? { allowedTeams: teams.map((t) => t.id).filter(() => random.nextFloat() < 0.6) }
      : {}),
  }))
  return {
    teams,
    members,
    criteria: {
      skillCoverage: random.nextInt(4),
      scheduleOverlap: { weight: random.nextInt(3), hoursNeeded: 1 + random.nextInt(3) },
      avoidIsolation: [
        {
          attribute: 'gender',
          weight: random.nextInt(3),
          ...(random.nextFloat() < 0.5 ? { values: ['f'] } : {}),
        },
      ],
      grouping: [
        {
          attribute: 'major',
          mode: random.nextFloat() < 0.5 ? 'similar' : 'dissimilar',
          weight: random.nextInt(3),
        },
        {
          attribute: 'years',
          mode: random.nextFloat() < 0.5 ? 'similar' : 'dissimilar',
          weight: random.nextInt(3),
        },
      ],
      preference: random.nextInt(3),
    },
  }
}

/** The objective of an assignment, by the definitions, on plain objects (no engine code). */
function objectiveOf(problem: TeamCompositionProblem, teamOf: readonly string[]): number {
  const { criteria } = problem
  let total = 0
  for (const team of problem.teams) {
    const members = problem.members.filter((_m, i) => teamOf[i] === team.id)
    if (members.length === 0) continue
    const needed = team.neededSkills ?? []
    const neededWeight = needed.reduce((s, n) => s + (n.weight ?? 1), 0)
    const covered = needed
      .filter((n) => members.some((m) => m.skills?.includes(n.skill)))
      .reduce((s, n) => s + (n.weight ?? 1), 0)
    total += (criteria.skillCoverage ?? 0) * (neededWeight > 0 ? covered / neededWeight : 0)
    let common = 0
    for (let hour = 0; hour < 168; hour++)
      if (members.every((m) => m.availability?.includes(hour) ?? true)) common++
    if (criteria.scheduleOverlap)
      total += criteria.scheduleOverlap.weight * Math.min(1, common / criteria.scheduleOverlap.hoursNeeded)
    for (const c of criteria.avoidIsolation ?? []) {
      const values = members.map((m) => m.attributes?.[c.attribute]).filter((v) => v !== undefined)
      const count = (v: string) => values.filter((x) => x === v).length
      const isProtected = (v: string) => c.values === undefined || c.values.includes(v)
      if (values.some((v) => count(v) >= 2))
        total -= c.weight * values.filter((v) => count(v) === 1 && isProtected(v)).length
    }
    for (const g of criteria.grouping ?? []) {
      const isNumeric = problem.members.some((m) => m.numbers?.[g.attribute] !== undefined)
      if (isNumeric) {
        const all = problem.members.map((m) => m.numbers?.[g.attribute]).filter((v) => v !== undefined)
        const range = Math.max(...all) - Math.min(...all)
        const own = members.map((m) => m.numbers?.[g.attribute]).filter((v) => v !== undefined)
        const spread = own.length > 0 && range > 0 ? (Math.max(...own) - Math.min(...own)) / range : 0
        total += g.weight * (g.mode === 'similar' ? 1 - spread : spread)
      } else {
        const values = members.map((m) => m.attributes?.[g.attribute]).filter((v) => v !== undefined)
        let same = 0
        for (let i = 0; i < values.length; i++)
          for (let j = 0; j < values.length; j++) if (i !== j && values[i] === values[j]) same++
        const share = values.length >= 2 ? same / (values.length * (values.length - 1)) : 1
        total += g.weight * (g.mode === 'similar' || values.length < 2 ? share : 1 - share)
      }
    }
    for (const m of members) {
      const rank = (m.preferences ?? []).indexOf(team.id)
      if (rank >= 0)
        total += (criteria.preference ?? 0) * ((m.preferences!.length - rank) / m.preferences!.length)
    }
  }
  return total
}

/** Every assignment within sizes and allowed teams, and the best objective. */
function bruteForceBest(problem: TeamCompositionProblem): number {
  let best = Number.NEGATIVE_INFINITY
  const teamOf: string[] = []
  const visit = (i: number): void => {
    if (i === problem.members.length) {
      const sizes = problem.teams.map((t) => teamOf.filter((x) => x === t.id).length)
      if (problem.teams.every((t, k) => sizes[k]! >= t.minSize && sizes[k]! <= t.maxSize))
        best = Math.max(best, objectiveOf(problem, teamOf))
      return
    }
    for (const team of problem.teams) {
      if (problem.members[i]!.allowedTeams && !problem.members[i]!.allowedTeams!.includes(team.id)) continue
      teamOf[i] = team.id
      visit(i + 1)
    }
  }
  visit(0)
  return best
}

function assertFeasible(problem: TeamCompositionProblem, teamOf: readonly string[]): void {
  for (const team of problem.teams) {
    const size = teamOf.filter((t) => t === team.id).length
    assert.ok(size >= team.minSize && size <= team.maxSize, `${team.id} has ${size}`)
  }
  problem.members.forEach((m, i) => {
    assert.ok(!m.allowedTeams || m.allowedTeams.includes(teamOf[i]!))
  })
}

/** Whether the sizes and allowed teams admit an assignment (the engine throws otherwise). */
function isFeasibleProblem(problem: TeamCompositionProblem): boolean {
  try {
    drawTeamBaseline(problem)
    return true
  } catch (error) {
    if (error instanceof AppError) return false
    throw error
  }
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))

test('hand-written: skills are covered, the lone woman is not isolated, explanations name choice and skills', () => {
  const members = [
    { id: 'ana', skills: ['nlp'], attributes: { gender: 'f' }, preferences: ['voice', 'sound'] },
    { id: 'bich', skills: ['backend'], attributes: { gender: 'f' }, preferences: ['voice', 'sound'] },
    { id: 'cho', skills: ['audio'], attributes: { gender: 'm' }, preferences: ['sound', 'voice'] },
    { id: 'dan', skills: ['nlp'], attributes: { gender: 'm' }, preferences: ['sound', 'voice'] },
    { id: 'eun', skills: ['audio'], attributes: { gender: 'm' }, preferences: ['voice', 'sound'] },
    { id: 'fai', skills: ['backend'], attributes: { gender: 'm' }, preferences: ['sound', 'voice'] },
  ]
  const problem: TeamCompositionProblem = {
    teams: [
      { id: 'voice', minSize: 3, maxSize: 3, neededSkills: [{ skill: 'nlp' }, { skill: 'backend' }] },
      { id: 'sound', minSize: 3, maxSize: 3, neededSkills: [{ skill: 'audio' }, { skill: 'backend' }] },
    ],
    members,
    criteria: {
      skillCoverage: 3,
      avoidIsolation: [{ attribute: 'gender', weight: 5, values: ['f'] }],
      preference: 1,
    },
  }
  const result = composeTeams(problem)
  assert.equal(result.statistics.method, 'exhaustive')
  for (const team of result.teams) {
    assert.deepEqual(team.missingSkills, [])
    assert.deepEqual(team.isolated, [])
  }
  // Both women must share a team (else one is alone among men).
  assert.equal(result.teams.find((t) => t.members.includes('ana'))!.members.includes('bich'), true)
  const ana = result.placements.find((p) => p.member === 'ana')!
  assert.equal(ana.preferenceRank, ana.team === 'voice' ? 1 : 2)
  assert.ok(ana.contributes.every((s) => ['nlp', 'backend'].includes(s)))
  assert.ok(result.objective >= result.statistics.startObjective)
})

test('bad input is refused naming the field: impossible team bounds, unknown teams, bad hours', () => {
  assert.throws(
    () =>
      composeTeams({
        teams: [{ id: 't', minSize: 4, maxSize: 5 }],
        members: [{ id: 'a', availability: [200], allowedTeams: ['x'] }],
        criteria: {},
      }),
    (error: unknown) =>
      error instanceof AppError &&
      ['teams', 'members[0].availability[0]', 'members[0].allowedTeams[0]'].every((path) =>
        error.issues.some((i) => i.path === path),
      ),
  )
  // Feasible in total but not with the allowed teams: the team that cannot fill is named.
  assert.throws(
    () =>
      composeTeams({
        teams: [
          { id: 'x', minSize: 2, maxSize: 3 },
          { id: 'y', minSize: 0, maxSize: 3 },
        ],
        members: [{ id: 'a' }, { id: 'b', allowedTeams: ['y'] }],
        criteria: {},
      }),
    (error: unknown) => error instanceof AppError && error.issues[0]?.path === 'teams[0].minSize',
  )
})

test('team composition equals the exhaustive optimum on tiny problems', () => {
  fc.assert(
    fc.property(seedArbitrary, seedArbitrary, (problemSeed, seed) => {
      const problem = randomProblem(problemSeed, 7, 3)
      const best = bruteForceBest(problem)
      if (best === Number.NEGATIVE_INFINITY) {
        assert.throws(() => composeTeams(problem, { seed }), AppError)
        return
      }
      const result = composeTeams(problem, { seed })
      const teamOf = result.placements.map((p) => p.team)
      assertFeasible(problem, teamOf)
      assert.ok(close(result.objective, objectiveOf(problem, teamOf)), 'objective as defined')
      assert.ok(close(result.objective, best), 'optimum')
    }),
    { numRuns: 200 * RUNS },
  )
})

test('the local search alone is no worse than its seeded random start, feasible, and deterministic', () => {
  fc.assert(
    fc.property(seedArbitrary, seedArbitrary, (problemSeed, seed) => {
      const problem = randomProblem(problemSeed, 60, 12)
      if (!isFeasibleProblem(problem)) return
      const result = composeTeams(problem, { seed, exhaustiveLimit: 0 })
      const teamOf = result.placements.map((p) => p.team)
      assertFeasible(problem, teamOf)
      const baseline = drawTeamBaseline(problem, seed)
      assertFeasible(problem, baseline)
      assert.ok(close(result.statistics.startObjective, objectiveOf(problem, baseline)))
      assert.ok(objectiveOf(problem, teamOf) >= objectiveOf(problem, baseline) - 1e-9)
      assert.deepEqual(composeTeams(problem, { seed, exhaustiveLimit: 0 }), result)
    }),
    { numRuns: 40 * RUNS },
  )
})

test('the local search alone reaches the exhaustive optimum on at least 90% of 100 fixed tiny problems', () => {
  let feasible = 0
  let optimal = 0
  for (let seed = 1; seed <= 100; seed++) {
    const problem = randomProblem(seed * 7919, 7, 3)
    const best = bruteForceBest(problem)
    if (best === Number.NEGATIVE_INFINITY) continue
    feasible++
    if (close(composeTeams(problem, { seed, exhaustiveLimit: 0 }).objective, best)) optimal++
  }
  assert.ok(optimal >= 0.9 * feasible, `${optimal} of ${feasible}`)
})
