import type { Kysely } from 'kysely'
import type { Database } from '../../store/index.ts'
import { sealAuditLog } from './seal-audit-log.ts'

/** A running sealer. */
export interface AuditSealer {
  /** Stops the loop after sealing what is there. */
  stop(): Promise<void>
}

/**
 * Seals new audit rows into their hubs' hash chains every `intervalMs` (default 1 s), in the server process.
 * Rounds never overlap; a failed round is reported and the next one tries again.
 */
export function startAuditSealer(
  db: Kysely<Database>,
  options: { readonly intervalMs?: number; readonly log?: (line: string) => void } = {},
): AuditSealer {
  let current: Promise<unknown> = Promise.resolve()
  const round = () => {
    current = current
      .then(() => sealAuditLog(db))
      .catch((error: unknown) =>
        options.log?.(`audit: sealing failed: ${error instanceof Error ? error.message : String(error)}`),
      )
    return current
  }
  const timer = setInterval(round, options.intervalMs ?? 1000)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await round()
    },
  }
}
