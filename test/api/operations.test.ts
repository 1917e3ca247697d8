import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../support/test-app.ts'

/** A log destination that keeps every line, parsed. */
function captureLog() {
  const lines: Record<string, unknown>[] = []
  const raw: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim().length === 0) continue
        raw.push(line)
        lines.push(JSON.parse(line) as Record<string, unknown>)
      }
      callback()
    },
  })
  return { lines, raw, stream }
}

const byRole = (t: TestApp, role: string) => t.demo.logins.find((login) => login.role === role)!.email

describe('operations: structured request logs', () => {
  const log = captureLog()
  let t: TestApp
  before(async () => {
    t = await startTestApp('pglite', { logger: { destination: log.stream } }, (app) => {
      app.get('/api/test/failure', { config: { access: 'public' } }, async () => {
        throw new Error('disk on fire in the test route')
      })
    })
  })
  after(async () => t.close())

  test('one line per request with id, route, status and latency; a 5xx with its stack, server-side only', async () => {
    const cookie = await t.signIn(byRole(t, 'operator'))
    const programs = await t.call(cookie, 'GET', '/api/programs')
    assert.equal(programs.status, 200)
    const failed = await t.call(null, 'GET', '/api/test/failure')
    assert.equal(failed.status, 500)
    assert.deepEqual(failed.body, { error: { code: 'internal', message: 'internal error' } })
    assert.ok(!failed.text.includes('disk on fire'), 'the client learns nothing about the failure')
    const requestId = failed.headers['x-request-id']
    assert.match(String(requestId), /^[0-9a-f-]{36}$/)

    const requestLines = log.lines.filter((line) => line.msg === 'request' || line.msg === 'request failed')
    const programsLine = requestLines.find((line) => line.route === '/api/programs')
    assert.ok(programsLine, 'the programs request is logged')
    assert.equal(programsLine.status, 200)
    assert.equal(typeof programsLine.ms, 'number')
    assert.equal(typeof programsLine.reqId, 'string')
    assert.equal(programsLine.method, 'GET')
    assert.equal(requestLines.filter((line) => line.route === '/api/programs').length, 1, 'one line each')

    const failureLine = requestLines.find((line) => line.route === '/api/test/failure')
    assert.equal(failureLine?.status, 500)
    assert.equal(failureLine?.level, 50, 'a 5xx request line is an error')
    const errorLine = log.lines.find((line) => line.msg === 'unhandled error')
    assert.ok(errorLine, 'the unexpected error is logged')
    assert.equal(errorLine.reqId, requestId, 'the error line carries the request id the client saw')
    const error = errorLine.err as { message: string; stack: string }
    assert.equal(error.message, 'disk on fire in the test route')
    assert.match(error.stack, /operations\.test\.ts/, 'with the stack')
  })

  test('passwords, session cookies and tokens never reach the log', async () => {
    const password = t.demo.logins[0]!.password
    const cookie = await t.signIn(byRole(t, 'candidate'), password)
    const cookieValue = cookie.split('=')[1]!.split(';')[0]!
    await t.call(cookie, 'GET', '/api/me')
    await t.call(null, 'POST', '/api/auth/sign-in/email', {
      email: byRole(t, 'candidate'),
      password: 'wrong-password-123',
    })
    await t.call(null, 'GET', '/api/invitations/by-token/secret-invitation-token-xyz')
    await t.call(null, 'GET', '/api/test/failure')
    // A careless future log call with a body or headers is redacted too.
    t.app.log.info({ body: { password }, headers: { cookie } }, 'careless')
    await new Promise((resolve) => setTimeout(resolve, 50))
    const all = log.raw.join('\n')
    assert.ok(log.raw.length > 5)
    assert.ok(!all.includes(password), 'no password')
    assert.ok(!all.includes('wrong-password-123'), 'no failed password')
    assert.ok(
      !all.includes(decodeURIComponent(cookieValue)) && !all.includes(cookieValue),
      'no session cookie',
    )
    assert.ok(!all.includes(cookieValue.split('.')[0]!), 'no session token')
    assert.ok(!all.includes('secret-invitation-token-xyz'), 'no invitation token')
    assert.ok(all.includes('[redacted]'))
  })
})

