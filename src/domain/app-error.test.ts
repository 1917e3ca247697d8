import assert from 'node:assert/strict'
import { test } from 'node:test'
import { AppError } from './app-error.ts'

test('AppError carries its code and issues', () => {
  const error = new AppError('validation_failed', 'bad body', [
    { path: 'body.capacity', message: 'must be ≥ 0' },
  ])
  assert.equal(error.code, 'validation_failed')
  assert.equal(error.issues[0]?.path, 'body.capacity')
  assert.ok(error instanceof Error)
})
