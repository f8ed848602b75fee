import { describe, expect, it } from 'vitest';
import { createRng, nextSeed, permutation, toSeed } from '../../../src/lib/ml/rng';

describe('createRng', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(sa);
  });

  it('draws uniforms in [0, 1) with a mean near 1/2, ints in range, uniform(lo, hi) in range', () => {
    const r = createRng(1);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const v = r.next();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
      sum += v;
      const k = r.int(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
      const u = r.uniform(-2, 3);
      expect(u >= -2 && u < 3).toBe(true);
    }
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
  });

  it('draws standard normals (mean ≈ 0, variance ≈ 1)', () => {
    const r = createRng(9);
    const xs = Array.from({ length: 20_000 }, () => r.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(variance).toBeGreaterThan(0.95);
    expect(variance).toBeLessThan(1.05);
  });

  it('keeps its seed, normalised to 32 bits', () => {
    expect(createRng(7).seed).toBe(7);
    expect(createRng(2 ** 32 + 5).seed).toBe(5);
  });
});

describe('toSeed', () => {
  it('truncates and wraps to an unsigned 32-bit integer; junk becomes 0', () => {
    expect(toSeed(3.9)).toBe(3);
    expect(toSeed(-1)).toBe(4294967295);
    expect(toSeed(Number.NaN)).toBe(0);
    expect(toSeed(Infinity)).toBe(0);
  });
});

describe('permutation', () => {
  it('returns every index once, deterministically for a seed', () => {
    const p = permutation(50, createRng(3));
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...permutation(50, createRng(3))]).toEqual([...p]);
    expect([...permutation(50, createRng(4))]).not.toEqual([...p]);
  });
});

describe('nextSeed', () => {
  it('derives a different positive seed, the same one each time', () => {
    expect(nextSeed(1)).toBe(nextSeed(1));
    expect(nextSeed(1)).not.toBe(1);
    expect(nextSeed(1)).toBeGreaterThan(0);
    expect(nextSeed(2)).not.toBe(nextSeed(1));
  });
});
