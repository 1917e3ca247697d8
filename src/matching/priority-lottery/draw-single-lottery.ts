/** A seeded 32-bit hash of a string (FNV-1a over UTF-16 code units, then murmur3's finaliser). */
function hashString(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0
  return (h ^ (h >>> 16)) >>> 0
}

/**
 * A single lottery (one number per person for every course, as in NYC's school match; Abdulkadiroğlu,
 * Pathak & Roth 2009): each id gets a random key from the seed and the id alone, and its lottery number
 * is the key's rank among the ids given (1 = luckiest; equal keys by id). Because a key does not depend
 * on who else applies, removing someone (a withdrawal) never reorders the others.
 */
export function drawSingleLottery(ids: readonly string[], seed: number): Int32Array {
  const folded = (seed ^ Math.floor(seed / 0x100000000)) >>> 0
  const key = new Float64Array(ids.length)
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!
    // 52 random bits: 32 from one hash, 20 from a second one.
    key[i] = hashString(id, folded) * 0x100000 + (hashString(id, folded ^ 0x5bd1e995) >>> 12)
  }
  const order = Array.from(ids, (_id, i) => i)
  order.sort((a, b) => key[a]! - key[b]! || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0))
  const lottery = new Int32Array(ids.length)
  for (let k = 0; k < order.length; k++) lottery[order[k]!] = k + 1
  return lottery
}
