/**
 * Test support (used only by *.test.ts): random small markets covering ties, incomplete and one-sided
 * lists, zero capacities, company caps and group caps, and brute-force oracles that share no code with the
 * engine (plain objects and Maps, exhaustive enumeration).
 */
import type { Market, RankingEntry } from './market-schema.ts'
import { createRandom, type Random } from './seeded-random.ts'

/** Knobs for {@link randomSmallMarket}. */
export interface SmallMarketOptions {
  readonly maxCandidates: number
  readonly maxPositions: number
  readonly hasTies?: boolean
  readonly hasCompanies?: boolean
  /** Group caps; `'laminar'` puts them only on single-position companies (where stability is guaranteed). */
  readonly groupCaps?: 'none' | 'laminar' | 'any'
  readonly hasCandidateTies?: boolean
  readonly hasScores?: boolean
}

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.nextInt(i + 1)
    const t = items[i]!
    items[i] = items[j]!
    items[j] = t
  }
  return items
}

function randomRanking(
  random: Random,
  ids: readonly string[],
  keep: number,
  tieChance: number,
): RankingEntry[] {
  const chosen = shuffle(
    random,
    ids.filter(() => random.nextFloat() < keep),
  )
  const out: RankingEntry[] = []
  for (let i = 0; i < chosen.length; ) {
    let j = i + 1
    while (j < chosen.length && random.nextFloat() < tieChance) j++
    out.push(j - i === 1 ? chosen[i]! : chosen.slice(i, j))
    i = j
  }
  return out
}

/** A random small market from a seed. */
export function randomSmallMarket(seed: number, options: SmallMarketOptions): Market {
  const random = createRandom(seed)
  const nC = 1 + random.nextInt(options.maxCandidates)
  const nP = 1 + random.nextInt(options.maxPositions)
  const candidateIds = Array.from({ length: nC }, (_, i) => `c${i}`)
  const positionIds = Array.from({ length: nP }, (_, i) => `p${i}`)
  const tie = options.hasTies ? 0.35 : 0
  const nK = options.hasCompanies ? random.nextInt(3) : 0
  const companyOf = positionIds.map(() => (nK > 0 && random.nextFloat() < 0.7 ? random.nextInt(nK) : -1))
  const groupMode = options.groupCaps ?? 'none'
  const companies = Array.from({ length: nK }, (_, k) => {
    const size = companyOf.filter((x) => x === k).length
    const isCapped = random.nextFloat() < 0.7
    const canGroupCap = groupMode === 'any' || (groupMode === 'laminar' && size === 1)
    const hasGroupCap = canGroupCap && random.nextFloat() < 0.7
    const hasRanking = isCapped || hasGroupCap || random.nextFloat() < 0.5
    return {
      id: `k${k}`,
      ...(isCapped ? { capacity: random.nextInt(4) } : {}),
      ...(hasGroupCap ? { groupCap: random.nextInt(3) } : {}),
      ...(hasRanking ? { ranking: randomRanking(random, candidateIds, 0.85, tie) } : {}),
    }
  })
  const positions = positionIds.map((id, p) => {
    const k = companyOf[p]!
    const company = k >= 0 ? companies[k]! : null
    const isConstrained = company !== null && ('capacity' in company || 'groupCap' in company)
    const usesCompany =
      company !== null && (isConstrained || ('ranking' in company && random.nextFloat() < 0.5))
    return {
      id,
      capacity: random.nextFloat() < 0.12 ? 0 : 1 + random.nextInt(2),
      ...(company ? { company: company.id } : {}),
      ...(usesCompany ? {} : { ranking: randomRanking(random, candidateIds, 0.8, tie) }),
    }
  })
  const candidates = candidateIds.map((id) => {
    const ranking = randomRanking(random, positionIds, 0.75, options.hasCandidateTies ? tie : 0)
    return groupMode !== 'none' && random.nextFloat() < 0.8
      ? { id, ranking, group: `g${random.nextInt(2)}` }
      : { id, ranking }
  })
  const scores = options.hasScores
    ? candidateIds.flatMap((candidate) =>
        positionIds
          .filter(() => random.nextFloat() < 0.7)
          .map((position) => ({ candidate, position, score: random.nextInt(12) - 2 })),
      )
    : undefined
  return {
    candidates,
    positions,
    ...(nK > 0 ? { companies } : {}),
    ...(scores ? { scores } : {}),
  }
}

