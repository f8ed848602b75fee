// Pure: no DOM. Seeded shuffles for options and ordering items. The seed is stored with the
// attempt, so a review shows the reader exactly the order they saw. Used by the quiz element,
// the progress page and tests.

/** 32-bit FNV-1a hash of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast seeded generator of floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A permutation of 0…n−1 (Fisher–Yates) determined by (seed, salt). */
export function permutation(n: number, seed: number, salt = ''): number[] {
  const rand = mulberry32(seed ^ hashString(salt));
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}

/**
 * Display order of a question's options: `order[k]` is the authored index shown at position k.
 * The question id salts the seed, so questions in one attempt get different orders.
 */
export function optionOrder(n: number, seed: number, questionId: string, shuffle = true): number[] {
  return shuffle ? permutation(n, seed, questionId) : Array.from({ length: n }, (_, i) => i);
}

/**
 * Starting order of an ordering question: a seeded permutation that is never the answer
 * (0, 1, …, n−1). If the shuffle happens to produce the answer, the items are rotated by one,
 * which for n ≥ 2 is always different and still depends only on the seed.
 */
export function orderingStart(n: number, seed: number, questionId: string): number[] {
  const p = permutation(n, seed, questionId);
  if (n >= 2 && p.every((v, i) => v === i)) return [...p.slice(1), p[0]!];
  return p;
}

/** A fresh 32-bit seed from a random source (crypto in the browser; injectable for tests). */
export function newSeed(random: () => number = Math.random): number {
  return Math.floor(random() * 4294967296) >>> 0;
}
