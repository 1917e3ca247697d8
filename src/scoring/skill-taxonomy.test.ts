import assert from 'node:assert/strict'
import { test } from 'node:test'
import { SKILL_TAXONOMY_DATA } from './data/skill-taxonomy-data.ts'
import { createSkillTaxonomy, SKILL_RELATIONS, SKILL_TAXONOMY } from './skill-taxonomy.ts'

const taxonomy = SKILL_TAXONOMY
const at = (id: string): number => {
  const index = taxonomy.indexById.get(id)
  assert.ok(index !== undefined, `missing ${id}`)
  return index
}
const credit = (have: string, need: string): number =>
  taxonomy.similarity[at(have) * taxonomy.size + at(need)]!
const relation = (have: string, need: string): string =>
  SKILL_RELATIONS[taxonomy.relations[at(have) * taxonomy.size + at(need)]!]!

test('covers at least 120 skills with labels in en, ko and vi', () => {
  assert.ok(taxonomy.size >= 120, `only ${taxonomy.size} skills`)
  for (const entry of SKILL_TAXONOMY_DATA) {
    assert.ok(entry.en.length > 0 && entry.ko.length > 0 && entry.vi.length > 0, entry.id)
  }
  for (const id of [
    'python',
    'pytorch',
    'tensorflow',
    'jax',
    'cuda',
    'ros',
    'cpp',
    'rag',
    'point-cloud',
    'airflow',
  ])
    at(id)
})

test('hierarchy: PyTorch → deep-learning framework → deep learning → machine learning', () => {
  assert.equal(taxonomy.ids[taxonomy.parents[at('pytorch')]!], 'dl-framework')
  assert.equal(relation('pytorch', 'deep-learning'), 'more_specific')
  assert.equal(relation('deep-learning', 'pytorch'), 'more_general')
  assert.equal(relation('tensorflow', 'pytorch'), 'related')
  assert.equal(credit('pytorch', 'pytorch'), 1)
  assert.ok(credit('pytorch', 'deep-learning') > credit('tensorflow', 'pytorch'))
  assert.ok(credit('tensorflow', 'pytorch') > credit('deep-learning', 'pytorch'))
  assert.equal(credit('python', 'pytorch'), 0)
})

test('root categories give no credit as "more general" skills', () => {
  for (let skill = 0; skill < taxonomy.size; skill++) {
    assert.equal(taxonomy.similarity[at('ai') * taxonomy.size + skill]! > 0, skill === at('ai'))
  }
})

test('rejects unknown parents and cycles', () => {
  const base = { kind: 'tool' as const, en: 'A', ko: '에이', vi: 'A' }
  assert.throws(() => createSkillTaxonomy([{ ...base, id: 'a', parent: 'zzz' }]), /unknown skill "zzz"/)
  assert.throws(
    () =>
      createSkillTaxonomy([
        { ...base, id: 'a', parent: 'b' },
        { ...base, id: 'b', parent: 'a' },
      ]),
    /cycle/,
  )
})

test('neighbour lists hold exactly the skills that give credit', () => {
  const need = at('deep-learning')
  const listed = new Set(
    taxonomy.neighborSkills.slice(taxonomy.neighborOffsets[need]!, taxonomy.neighborOffsets[need + 1]!),
  )
  for (let have = 0; have < taxonomy.size; have++) {
    assert.equal(listed.has(have), taxonomy.similarity[have * taxonomy.size + need]! > 0)
  }
})
