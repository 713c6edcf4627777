// The soak's seeded randomness: mulberry32, a small 32-bit generator, so a printed seed draws the same again.

/** A function returning numbers in [0, 1). */
export type Random = () => number;

/** A generator seeded with `seed` (any 32-bit number). */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
