import { createHash } from 'node:crypto'

/** The fields of an audit row that its hash covers. */
export interface ChainedAuditRow {
  readonly hubId: string
  readonly seq: number
  readonly at: Date
  readonly actorUserId: string | null
  readonly action: string
  readonly entityType: string
  readonly entityId: string | null
  readonly detail: unknown
}

/** The hash a hub's chain starts from. */
export const GENESIS_HASH = '0'.repeat(64)

/** JSON with object keys sorted at every level, so the same content always gives the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    )
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** SHA-256 (hex) of the previous link's hash and the row's content: the row's link in its hub's chain. */
export function hashAuditRow(previousHash: string, row: ChainedAuditRow): string {
  const content = canonicalJson([
    row.hubId,
    row.seq,
    row.at.toISOString(),
    row.actorUserId,
    row.action,
    row.entityType,
    row.entityId,
    row.detail,
  ])
  return createHash('sha256').update(`${previousHash}\n${content}`, 'utf8').digest('hex')
}
