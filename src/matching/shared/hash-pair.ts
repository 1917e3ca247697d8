/**
 * A seeded 32-bit hash of a pair of dense indices (murmur3's finaliser over a mixed key): a random-looking
 * but reproducible order for ties between pairs, without storing a lottery number per pair.
 */
export function hashPair(seed: number, a: number, b: number): number {
  const folded = seed ^ Math.floor(seed / 0x100000000)
  let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77) ^ folded) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0
  return (h ^ (h >>> 16)) >>> 0
}
