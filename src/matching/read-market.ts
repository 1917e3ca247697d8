import { type CompiledMarket, compileMarket } from './compile-market.ts'
import { parseMarket } from './parse-market.ts'
import { scanMarket } from './scan-market.ts'

/**
 * Reads a market file's JSON text into the compiled arrays: the one-pass scanner for plainly valid files,
 * else the validating reader, whose errors name the entry and its JSON path.
 */
export function readMarket(jsonText: string): CompiledMarket {
  return scanMarket(jsonText) ?? compileMarket(parseMarket(jsonText))
}
