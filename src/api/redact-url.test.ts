import assert from 'node:assert/strict'
import { test } from 'node:test'
import { redactUrl } from './redact-url.ts'

test('invitation tokens and token/code query values never reach the log', () => {
  assert.equal(redactUrl('/invite/abcDEF_123-x'), '/invite/[redacted]')
  assert.equal(
    redactUrl('/api/invitations/by-token/abcDEF_123?x=1'),
    '/api/invitations/by-token/[redacted]?x=1',
  )
  assert.equal(redactUrl('/api/auth/reset?token=s3cret&next=/'), '/api/auth/reset?token=[redacted]&next=/')
  assert.equal(redactUrl('/api/auth/callback?state=1&code=xyz'), '/api/auth/callback?state=1&code=[redacted]')
  assert.equal(redactUrl('/api/programs?kind=internship'), '/api/programs?kind=internship')
})
