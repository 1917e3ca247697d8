import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { readEnvironment } from './read-environment.ts'

describe('readEnvironment: e-mail settings', () => {
  test('without SMTP settings e-mail is off', () => {
    assert.equal(readEnvironment({}).mail, null)
    assert.equal(readEnvironment({ IEUM_SMTP_URL: '', IEUM_MAIL_FROM: '' }).mail, null)
  })

  test('with both, the outbox is sent through that server from that address', () => {
    const environment = readEnvironment({
      IEUM_SMTP_URL: 'smtp://mailer:s%40cret@smtp.hub.example:587',
      IEUM_MAIL_FROM: 'Ieum Gwangju AI Hub <noreply@hub.example>',
    })
    assert.deepEqual(environment.mail, {
      smtpUrl: 'smtp://mailer:s%40cret@smtp.hub.example:587',
      from: 'Ieum Gwangju AI Hub <noreply@hub.example>',
    })
    assert.deepEqual(
      readEnvironment({ IEUM_SMTP_URL: 'smtps://smtp.hub.example', IEUM_MAIL_FROM: 'a@b.kr' }).mail,
      {
        smtpUrl: 'smtps://smtp.hub.example',
        from: 'a@b.kr',
      },
    )
  })

  test('one without the other, or a malformed value, is refused naming the variable', () => {
    assert.throws(() => readEnvironment({ IEUM_SMTP_URL: 'smtp://smtp.hub.example' }), /IEUM_MAIL_FROM/)
    assert.throws(() => readEnvironment({ IEUM_MAIL_FROM: 'noreply@hub.example' }), /IEUM_SMTP_URL/)
    assert.throws(
      () =>
        readEnvironment({ IEUM_SMTP_URL: 'http://smtp.hub.example', IEUM_MAIL_FROM: 'noreply@hub.example' }),
      /IEUM_SMTP_URL: must be an smtp:\/\//,
    )
    assert.throws(
      () => readEnvironment({ IEUM_SMTP_URL: 'smtp://smtp.hub.example', IEUM_MAIL_FROM: 'not an address' }),
      /IEUM_MAIL_FROM/,
    )
  })
})