/** Flattens a ranking into id → weak rank (1-based). */
export function rankMap(ranking: readonly RankingEntry[] | undefined): Map<string, number> {
  const map = new Map<string, number>()
  ;(ranking ?? []).forEach((entry, r) => {
    for (const id of typeof entry === 'string' ? [entry] : entry) map.set(id, r + 1)
  })
  return map
}

/** Plain-object view of a market for the oracles. */
export interface Oracle {
  readonly candidates: readonly string[]
  readonly positions: readonly string[]
  readonly candidateRank: ReadonlyMap<string, ReadonlyMap<string, number>>
  /** Effective ranking of each position (own, else its company's). */
  readonly positionRank: ReadonlyMap<string, ReadonlyMap<string, number>>
  readonly capacity: ReadonlyMap<string, number>
  readonly companyOf: ReadonlyMap<string, string | null>
  readonly companyCap: ReadonlyMap<string, number>
  readonly groupCap: ReadonlyMap<string, number>
  readonly groupOf: ReadonlyMap<string, string | null>
}

/** Builds the oracle view. */
export function toOracle(market: Market): Oracle {
  const companyRank = new Map((market.companies ?? []).map((k) => [k.id, rankMap(k.ranking)]))
  return {
    candidates: market.candidates.map((c) => c.id),
    positions: market.positions.map((p) => p.id),
    candidateRank: new Map(market.candidates.map((c) => [c.id, rankMap(c.ranking)])),
    positionRank: new Map(
      market.positions.map((p) => [
        p.id,
        p.ranking ? rankMap(p.ranking) : p.company ? (companyRank.get(p.company) ?? new Map()) : new Map(),
      ]),
    ),
    capacity: new Map(market.positions.map((p) => [p.id, p.capacity])),
    companyOf: new Map(market.positions.map((p) => [p.id, p.company ?? null])),
    companyCap: new Map(
      (market.companies ?? []).filter((k) => k.capacity != null).map((k) => [k.id, k.capacity as number]),
    ),
    groupCap: new Map(
      (market.companies ?? [])
        .filter((k) => k.groupCap !== undefined)
        .map((k) => [k.id, k.groupCap as number]),
    ),
    groupOf: new Map(market.candidates.map((c) => [c.id, c.group ?? null])),
  }
}

/** A matching as candidate → position (absent = unmatched). */
export type PlainMatching = ReadonlyMap<string, string>

/** Whether every cap (position, company, group at company) holds. */
export function isFeasible(o: Oracle, m: PlainMatching): boolean {
  const count = new Map<string, number>()
  const bump = (key: string): number => {
    const n = (count.get(key) ?? 0) + 1
    count.set(key, n)
    return n
  }
  for (const [c, p] of m) {
    if (bump(`p:${p}`) > o.capacity.get(p)!) return false
    const k = o.companyOf.get(p)
    if (!k) continue
    if (o.companyCap.has(k) && bump(`k:${k}`) > o.companyCap.get(k)!) return false
    const g = o.groupOf.get(c)
    if (g && o.groupCap.has(k) && bump(`g:${k}:${g}`) > o.groupCap.get(k)!) return false
  }
  return true
}

/**
 * Blocking pairs by the definitions, written independently of the engine: (c, p) blocks when both rank each
 * other, c strictly prefers p, and the company's greedy choice from its holders plus (c, p) — in the
 * company's (= position's) ranking order, skipping anyone who would break a position, company or group cap —
 * keeps c. `rankOf` gives the (strict or weak) comparison; ties compare as equal.
 */
