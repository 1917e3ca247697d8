/** A deterministic pseudo-random source: same seed, same sequence. Not for secrets. */
export type SeededRandom = {
  /** A float in [0, 1). */
  readonly next: () => number
  /** An integer in [min, max], both inclusive. */
  readonly integer: (min: number, max: number) => number
  /** True with probability `probability`. */
  readonly chance: (probability: number) => boolean
  /** One element of a non-empty list. */
  readonly pick: <T>(items: readonly T[]) => T
  /** One element, chosen with probability proportional to its weight (weights > 0). */
  readonly pickWeighted: <T>(items: readonly (readonly [T, number])[]) => T
  /** A shuffled copy (Fisher–Yates); the input is not touched. */
  readonly shuffle: <T>(items: readonly T[]) => T[]
  /** `count` distinct elements in random order (all of them if fewer). */
  readonly sample: <T>(items: readonly T[], count: number) => T[]
}

/**
 * A seeded generator built on mulberry32 (Tommy Ettinger, public domain; 32-bit state, period 2^32),
 * which is plenty for demo data and keeps the sequence identical on every platform. `stream` picks an
 * independent sequence for the same seed.
 */
export function createSeededRandom(seed: number, stream = 0): SeededRandom {
  // Fold all bits of a safe-integer seed and the stream into the state, scrambled (murmur3 finaliser)
  // so that neighbouring seeds (1, 2, 3) start far apart.
  let state =
    (seed >>> 0) ^ Math.imul(Math.floor(seed / 4294967296) >>> 0, 0x9e3779b1) ^ Math.imul(stream, 0x632be5ab)
  state = Math.imul(state ^ (state >>> 16), 0x85ebca6b)
  state = Math.imul(state ^ (state >>> 13), 0xc2b2ae35)
  state = (state ^ (state >>> 16)) >>> 0

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  const integer = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick needs a non-empty list')
    return items[Math.floor(next() * items.length)] as T
  }

  const pickWeighted = <T>(items: readonly (readonly [T, number])[]): T => {
    let total = 0
    for (const [, weight] of items) total += weight
    let roll = next() * total
    for (const [item, weight] of items) {
      roll -= weight
      if (roll < 0) return item
    }
    const last = items[items.length - 1]
    if (last === undefined) throw new Error('pickWeighted needs a non-empty list')
    return last[0]
  }

  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      const swap = copy[i] as T
      copy[i] = copy[j] as T
      copy[j] = swap
    }
    return copy
  }

  const sample = <T>(items: readonly T[], count: number): T[] => shuffle(items).slice(0, Math.max(0, count))

  return {
    next,
    integer,
    chance: (probability) => next() < probability,
    pick,
    pickWeighted,
    shuffle,
    sample,
  }
}
