import { AsyncLocalStorage } from 'node:async_hooks'
import type { Kysely } from 'kysely'
import type { Database } from '../../store/index.ts'

/** One audit row as it is inserted. */
export interface AuditRowValues {
  readonly hubId: string
  readonly at: Date
  readonly actorUserId: string | null
  readonly action: string
  readonly entityType: string
  readonly entityId: string | null
  readonly detail: string
}

/** Rows per INSERT: 7 parameters each, far below PostgreSQL's 65,535 per statement. */
export const AUDIT_INSERT_BATCH = 1000

/** Inserts audit rows in multi-row statements of at most {@link AUDIT_INSERT_BATCH}. */
export async function insertAuditRows(db: Kysely<Database>, rows: readonly AuditRowValues[]): Promise<void> {
  for (let start = 0; start < rows.length; start += AUDIT_INSERT_BATCH) {
    await db
      .insertInto('auditLog')
      .values(rows.slice(start, start + AUDIT_INSERT_BATCH) as AuditRowValues[])
      .execute()
  }
}

/** Audit rows of reads, collected in memory and written in batches off the request's path. */
export interface AuditReadBuffer {
  add(rows: readonly AuditRowValues[]): void
  /** Writes everything collected so far (what a shutdown waits for). */
  flush(): Promise<void>
  /** Rows waiting to be written. */
  readonly pending: number
}

/**
 * A buffer that writes when it holds `maxRows` rows or `intervalMs` after the first unwritten one, whichever
 * comes first, in its own statements (never inside a request's transaction). A failed write keeps the rows
 * for the next try (up to `maxPendingRows`; beyond that the oldest are dropped and reported).
 */
export function createAuditReadBuffer(
  db: Kysely<Database>,
  options: {
    readonly intervalMs?: number
    readonly maxRows?: number
    readonly maxPendingRows?: number
    readonly onError?: (error: unknown) => void
  } = {},
): AuditReadBuffer {
  const intervalMs = options.intervalMs ?? 1000
  const maxRows = options.maxRows ?? 500
  const maxPendingRows = options.maxPendingRows ?? 100_000
  let pending: AuditRowValues[] = []
  let timer: NodeJS.Timeout | null = null
  let writing: Promise<void> = Promise.resolve()

  const write = (): Promise<void> => {
    if (timer) {
      clearTimeout(timer)
      timer = null
    }
    writing = writing.then(async () => {
      if (pending.length === 0) return
      const batch = pending
      pending = []
      try {
        await insertAuditRows(db, batch)
      } catch (error) {
        pending = [...batch, ...pending].slice(-maxPendingRows)
        options.onError?.(error)
      }
    })
    return writing
  }

  return {
    add(rows) {
      pending.push(...rows)
      if (pending.length >= maxRows) void write()
      else if (!timer) {
        timer = setTimeout(() => void write(), intervalMs)
        timer.unref()
      }
    },
    flush: write,
    get pending() {
      return pending.length
    },
  }
}

const storage = new AsyncLocalStorage<AuditReadBuffer>()

/** Runs `work` with `buffer` taking the read audit rows recorded inside it (the API does this per request). */
export function runWithAuditReadBuffer<T>(buffer: AuditReadBuffer, work: () => T): T {
  return storage.run(buffer, work)
}

/** The read buffer of the current request, or undefined (CLI, tests, jobs: reads are written at once). */
export function currentAuditReadBuffer(): AuditReadBuffer | undefined {
  return storage.getStore()
}
