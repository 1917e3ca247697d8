import assert from 'node:assert/strict'
import { test } from 'node:test'
import { computeSkillSupplyDemand } from './compute-skill-supply-demand.ts'
import { createScoringIndex } from './create-scoring-index.ts'
import { deriveRankLists } from './derive-rank-lists.ts'

const index = createScoringIndex(
  [
    { id: 'c1', skills: [{ skill: 'pytorch', level: 4 }], visa: 'E-7' },
    { id: 'c2', skills: [{ skill: 'pytorch', level: 4 }], visa: 'E-7' },
    { id: 'c3', skills: [{ skill: 'tensorflow', level: 4 }], visa: 'D-10' },
    { id: 'c4', skills: [{ skill: 'docker', level: 2 }], visa: 'E-7' },
  ],
  [
    { id: 'p1', requiredSkills: [{ skill: 'pytorch', minLevel: 3 }], seats: 3 },
    { id: 'p2', requiredSkills: [{ skill: 'deep-learning', minLevel: 3 }], hard: { allowedVisas: ['E-7'] } },
  ],
)

test('rank lists keep equal scores as one tier and leave excluded pairs out', () => {
  const lists = deriveRankLists(index)
  const p1 = lists.positions.find((list) => list.id === 'p1')!
  assert.deepEqual(p1.tiers, [['c1', 'c2'], ['c3'], ['c4']])
  assert.ok(p1.scores[0]! > p1.scores[1]! && p1.scores[1]! > p1.scores[2]!)
  const p2 = lists.positions.find((list) => list.id === 'p2')!
  assert.deepEqual(p2.tiers.flat().includes('c3'), false)
  const c3 = lists.candidates.find((list) => list.id === 'c3')!
  assert.deepEqual(c3.tiers, [['p1']])
  assert.deepEqual(
    lists.candidates
      .find((list) => list.id === 'c1')!
      .tiers.flat()
      .sort(),
    ['p1', 'p2'],
  )
})

test('minScore drops weak pairs from the lists', () => {
  const lists = deriveRankLists(index, undefined, 90)
  assert.deepEqual(lists.positions.find((list) => list.id === 'p1')!.tiers, [['c1', 'c2']])
})

test('supply counts a skill and its ancestors once per candidate; demand counts seats', () => {
  const rows = computeSkillSupplyDemand(index)
  const row = (skill: string) => rows.find((item) => item.skill === skill)!
  assert.deepEqual([row('pytorch').supply, row('pytorch').demand, row('pytorch').gap], [2, 3, 1])
  assert.deepEqual([row('deep-learning').supply, row('deep-learning').demand], [3, 1])
  assert.equal(row('docker').demand, 0)
  assert.equal(rows[0]!.skill, 'pytorch')
  assert.equal(
    computeSkillSupplyDemand(index, 3).find((item) => item.skill === 'docker'),
    undefined,
  )
  assert.equal(row('pytorch').label.ko, '파이토치')
})
