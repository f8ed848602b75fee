// Pure: no DOM. The one source of randomness for training code: a small seeded generator passed in
// explicitly, so the same seed gives the same weights, data and batch order everywhere.

/** A seeded random source. All methods advance the same stream. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Integer uniform in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** The seed this generator started from. */
  readonly seed: number;
}

/** Normalises any number to a 32-bit unsigned seed (NaN/Infinity → 0). */
export function toSeed(value: number): number {
  return Number.isFinite(value) ? Math.trunc(value) >>> 0 : 0;
}

/**
 * mulberry32: tiny, fast, and good enough for initial weights and data. `seed` is taken modulo
 * 2^32.
 */
export function createRng(seed: number): Rng {
  const start = toSeed(seed);
  let a = start;
  let spare: number | undefined;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed: start,
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (n) => Math.floor(next() * n),
    normal: () => {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      const u = 1 - next(); // (0, 1]: log never sees 0
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
  };
}

/** A new permutation of 0..n-1 (Fisher–Yates). */
export function permutation(n: number, rng: Rng): Uint32Array {
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}

/** Draws a fresh seed for a "new seed" button from an existing one (deterministic). */
export function nextSeed(seed: number): number {
  return (createRng(toSeed(seed) ^ 0x9e3779b9).int(1_000_000) + 1) >>> 0;
}