test('health checks the database and is not rate-limited; the limiter runs before the session lookup', async () => {
  const t = await startTestApp('pglite', { rateLimitPerMinute: 5 })
  try {
    for (let i = 0; i < 12; i++) {
      const health = await t.call(null, 'GET', '/api/health')
      assert.equal(health.status, 200)
      assert.deepEqual(health.body, { status: 'ok', database: 'memory' })
    }
    const limited = []
    for (let i = 0; i < 8; i++) limited.push(await t.call(null, 'GET', '/api/programs'))
    assert.deepEqual(
      limited.map((response) => response.status),
      [401, 401, 401, 401, 401, 429, 429, 429],
      'other routes are limited at 5/min, before the session is looked up',
    )
    assert.equal((await t.call(null, 'GET', '/api/health')).status, 200)
  } finally {
    await t.close()
  }
})

describe('operations: metrics, cache and docs', () => {
  let t: TestApp
  const METRICS_TOKEN = 'scraper-token-0123456789abcdef'
  before(async () => {
    t = await startTestApp('pglite', { metricsToken: METRICS_TOKEN, apiDocs: 'operators' })
    for (let i = 0; i < 3; i++) await t.call(null, 'GET', '/api/health')
  })
  after(async () => t.close())

  test('metrics: operators or the scraper token; counts by route and status, outbox depth, process', async () => {
    assert.equal((await t.call(null, 'GET', '/api/metrics')).status, 401)
    const wrong = await t.app.inject({ url: '/api/metrics', headers: { authorization: 'Bearer nope' } })
    assert.equal(wrong.statusCode, 401)
    const hub = await t.store.db.selectFrom('hub').select('id').executeTakeFirstOrThrow()
    await t.store.db
      .insertInto('notification')
      .values(
        ['a', 'b', 'c'].map((name) => ({
          hubId: hub.id,
          email: `${name}@queue.example`,
          locale: 'en',
          kind: 'test',
          subject: 'queued',
          body: 'queued',
        })),
      )
      .execute()
    const scraped = await t.app.inject({
      url: '/api/metrics',
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    })
    assert.equal(scraped.statusCode, 200)
    assert.match(String(scraped.headers['content-type']), /^text\/plain/)
    const text = scraped.body
    assert.match(text, /ieum_http_requests_total\{method="GET",route="\/api\/health",status="200"\} 3\n/)
    assert.match(
      text,
      /ieum_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/health"/,
    )
    const queued = await t.store.db
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('deliveryStatus', '=', 'queued')
      .executeTakeFirstOrThrow()
    assert.ok(Number(queued.count) >= 3)
    assert.match(text, new RegExp(`ieum_outbox_messages\\{state="queued"\\} ${queued.count}\\n`))
    assert.match(text, /ieum_process_resident_memory_bytes \d+/)
    assert.match(text, /ieum_nodejs_eventloop_lag_seconds/)
  })

  test('every API answer is Cache-Control: no-store, whatever its status', async () => {
    const operator = await t.signIn(byRole(t, 'operator'))
    let checked = 0
    for (const route of t.app.routeTable) {
      const url = route.url
        .replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000')
        .replace('*', 'get-session')
      for (const cookie of [null, operator]) {
        const response = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: cookie ? { cookie } : {},
          ...(route.method !== 'GET' && { payload: {} }),
        })
        assert.equal(response.headers['cache-control'], 'no-store', `${route.method} ${route.url}`)
        checked++
      }
    }
    assert.ok(checked > 100, `${checked} checks`)
  })

  test('in production the API docs are for signed-in operators only', async () => {
    assert.equal((await t.call(null, 'GET', '/api/docs/json')).status, 401)
    assert.equal((await t.call(null, 'GET', '/api/docs')).status, 401)
    const candidate = await t.signIn(byRole(t, 'candidate'))
    assert.equal((await t.call(candidate, 'GET', '/api/docs/json')).status, 403)
    const operator = await t.signIn(byRole(t, 'operator'))
    const docs = await t.call(operator, 'GET', '/api/docs/json')
    assert.equal(docs.status, 200)
    assert.equal(docs.body.info.title, 'Ieum API')
  })
})

test('API docs switched off answer 404; public docs need no sign-in', async () => {
  const off = await startTestApp('pglite', { apiDocs: 'off' })
  try {
    assert.equal((await off.call(null, 'GET', '/api/docs/json')).status, 404)
  } finally {
    await off.close()
  }
  const open = await startTestApp('pglite', { apiDocs: 'public' })
  try {
    assert.equal((await open.call(null, 'GET', '/api/docs/json')).status, 200)
  } finally {
    await open.close()
  }
})

test('health answers 503 when the database is down', async () => {
  const t = await startTestApp('pglite')
  await t.store.close()
  const health = await t.call(null, 'GET', '/api/health')
  assert.equal(health.status, 503)
  assert.deepEqual(health.body, { status: 'unavailable', database: 'memory' })
  await t.app.close()
})