export function countBlockingPairs(o: Oracle, m: PlainMatching): number {
  let count = 0
  for (const c of o.candidates) {
    const own = m.get(c)
    const ranks = o.candidateRank.get(c)!
    const ownRank =
      own !== undefined ? (ranks.get(own) ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY
    for (const [p, r] of ranks) {
      if (r >= ownRank || p === own) continue
      const pr = o.positionRank.get(p)!
      if (!pr.has(c) || o.capacity.get(p) === 0) continue
      const k = o.companyOf.get(p) ?? null
      // Holders the choice is made among: the company's (or the position's) holders other than c, plus c at p.
      const holders = [...m].filter(([x, q]) => x !== c && (k ? o.companyOf.get(q) === k : q === p))
      holders.push([c, p])
      const rankAt = (x: string, q: string): number =>
        o.positionRank.get(q)!.get(x) ?? Number.POSITIVE_INFINITY
      // Weak comparison: c must be strictly better than whoever it pushes out, so process ties with c last.
      holders.sort(
        (a, b) => rankAt(a[0], a[1]) - rankAt(b[0], b[1]) || (a[0] === c ? 1 : b[0] === c ? -1 : 0),
      )
      const used = new Map<string, number>()
      const take = (key: string, cap: number | undefined): boolean => (used.get(key) ?? 0) < (cap ?? Infinity)
      let isChosen = false
      for (const [x, q] of holders) {
        const g = o.groupOf.get(x)
        const keys: [string, number | undefined][] = [[`p:${q}`, o.capacity.get(q)]]
        if (k) keys.push([`k:${k}`, o.companyCap.get(k)])
        if (k && g && o.groupCap.has(k)) keys.push([`g:${g}`, o.groupCap.get(k)])
        if (keys.every(([key, cap]) => take(key, cap))) {
          for (const [key] of keys) used.set(key, (used.get(key) ?? 0) + 1)
          if (x === c) isChosen = true
        }
      }
      if (isChosen) count++
    }
  }
  return count
}

/** All feasible matchings over mutually acceptable pairs (exhaustive; small markets only). */
export function enumerateMatchings(o: Oracle): PlainMatching[] {
  const out: PlainMatching[] = []
  const options = o.candidates.map((c) => [
    null,
    ...[...o.candidateRank.get(c)!.keys()].filter(
      (p) => o.positionRank.get(p)!.has(c) && o.capacity.get(p)! > 0,
    ),
  ])
  const current = new Map<string, string>()
  const visit = (i: number): void => {
    if (i === o.candidates.length) {
      out.push(new Map(current))
      return
    }
    const c = o.candidates[i]!
    for (const p of options[i]!) {
      if (p === null) visit(i + 1)
      else {
        current.set(c, p)
        if (isFeasible(o, current)) visit(i + 1)
        current.delete(c)
      }
    }
  }
  visit(0)
  return out
}

/**
 * The same market with every tie broken exactly as the engine's seeded lottery does (candidates' ties by
 * the position lottery, rankings' ties by the candidate lottery), so oracles can work on strict preferences.
 */
export function toStrictMarket(
  market: Market,
  lottery: { candidate: Int32Array; position: Int32Array },
): Market {
  const candidateIndex = new Map(market.candidates.map((c, i) => [c.id, i]))
  const positionIndex = new Map(market.positions.map((p, i) => [p.id, i]))
  const strictBy = (ranking: readonly RankingEntry[], luck: (id: string) => number): RankingEntry[] =>
    ranking.flatMap((entry) =>
      typeof entry === 'string' ? [entry] : [...entry].sort((a, b) => luck(a) - luck(b)),
    )
  const byCandidate = (id: string): number => lottery.candidate[candidateIndex.get(id)!]!
  const byPosition = (id: string): number => lottery.position[positionIndex.get(id)!]!
  return {
    ...market,
    candidates: market.candidates.map((c) => ({ ...c, ranking: strictBy(c.ranking, byPosition) })),
    positions: market.positions.map((p) =>
      p.ranking ? { ...p, ranking: strictBy(p.ranking, byCandidate) } : p,
    ),
    ...(market.companies
      ? {
          companies: market.companies.map((k) =>
            k.ranking ? { ...k, ranking: strictBy(k.ranking, byCandidate) } : k,
          ),
        }
      : {}),
  }
}
