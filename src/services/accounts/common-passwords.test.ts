import assert from 'node:assert/strict'
import { test } from 'node:test'
import { findPasswordProblem } from '../../domain/index.ts'
import { assertNewPasswordAllowed, isCommonPassword, NewPasswordSchema } from './common-passwords.ts'

test('the bundled list holds tens of thousands of common passwords, lower-cased', () => {
  assert.equal(isCommonPassword('password123'), true)
  assert.equal(isCommonPassword('qwertyuiop'), true)
  assert.equal(isCommonPassword('1234567890'), true)
  assert.equal(isCommonPassword('ieum-demo-2027'), false)
})

test('new passwords: at least 10 characters, not common (case-insensitively), not the e-mail', () => {
  assert.match(findPasswordProblem('short', isCommonPassword) ?? '', /at least 10 characters/)
  for (const common of ['password123', 'PASSWORD123', 'PassWord123', ' password123 ', 'Qwertyuiop'])
    assert.match(findPasswordProblem(common, isCommonPassword) ?? '', /most common passwords/, common)
  assert.match(
    findPasswordProblem('Mai@Example.org', isCommonPassword, { email: 'mai@example.org' }) ?? '',
    /e-mail/,
  )
  assert.equal(findPasswordProblem('correct horse battery', isCommonPassword), null)
  assert.equal(NewPasswordSchema.safeParse('password123').success, false)
  assert.equal(NewPasswordSchema.safeParse('x'.repeat(129)).success, false)
  assert.throws(
    () => assertNewPasswordAllowed('Password123', { path: 'body.newPassword' }),
    (error: { code: string; issues: { path: string }[] }) =>
      error.code === 'validation_failed' && error.issues[0]?.path === 'body.newPassword',
  )
})
