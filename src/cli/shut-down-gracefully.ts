import type { FastifyInstance } from 'fastify'

/** Something that a shutdown waits for: the HTTP server, a background job, a buffer, the database. */
export interface Stoppable {
  readonly name: string
  stop(): Promise<void>
}

/** How a shutdown went. */
export interface ShutdownReport {
  /** False when a stage failed or the deadline passed before everything stopped. */
  readonly isClean: boolean
  readonly problems: readonly string[]
}

/**
 * Stops a server in stages, each waiting for the one before: the stages' members stop together. `ieum serve`
 * passes [HTTP server] (stop accepting, finish in-flight requests), [jobs] (the outbox sender finishes its
 * round), [buffers] (audit rows written), [database]. A failing member is reported and the rest go on; after
 * `timeoutMs` the shutdown gives up waiting so that a stuck request cannot keep the process alive forever.
 */
export async function shutDownGracefully(
  stages: readonly (readonly Stoppable[])[],
  options: { readonly timeoutMs?: number; readonly log?: (line: string) => void } = {},
): Promise<ShutdownReport> {
  const problems: string[] = []
  const log = options.log ?? (() => {})
  const work = (async () => {
    for (const stage of stages) {
      await Promise.all(
        stage.map(async (member) => {
          try {
            await member.stop()
          } catch (error) {
            problems.push(`${member.name}: ${error instanceof Error ? error.message : String(error)}`)
          }
        }),
      )
    }
  })()
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs ?? 30_000)
  })
  const outcome = await Promise.race([work.then(() => 'done' as const), deadline])
  clearTimeout(timer)
  if (outcome === 'timeout') problems.push(`gave up waiting after ${options.timeoutMs ?? 30_000} ms`)
  for (const problem of problems) log(`shutdown: ${problem}`)
  return { isClean: problems.length === 0, problems }
}

/**
 * Closes a Fastify server: it stops accepting at once and waits for in-flight requests. A keep-alive
 * connection that was busy when closing began would otherwise hold the shutdown until the client lets go,
 * so connections are closed as soon as they fall idle.
 */
export async function closeHttpServer(app: FastifyInstance): Promise<void> {
  const closing = app.close()
  const sweeper = setInterval(() => app.server.closeIdleConnections(), 100)
  try {
    await closing
  } finally {
    clearInterval(sweeper)
  }
}
