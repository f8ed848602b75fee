import { describe, it, expect } from 'vitest';
import {
  createRandom,
  normal,
  shuffleInPlace,
  deriveSeed,
} from '../../../src/lib/playground/rng.ts';

describe('seeded random numbers', () => {
  it('the same seed gives the same sequence, another seed another one', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const sa = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(sa);
    expect(Array.from({ length: 5 }, c)).not.toEqual(sa);
  });

  it('draws uniform numbers in [0, 1) with a mean near 1/2', () => {
    const r = createRandom(1);
    let sum = 0;
    for (let i = 0; i < 10000; i++) {
      const v = r();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
      sum += v;
    }
    expect(sum / 10000).toBeCloseTo(0.5, 1);
  });

  it('normal samples have mean ≈ 0 and variance ≈ 1', () => {
    const r = createRandom(2);
    const xs = Array.from({ length: 20000 }, () => normal(r));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(mean).toBeCloseTo(0, 1);
    expect(variance).toBeCloseTo(1, 1);
  });

  it('shuffles a permutation reproducibly', () => {
    const a = shuffleInPlace(
      Uint32Array.from({ length: 20 }, (_, i) => i),
      createRandom(3),
    );
    const b = shuffleInPlace(
      Uint32Array.from({ length: 20 }, (_, i) => i),
      createRandom(3),
    );
    expect([...a]).toEqual([...b]);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect([...a]).not.toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('derives distinct, stable seeds per stream', () => {
    expect(deriveSeed(7, 0)).toBe(deriveSeed(7, 0));
    expect(deriveSeed(7, 0)).not.toBe(deriveSeed(7, 1));
    expect(deriveSeed(7, 0)).not.toBe(deriveSeed(8, 0));
  });
});
