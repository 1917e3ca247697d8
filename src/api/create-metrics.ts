import type { Kysely } from 'kysely'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import type { Database } from '../store/index.ts'

/** The server's Prometheus metrics: one registry per app, so that tests building many apps do not collide. */
export interface Metrics {
  readonly registry: Registry
  /** Counts one answered request and its latency. `route` is the route pattern, never the raw URL. */
  observeRequest(method: string, route: string, status: number, seconds: number): void
}

/** Latency buckets in seconds: 5 ms to 10 s (the API's reads are ~ms, imports and match runs are seconds). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

/**
 * Request counts and latency histograms by method, route and status; the e-mail outbox's queue depth by
 * delivery state (read from the database at scrape time, so every server of a cluster reports the shared
 * queue); and the process metrics of prom-client (CPU, memory, event-loop lag, GC, handles).
 */
export function createMetrics(db: Kysely<Database>): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'ieum_' })
  const requests = new Counter({
    name: 'ieum_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  })
  const latency = new Histogram({
    name: 'ieum_http_request_duration_seconds',
    help: 'Time from receiving a request to answering it, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  })
  new Gauge({
    name: 'ieum_outbox_messages',
    help: 'E-mails in the outbox by delivery state (queued, retry and sending are the queue still to send)',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const rows = await db
        .selectFrom('notification')
        .select(['deliveryStatus', (eb) => eb.fn.countAll<number>().as('count')])
        .where('deliveryStatus', 'in', ['queued', 'retry', 'sending', 'failed'])
        .groupBy('deliveryStatus')
        .execute()
      this.reset()
      for (const state of ['queued', 'retry', 'sending', 'failed']) {
        this.set({ state }, Number(rows.find((row) => row.deliveryStatus === state)?.count ?? 0))
      }
    },
  })
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      const labels = { method, route, status: String(status) }
      requests.inc(labels)
      latency.observe(labels, seconds)
    },
  }
}
