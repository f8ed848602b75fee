import { describe, expect, it } from 'vitest';
import {
  circles,
  DATASET_NAMES,
  gaussians,
  linearPoints,
  makeDataset,
  spiral,
  toArrays,
  trainTestSplit,
  xor,
} from '../../../src/lib/ml/datasets';
import { createRng } from '../../../src/lib/ml/rng';

describe('2-D data sets', () => {
  it.each(DATASET_NAMES)('%s: n points, both labels, same points for the same seed', (name) => {
    const a = makeDataset(name, createRng(5), { n: 120 });
    const b = makeDataset(name, createRng(5), { n: 120 });
    const c = makeDataset(name, createRng(6), { n: 120 });
    expect(a).toHaveLength(120);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    const ones = a.filter((p) => p.label === 1).length;
    expect(ones).toBeGreaterThan(30);
    expect(ones).toBeLessThan(90);
    for (const p of a) {
      expect([0, 1]).toContain(p.label);
      expect(Math.abs(p.x)).toBeLessThan(1.6);
      expect(Math.abs(p.y)).toBeLessThan(1.6);
    }
  });

  it('spiral without noise puts the arms opposite each other at growing radii', () => {
    const pts = spiral(createRng(1), { n: 100, noise: 0 });
    const r = (i: number) => Math.hypot(pts[i]!.x, pts[i]!.y);
    expect(r(0)).toBeCloseTo(r(1), 10); // same step on both arms
    expect(pts[0]!.x).toBeCloseTo(-pts[1]!.x, 10); // rotated by π
    expect(r(98)).toBeGreaterThan(r(10));
  });

  it('xor labels by sign, circles by radius, gaussians by cluster (noise 0)', () => {
    for (const p of xor(createRng(2), { n: 200, noise: 0 }))
      expect(p.label).toBe(p.x * p.y > 0 ? 1 : 0);
    for (const p of circles(createRng(2), { n: 200, noise: 0 })) {
      expect(p.label).toBe(Math.hypot(p.x, p.y) < 0.5 ? 1 : 0);
    }
    const g = gaussians(createRng(2), { n: 400, noise: 0 });
    const right = g.filter((p) => (p.x + p.y > 0 ? 1 : 0) === p.label).length;
    expect(right / g.length).toBeGreaterThan(0.95);
  });

  it('rejects a bad n or noise with a readable message', () => {
    expect(() => spiral(createRng(1), { n: 1 })).toThrow(/n must be/);
    expect(() => xor(createRng(1), { n: 10, noise: -1 })).toThrow(/noise/);
  });
});

describe('linearPoints', () => {
  it('scatters around the line: least squares recovers slope and intercept', () => {
    const pts = linearPoints(createRng(3), { n: 500, slope: 2, intercept: -0.5, noise: 0.1 });
    const mx = pts.reduce((a, p) => a + p.x, 0) / pts.length;
    const my = pts.reduce((a, p) => a + p.y, 0) / pts.length;
    const slope =
      pts.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0) /
      pts.reduce((a, p) => a + (p.x - mx) ** 2, 0);
    expect(slope).toBeCloseTo(2, 1);
    expect(my - slope * mx).toBeCloseTo(-0.5, 1);
    expect(linearPoints(createRng(3), { n: 500 })).toEqual(linearPoints(createRng(3), { n: 500 }));
  });
});

describe('trainTestSplit', () => {
  it('splits a shuffled copy by the fraction, disjoint and complete, deterministic under a seed', () => {
    const pts = Array.from({ length: 100 }, (_, i) => i);
    const { train, test } = trainTestSplit(pts, 0.2, createRng(8));
    expect(test).toHaveLength(20);
    expect(train).toHaveLength(80);
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(pts);
    expect(trainTestSplit(pts, 0.2, createRng(8))).toEqual({ train, test });
    expect(test).not.toEqual(pts.slice(0, 20));
  });

  it('keeps at least one point on each side and rejects fractions outside (0, 1)', () => {
    const { train, test } = trainTestSplit([1, 2], 0.01, createRng(1));
    expect(train).toHaveLength(1);
    expect(test).toHaveLength(1);
    expect(() => trainTestSplit([1, 2, 3], 1, createRng(1))).toThrow(/testFraction/);
  });
});

describe('toArrays', () => {
  it('packs points row-major', () => {
    const { xs, ys } = toArrays([
      { x: 1, y: 2, label: 0 },
      { x: 3, y: 4, label: 1 },
    ]);
    expect([...xs]).toEqual([1, 2, 3, 4]);
    expect([...ys]).toEqual([0, 1]);
  });
});
