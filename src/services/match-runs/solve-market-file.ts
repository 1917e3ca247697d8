import { createHash } from 'node:crypto'
import { type MatchingOptions, parseMarket, solveMatching } from '../../matching/index.ts'

/** The options stored with a run; with the market file they reproduce it byte for byte. */
export interface StoredOptions extends MatchingOptions {
  readonly round: number
  readonly extraSeats: Readonly<Record<string, number>>
}

/** The SHA-256 of a stored file's text, in hex. */
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** Runs the engine on a market file's text with stored options: the one code path for runs and re-runs. */
export function solveMarketFile(marketText: string, options: StoredOptions): string {
  const market = parseMarket(marketText)
  const result = solveMatching(market, {
    mechanism: options.mechanism,
    seed: options.seed,
    improve: options.improve,
    explain: true,
  })
  return `${JSON.stringify(result, null, 1)}\n`
}
