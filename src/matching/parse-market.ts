import { AppError, type AppErrorIssue } from '../domain/app-error.ts'
import { compileMarket } from './compile-market.ts'
import { MARKET_FORMAT_VERSION, type Market, MarketSchema } from './market-schema.ts'

/** Formats a JSON path such as `candidates[3].ranking[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : out === '' ? String(part) : `.${String(part)}`
  return out === '' ? '$' : out
}

/**
 * Parses and validates a market file: JSON syntax, format version, shape (zod), then ids and references
 * (unknown or duplicate ids, per-company ranking rules). Throws `invalid_market` with one issue per problem,
 * each naming the JSON path and the entry.
 */
export function parseMarket(jsonText: string): Market {
  let data: unknown
  try {
    data = JSON.parse(jsonText)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new AppError('invalid_market', `malformed JSON: ${message}`, [{ path: '$', message }])
  }
  if (typeof data === 'object' && data !== null && 'version' in data) {
    const version = (data as { version: unknown }).version
    if (version !== MARKET_FORMAT_VERSION)
      throw new AppError(
        'invalid_market',
        `unsupported market format version ${JSON.stringify(version)}; this engine reads version ${MARKET_FORMAT_VERSION}`,
        [{ path: 'version', message: `expected ${MARKET_FORMAT_VERSION}` }],
      )
  }
  const parsed = MarketSchema.safeParse(data)
  if (!parsed.success) {
    const issues: AppErrorIssue[] = parsed.error.issues.slice(0, 50).map((issue) => {
      const path = formatPath(issue.path)
      const entry = describeEntry(data, issue.path)
      return { path, message: entry ? `${issue.message} (in ${entry})` : issue.message }
    })
    throw new AppError('invalid_market', `invalid market: ${issues[0]!.path}: ${issues[0]!.message}`, issues)
  }
  const market: Market = parsed.data
  compileMarket(market)
  return market
}

/** Names the entry holding a bad value, e.g. `candidate 'c7'`, so an operator can find it by id. */
function describeEntry(data: unknown, path: readonly PropertyKey[]): string | null {
  if (path.length < 2 || typeof path[1] !== 'number') return null
  const list = (data as Record<string, unknown>)[String(path[0])]
  if (!Array.isArray(list)) return null
  const item = list[path[1]] as { id?: unknown } | undefined
  if (item === null || typeof item !== 'object' || typeof item.id !== 'string') return null
  const kind = String(path[0]).replace(/ies$/, 'y').replace(/s$/, '')
  return `${kind} '${item.id}'`
}
