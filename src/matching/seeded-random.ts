/** A seeded pseudo-random source; the engine's only randomness. */
export interface Random {
  /** Next 32-bit unsigned integer. */
  readonly nextUint32: () => number
  /** Next float in [0, 1). */
  readonly nextFloat: () => number
  /** Next integer in [0, bound). */
  readonly nextInt: (bound: number) => number
}

/**
 * Creates the seeded generator sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, PractRand suite),
 * its state filled by splitmix32 from the seed so that nearby seeds give unrelated streams.
 */
export function createRandom(seed: number): Random {
  let mix = (Math.floor(seed) ^ 0x9e3779b9) >>> 0
  const splitmix = (): number => {
    mix = (mix + 0x9e3779b9) >>> 0
    let z = mix
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  // Seeds beyond 32 bits still matter: fold the high part in.
  mix = (mix ^ Math.floor(seed / 0x100000000)) >>> 0
  let a = splitmix()
  let b = splitmix()
  let c = splitmix()
  let d = 1
  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t
  }
  for (let i = 0; i < 12; i++) nextUint32()
  const nextFloat = (): number => nextUint32() / 0x100000000
  const nextInt = (bound: number): number => Math.floor(nextFloat() * bound)
  return { nextUint32, nextFloat, nextInt }
}
