import { z } from 'zod'

/** Current market format version; files may omit `version`, which then means this one. */
export const MARKET_FORMAT_VERSION = 1

const IdSchema = z.string().min(1)

/**
 * A ranking: best first; an inner array is a group of tied ids (equal rank). Checked by one plain loop
 * (rankings hold millions of ids; a union per entry is several times slower) that reports the exact path.
 */
export const RankingSchema = z
  .any()
  .superRefine((ranking: unknown, context) => {
    if (!Array.isArray(ranking)) {
      context.addIssue({ code: 'custom', message: 'expected an array (a ranking)' })
      return
    }
    for (let i = 0; i < ranking.length; i++) {
      const entry = ranking[i]
      if (typeof entry === 'string') {
        if (entry.length === 0) context.addIssue({ code: 'custom', path: [i], message: 'empty id' })
        continue
      }
      if (!Array.isArray(entry) || entry.length === 0) {
        context.addIssue({
          code: 'custom',
          path: [i],
          message: 'expected an id or a non-empty array of tied ids',
        })
        continue
      }
      for (let t = 0; t < entry.length; t++)
        if (typeof entry[t] !== 'string' || entry[t].length === 0)
          context.addIssue({ code: 'custom', path: [i, t], message: 'expected a non-empty id' })
    }
  })
  .transform((ranking) => ranking as RankingEntry[])

/** A candidate: rank-order list over positions, optional group (university, country) for group caps. */
export const CandidateSchema = z.object({
  id: IdSchema,
  ranking: RankingSchema.default([]),
  group: IdSchema.optional(),
})

/** A position: seats; optional company; optional own ranking (else the company's ranking is used). */
export const PositionSchema = z.object({
  id: IdSchema,
  capacity: z.number().int().min(0),
  company: IdSchema.optional(),
  ranking: RankingSchema.optional(),
})

/** A company: cap across its positions (`null`/absent = unlimited), per-group cap, ranking of candidates. */
export const CompanySchema = z.object({
  id: IdSchema,
  capacity: z.number().int().min(0).nullable().optional(),
  groupCap: z.number().int().min(0).optional(),
  ranking: RankingSchema.optional(),
})

/** One fit score; max-fit may assign exactly the scored pairs. */
export const ScoreSchema = z.object({
  candidate: IdSchema,
  position: IdSchema,
  score: z.number(),
})

/** Dense scores: `values[i * positions.length + j]` is the fit of `candidates[i]` at `positions[j]`. */
export const ScoreMatrixSchema = z.object({
  candidates: z.array(IdSchema),
  positions: z.array(IdSchema),
  values: z.array(z.number()),
})

/** A market file (docs/formats/market.md). */
export const MarketSchema = z.object({
  version: z.literal(MARKET_FORMAT_VERSION).optional(),
  name: z.string().optional(),
  candidates: z.array(CandidateSchema),
  positions: z.array(PositionSchema),
  companies: z.array(CompanySchema).optional(),
  scores: z.array(ScoreSchema).optional(),
  scoreMatrix: ScoreMatrixSchema.optional(),
})

/** A ranking entry: one id, or several tied ids. */
export type RankingEntry = string | readonly string[]

/** A validated market; every field read-only (the engine never mutates its input). */
export interface Market {
  readonly version?: 1 | undefined
  readonly name?: string | undefined
  readonly candidates: readonly {
    readonly id: string
    readonly ranking: readonly RankingEntry[]
    readonly group?: string | undefined
  }[]
  readonly positions: readonly {
    readonly id: string
    readonly capacity: number
    readonly company?: string | undefined
    readonly ranking?: readonly RankingEntry[] | undefined
  }[]
  readonly companies?:
    | readonly {
        readonly id: string
        readonly capacity?: number | null | undefined
        readonly groupCap?: number | undefined
        readonly ranking?: readonly RankingEntry[] | undefined
      }[]
    | undefined
  readonly scores?:
    | readonly { readonly candidate: string; readonly position: string; readonly score: number }[]
    | undefined
  readonly scoreMatrix?:
    | {
        readonly candidates: readonly string[]
        readonly positions: readonly string[]
        readonly values: ArrayLike<number>
      }
    | undefined
}
