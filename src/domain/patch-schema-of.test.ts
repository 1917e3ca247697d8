import assert from 'node:assert/strict'
import { test } from 'node:test'
import { CandidateInputSchema } from './candidate.ts'
import { CompanyInputSchema } from './company.ts'
import { patchSchemaOf } from './patch-schema-of.ts'
import { PositionInputSchema } from './position.ts'

test('a patch keeps only the fields sent: defaults do not fill the others', () => {
  assert.deepEqual(patchSchemaOf(CompanyInputSchema).parse({ name: 'Robotics' }), { name: 'Robotics' })
  assert.deepEqual(patchSchemaOf(PositionInputSchema).parse({ title: 'MLOps' }), { title: 'MLOps' })
  assert.deepEqual(patchSchemaOf(CandidateInputSchema).parse({ city: 'Hanoi' }), { city: 'Hanoi' })
  assert.deepEqual(patchSchemaOf(CandidateInputSchema).parse({}), {})
})

test('a patch still validates each field it is sent and refuses unknown fields', () => {
  const patch = patchSchemaOf(PositionInputSchema)
  const wrongType = patch.safeParse({ hoursPerWeek: 'many' })
  assert.equal(wrongType.success, false)
  assert.deepEqual(wrongType.error?.issues[0]?.path, ['hoursPerWeek'])
  const unknown = patch.safeParse({ salary: 1 })
  assert.equal(unknown.success, false)
  assert.equal(unknown.error?.issues[0]?.code, 'unrecognized_keys')
})
