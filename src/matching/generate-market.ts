import type { Market, RankingEntry } from './market-schema.ts'
import { createRandom } from './seeded-random.ts'

/** Preset market shapes modelled on real programs. */
export const MARKET_SHAPES = ['hub', 'nrmp', 'spa', 'dense', 'sparse', 'sparse-spa', 'custom'] as const

/** One of {@link MARKET_SHAPES}. */
export type MarketShape = (typeof MARKET_SHAPES)[number]

/** Knobs of the synthetic market generator; unset ones come from the shape. */
export interface GenerateMarketOptions {
  readonly shape?: MarketShape | undefined
  readonly seed?: number | undefined
  readonly candidates?: number | undefined
  readonly positions?: number | undefined
  readonly seats?: number | undefined
  /** Mean list length (exact for every candidate unless `isListLengthVaried`). */
  readonly listLength?: number | undefined
  readonly isListLengthVaried?: boolean | undefined
  /** Companies owning the positions; 0 = none. */
  readonly companies?: number | undefined
  /** Company cap as a share of its positions' seats (SPA shapes). */
  readonly companyCapShare?: number | undefined
  /** Number of candidate groups (e.g. universities) and the per-company cap for each. */
  readonly groups?: number | undefined
  readonly groupCap?: number | undefined
  /** Distinct evaluation levels positions use; > 0 creates ties. */
  readonly tieLevels?: number | undefined
  readonly scores?: 'none' | 'sparse' | 'dense' | undefined
}

interface ResolvedShape {
  candidates: number
  positions: number
  seats: number
  listLength: number
  isListLengthVaried: boolean
  companies: number
  companyCapShare: number
  groups: number
  groupCap: number
  tieLevels: number
  scores: 'none' | 'sparse' | 'dense'
}

const SHAPES: Record<MarketShape, ResolvedShape> = {
  hub: base(100_000, 5_000, 80_000, 20),
  nrmp: { ...base(45_000, 6_400, 41_500, 12), isListLengthVaried: true },
  spa: { ...base(100_000, 10_000, 80_000, 10), companies: 2_000, companyCapShare: 0.8 },
  dense: { ...base(5_000, 500, 2_642, 0), scores: 'dense' },
  sparse: { ...base(100_000, 5_000, 80_000, 12), scores: 'sparse' },
  'sparse-spa': {
    ...base(100_000, 5_000, 80_000, 12),
    scores: 'sparse',
    companies: 1_000,
    companyCapShare: 0.8,
  },
  custom: base(100, 10, 80, 5),
}

function base(candidates: number, positions: number, seats: number, listLength: number): ResolvedShape {
  return {
    candidates,
    positions,
    seats,
    listLength,
    isListLengthVaried: false,
    companies: 0,
    companyCapShare: 1,
    groups: 0,
    groupCap: 0,
    tieLevels: 0,
    scores: 'none',
  }
}

