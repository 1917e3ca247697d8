import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import Fastify from 'fastify'
import { readEnvironment } from '../../src/cli/read-environment.ts'
import { closeHttpServer, shutDownGracefully } from '../../src/cli/shut-down-gracefully.ts'
import { assertDemoSeedingAllowed, startServer } from '../../src/cli/start-server.ts'

const ROOT = new URL('../..', import.meta.url).pathname

describe('serve --demo refuses to seed in production', () => {
  test('NODE_ENV=production or an https base URL refuse, before the database is even opened', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ieum-serve-')), 'data')
    for (const env of [
      { NODE_ENV: 'production' },
      { IEUM_BASE_URL: 'https://hub.example' },
      { NODE_ENV: 'production', IEUM_BASE_URL: 'https://hub.example' },
    ]) {
      const environment = readEnvironment({ ...env, IEUM_DATA_DIR: dataDir, PORT: '0' })
      await assert.rejects(
        startServer(environment, { isDemo: true, log: () => {}, isHandlingSignals: false }),
        /refusing to seed the demo hub .*--allow-demo-in-production/,
      )
      assert.equal(existsSync(dataDir), false, 'nothing was created')
    }
  })

  test('development seeds; production seeds only when explicitly allowed', () => {
    const log = () => {}
    const development = readEnvironment({})
    const production = readEnvironment({ NODE_ENV: 'production' })
    assert.doesNotThrow(() => assertDemoSeedingAllowed(development, { isDemo: true, log }))
    assert.doesNotThrow(() => assertDemoSeedingAllowed(production, { isDemo: false, log }))
    assert.doesNotThrow(() =>
      assertDemoSeedingAllowed(production, { isDemo: true, isDemoAllowedInProduction: true, log }),
    )
    assert.throws(() => assertDemoSeedingAllowed(production, { isDemo: true, log }), /NODE_ENV is production/)
  })
})

describe('graceful shutdown', () => {
  test('stops accepting, finishes the in-flight request, then the jobs, then the database', async () => {
    const app = Fastify()
    let release: () => void = () => {}
    const released = new Promise<void>((resolve) => {
      release = resolve
    })
    let isStarted: () => void = () => {}
    const started = new Promise<void>((resolve) => {
      isStarted = resolve
    })
    app.get('/slow', async () => {
      isStarted()
      await released
      return { done: true }
    })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    const events: string[] = []
    const inFlight = fetch(`${url}/slow`).then(async (response) => {
      events.push(`request answered ${response.status}`)
      return response.json()
    })
    await started
    const stopping = shutDownGracefully([
      [
        {
          name: 'http server',
          stop: async () => {
            await closeHttpServer(app)
            events.push('server closed')
          },
        },
      ],
      [
        {
          name: 'job',
          stop: async () => {
            events.push('job stopped')
          },
        },
      ],
      [
        {
          name: 'database',
          stop: async () => {
            events.push('database closed')
          },
        },
      ],
    ])
    await new Promise((resolve) => setTimeout(resolve, 100))
    await assert.rejects(fetch(`${url}/slow`), 'a new connection is refused while stopping')
    assert.equal(events.length, 0, 'nothing stops while the request runs')
    release()
    assert.deepEqual(await inFlight, { done: true })
    const report = await stopping
    assert.equal(report.isClean, true)
    assert.ok(events.indexOf('request answered 200') < events.indexOf('job stopped'), events.join())
    assert.deepEqual(events.slice(-3), ['server closed', 'job stopped', 'database closed'])
  })

  test('a stuck stage is given up after the deadline and reported', async () => {
    const report = await shutDownGracefully([[{ name: 'stuck', stop: () => new Promise(() => {}) }]], {
      timeoutMs: 50,
    })
    assert.equal(report.isClean, false)
    assert.match(report.problems.join(), /gave up waiting after 50 ms/)
  })

  test('startServer().stop() closes the server and the database and frees the data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ieum-serve-'))
    const environment = readEnvironment({ IEUM_DATA_DIR: dataDir, PORT: '0', IEUM_LOG_LEVEL: 'silent' })
    const server = await startServer(environment, { isDemo: false, log: () => {}, isHandlingSignals: false })
    const address = server.app.server.address()
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    assert.equal((await fetch(`${url}/api/health`)).status, 200)
    assert.ok(existsSync(join(dataDir, 'ieum.lock')))
    const report = await server.stop()
    assert.equal(report.isClean, true, report.problems.join())
    assert.equal(existsSync(join(dataDir, 'ieum.lock')), false, 'the lock is released')
    await assert.rejects(fetch(`${url}/api/health`))
    rmSync(dataDir, { recursive: true, force: true })
  })

  test('SIGTERM stops `ieum serve` cleanly (exit 0, lock released)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ieum-serve-'))
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve'], {
      cwd: ROOT,
      env: { ...process.env, IEUM_DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    try {
      // A fresh embedded database takes a few seconds to create, much longer on a busy machine.
      const deadline = Date.now() + 240_000
      while (!output.includes('Ieum is running') && Date.now() < deadline && child.exitCode === null)
        await new Promise((resolve) => setTimeout(resolve, 100))
      assert.match(output, /Ieum is running/)
      child.kill('SIGTERM')
      assert.equal(await exited, 0, output)
      assert.match(output, /SIGTERM: finishing requests and jobs/)
      assert.equal(existsSync(join(dataDir, 'ieum.lock')), false)
    } finally {
      // A failed assertion must not leave the server running (it would keep the test file alive).
      if (child.exitCode === null) child.kill('SIGKILL')
    }
    rmSync(dataDir, { recursive: true, force: true })
  })
})