/**
 * Generates a seeded synthetic market: positions with log-normal popularity, candidates with a latent
 * quality; lists drawn by popularity and ordered by popularity plus taste; positions rank their applicants
 * by quality plus noise (or by score when scores are generated). Same options → same market.
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: seeded generator loop: draw order fixes the market for a seed (benchmarks rely on it), so it stays one sequence
export function generateMarket(options: GenerateMarketOptions = {}): Market {
  const shape = options.shape ?? 'custom'
  const o: ResolvedShape = { ...SHAPES[shape] }
  for (const key of Object.keys(o) as (keyof ResolvedShape)[]) {
    const value = options[key]
    if (value !== undefined) (o as unknown as Record<string, unknown>)[key] = value
  }
  const random = createRandom(options.seed ?? 1)
  const normal = (): number => {
    const u = 1 - random.nextFloat()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextFloat())
  }
  const nC = o.candidates
  const nP = o.positions
  const nK = Math.min(o.companies, nP)
  const candidateIds = Array.from({ length: nC }, (_, i) => `c${i}`)
  const positionIds = Array.from({ length: nP }, (_, i) => `p${i}`)

  // Popularity and seats.
  const popularity = new Float64Array(nP)
  let totalPopularity = 0
  for (let p = 0; p < nP; p++) {
    popularity[p] = Math.exp(0.8 * normal())
    totalPopularity += popularity[p]!
  }
  const cumulative = new Float64Array(nP)
  let running = 0
  for (let p = 0; p < nP; p++) {
    running += popularity[p]! / totalPopularity
    cumulative[p] = running
  }
  const capacity = new Int32Array(nP)
  {
    const weight = new Float64Array(nP)
    let total = 0
    for (let p = 0; p < nP; p++) {
      weight[p] = 0.5 + random.nextFloat()
      total += weight[p]!
    }
    let assigned = 0
    for (let p = 0; p < nP; p++) {
      capacity[p] = Math.floor((o.seats * weight[p]!) / total)
      assigned += capacity[p]!
    }
    for (let _i = 0; assigned < o.seats && nP > 0; _i++, assigned++) capacity[random.nextInt(nP)]!++
  }
  const companyOf = new Int32Array(nP).fill(-1)
  if (nK > 0) for (let p = 0; p < nP; p++) companyOf[p] = p < nK ? p : random.nextInt(nK)

  // Candidates and their lists.
  const quality = new Float64Array(nC)
  const groupOf = new Int32Array(nC).fill(-1)
  for (let c = 0; c < nC; c++) {
    quality[c] = normal()
    if (o.groups > 0) groupOf[c] = random.nextInt(o.groups)
  }
  const listStart = new Int32Array(nC + 1)
  const lengths = new Int32Array(nC)
  for (let c = 0; c < nC; c++) {
    let length = o.listLength
    if (o.isListLengthVaried) length = Math.round(o.listLength + 0.45 * o.listLength * normal())
    lengths[c] = Math.max(o.listLength > 0 ? 1 : 0, Math.min(length, nP, 3 * o.listLength))
    listStart[c + 1] = listStart[c]! + lengths[c]!
  }
  const listPosition = new Int32Array(listStart[nC]!)
  const utility = new Float64Array(nP)
  const seen = new Int32Array(nP).fill(-1)
  const pick = (): number => {
    const x = random.nextFloat()
    let lo = 0
    let hi = nP - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const score = (c: number, p: number): number =>
    1 +
    Math.floor(
      98.999 / (1 + Math.exp(-(0.7 * quality[c]! + 0.3 * Math.log(popularity[p]!) + 0.7 * normal()))),
    )
  for (let c = 0; c < nC; c++) {
    const start = listStart[c]!
    let n = 0
    for (let attempts = 0; n < lengths[c]! && attempts < 50 * lengths[c]!; attempts++) {
      const p = pick()
      if (seen[p] === c) continue
      seen[p] = c
      listPosition[start + n++] = p
      utility[p] = Math.log(popularity[p]!) + normal()
    }
    lengths[c] = n
    const part = Array.from(listPosition.subarray(start, start + n)).sort(
      (a, b) => utility[b]! - utility[a]! || a - b,
    )
    listPosition.set(part, start)
  }
  // Sparse scores for listed pairs; positions rank by score when there are scores.
  const listScore = new Float64Array(listPosition.length)
  if (o.scores === 'sparse')
    for (let c = 0; c < nC; c++)
      for (let i = listStart[c]!; i < listStart[c]! + lengths[c]!; i++)
        listScore[i] = score(c, listPosition[i]!)

  // Rankings of positions (or of companies, which then rank for all their positions).
  const owners = nK > 0 ? nK : nP
  const ownerOf = (p: number): number => (nK > 0 ? companyOf[p]! : p)
  const applicantStart = new Int32Array(owners + 1)
  for (let c = 0; c < nC; c++)
    for (let i = listStart[c]!; i < listStart[c]! + lengths[c]!; i++)
      applicantStart[ownerOf(listPosition[i]!) + 1]!++
  for (let k = 0; k < owners; k++) applicantStart[k + 1]! += applicantStart[k]!
  const applicant = new Int32Array(applicantStart[owners]!)
  const value = new Float64Array(applicantStart[owners]!)
  const applicantEnd = new Int32Array(owners)
  {
    const fill = applicantStart.slice(0, owners)
    const lastOwner = new Int32Array(owners).fill(-1)
    for (let c = 0; c < nC; c++)
      for (let i = listStart[c]!; i < listStart[c]! + lengths[c]!; i++) {
        const k = ownerOf(listPosition[i]!)
        if (lastOwner[k] === c) continue
        lastOwner[k] = c
        const at = fill[k]!++
        applicant[at] = c
        value[at] = o.scores === 'sparse' && nK === 0 ? listScore[i]! : quality[c]! + 0.5 * normal()
      }
    applicantEnd.set(fill)
  }
  const rankings: RankingEntry[][] = []
  for (let k = 0; k < owners; k++) {
    const from = applicantStart[k]!
    const to = applicantEnd[k]!
    const idx = Array.from({ length: to - from }, (_, i) => from + i)
    if (o.tieLevels > 0) for (const i of idx) value[i] = Math.round(value[i]! * (o.tieLevels / 6)) // ~6σ range
    idx.sort((a, b) => value[b]! - value[a]! || applicant[a]! - applicant[b]!)
    const ranking: RankingEntry[] = []
    for (let i = 0; i < idx.length; ) {
      let j = i + 1
      while (o.tieLevels > 0 && j < idx.length && value[idx[j]!] === value[idx[i]!]) j++
      ranking.push(
        j - i === 1
          ? candidateIds[applicant[idx[i]!]!]!
          : idx.slice(i, j).map((t) => candidateIds[applicant[t]!]!),
      )
      i = j
    }
    rankings.push(ranking)
  }

  const groupCap = o.groups > 0 && o.groupCap > 0 ? o.groupCap : undefined
  const market: Market = {
    version: 1,
    name: `${shape} seed ${options.seed ?? 1}`,
    candidates: candidateIds.map((id, c) => {
      const ranking = Array.from(
        listPosition.subarray(listStart[c]!, listStart[c]! + lengths[c]!),
        (p) => positionIds[p]!,
      )
      return groupOf[c]! >= 0 ? { id, ranking, group: `g${groupOf[c]}` } : { id, ranking }
    }),
    positions: positionIds.map((id, p) =>
      nK > 0
        ? { id, capacity: capacity[p]!, company: `k${companyOf[p]}` }
        : { id, capacity: capacity[p]!, ranking: rankings[p]! },
    ),
    ...(nK > 0
      ? {
          companies: Array.from({ length: nK }, (_, k) => {
            let seats = 0
            for (let p = 0; p < nP; p++) if (companyOf[p] === k) seats += capacity[p]!
            const cap = Math.max(1, Math.round(seats * o.companyCapShare))
            return groupCap !== undefined
              ? { id: `k${k}`, capacity: cap, groupCap, ranking: rankings[k]! }
              : { id: `k${k}`, capacity: cap, ranking: rankings[k]! }
          }),
        }
      : {}),
    ...(o.scores === 'sparse'
      ? {
          scores: sparseScores(nC, listStart, lengths, listPosition, listScore, candidateIds, positionIds),
        }
      : {}),
    ...(o.scores === 'dense' ? { scoreMatrix: denseScores(nC, nP, candidateIds, positionIds, score) } : {}),
  }
  return market
}

function sparseScores(
  nC: number,
  listStart: Int32Array,
  lengths: Int32Array,
  listPosition: Int32Array,
  listScore: Float64Array,
  candidateIds: readonly string[],
  positionIds: readonly string[],
): { candidate: string; position: string; score: number }[] {
  const out: { candidate: string; position: string; score: number }[] = []
  for (let c = 0; c < nC; c++)
    for (let i = listStart[c]!; i < listStart[c]! + lengths[c]!; i++)
      out.push({
        candidate: candidateIds[c]!,
        position: positionIds[listPosition[i]!]!,
        score: listScore[i]!,
      })
  return out
}

function denseScores(
  nC: number,
  nP: number,
  candidateIds: readonly string[],
  positionIds: readonly string[],
  score: (c: number, p: number) => number,
): { candidates: string[]; positions: string[]; values: number[] } {
  const values = new Array<number>(nC * nP)
  for (let c = 0; c < nC; c++) for (let p = 0; p < nP; p++) values[c * nP + p] = score(c, p)
  return { candidates: [...candidateIds], positions: [...positionIds], values }
}
