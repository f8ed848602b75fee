import { describe, it, expect } from 'vitest';
import {
  weightedSum,
  neuronOutput,
  classify,
  score,
  decisionLine,
  neuronGrid,
  mulberry32,
  separablePoints,
  xorPoints,
} from '../../../src/lib/ml/neuron.ts';

const box = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

describe('weightedSum and neuronOutput', () => {
  it('computes Σ w_i x_i + b', () => {
    expect(weightedSum([0.5, -2, 1], [2, 1, 3], 0.25)).toBeCloseTo(0.5 * 2 - 2 + 3 + 0.25, 12);
    expect(weightedSum([], [], 1.5)).toBe(1.5);
  });

  it('refuses vectors of different lengths', () => {
    expect(() => weightedSum([1, 2], [1], 0)).toThrow(/differ in length/);
  });

  it('applies the activation to the weighted sum', () => {
    expect(neuronOutput([1, 1], [1, -3], 0, 'relu')).toBe(0);
    expect(neuronOutput([1, 1], [1, -1], 0, 'sigmoid')).toBe(0.5);
    expect(neuronOutput([2], [1], -1, 'step')).toBe(1);
  });
});

describe('classify and score', () => {
  it('puts a point in class 1 on the side the weights point to, boundary included', () => {
    const n = { w1: 1, w2: 0, b: -0.5 };
    expect(classify(n, 1, 0)).toBe(1);
    expect(classify(n, 0.5, 0)).toBe(1);
    expect(classify(n, 0, 0)).toBe(0);
  });

  it('counts correct points and lists the wrong ones', () => {
    const pts = [
      { x: 1, y: 0, label: 1 as const },
      { x: -1, y: 0, label: 1 as const },
      { x: -1, y: 0, label: 0 as const },
    ];
    expect(score({ w1: 1, w2: 0, b: 0 }, pts)).toEqual({ correct: 2, total: 3, wrong: [1] });
  });
});

describe('decisionLine', () => {
  it('clips a diagonal line to the box', () => {
    const l = decisionLine({ w1: 1, w2: -1, b: 0 }, box)!;
    const ends = [
      [l.x1, l.y1],
      [l.x2, l.y2],
    ].sort((a, b) => a[0]! - b[0]!);
    expect(ends).toEqual([
      [-1, -1],
      [1, 1],
    ]);
  });

  it('gives every end point w1·x + w2·y + b = 0 inside the box', () => {
    const n = { w1: 0.7, w2: 1.9, b: -0.4 };
    const l = decisionLine(n, box)!;
    for (const [x, y] of [
      [l.x1, l.y1],
      [l.x2, l.y2],
    ] as const) {
      expect(n.w1 * x + n.w2 * y + n.b).toBeCloseTo(0, 12);
      expect(Math.abs(x)).toBeLessThanOrEqual(1 + 1e-9);
      expect(Math.abs(y)).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it('draws vertical and horizontal lines', () => {
    expect(decisionLine({ w1: 2, w2: 0, b: -1 }, box)).toEqual({ x1: 0.5, y1: -1, x2: 0.5, y2: 1 });
    expect(decisionLine({ w1: 0, w2: 1, b: 0.5 }, box)).toEqual({
      x1: -1,
      y1: -0.5,
      x2: 1,
      y2: -0.5,
    });
  });

  it('moves when the bias moves', () => {
    const a = decisionLine({ w1: 0, w2: 1, b: 0 }, box)!;
    const b = decisionLine({ w1: 0, w2: 1, b: -0.5 }, box)!;
    expect(b.y1 - a.y1).toBeCloseTo(0.5, 12);
  });

  it('is null with zero weights or when the line misses the box', () => {
    expect(decisionLine({ w1: 0, w2: 0, b: 1 }, box)).toBeNull();
    expect(decisionLine({ w1: 1, w2: 0, b: -5 }, box)).toBeNull();
  });
});

describe('neuronGrid', () => {
  it('samples cell centres, top row first, through the activation', () => {
    const g = neuronGrid({ w1: 1, w2: 0, b: 0 }, 'linear', box, 4, 2);
    expect(g.xs).toEqual([-0.75, -0.25, 0.25, 0.75]);
    expect(g.ys).toEqual([0.5, -0.5]);
    expect(Array.from(g.values)).toEqual([-0.75, -0.25, 0.25, 0.75, -0.75, -0.25, 0.25, 0.75]);
    const s = neuronGrid({ w1: 0, w2: 10, b: 0 }, 'sigmoid', box, 1, 2);
    expect(s.values[0]).toBeGreaterThan(0.99);
    expect(s.values[1]).toBeLessThan(0.01);
  });

  it('refuses an empty grid', () => {
    expect(() => neuronGrid({ w1: 1, w2: 1, b: 0 }, 'step', box, 0)).toThrow(RangeError);
  });
});

describe('seeded data', () => {
  it('mulberry32 repeats for a seed and differs across seeds', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const sa = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(sa);
    expect(c()).not.toBe(sa[0]);
    for (const v of sa) expect(v >= 0 && v < 1).toBe(true);
  });

  it('separablePoints keeps a margin from the true line and labels by its side', () => {
    const truth = { w1: 1, w2: 1, b: -0.2 };
    const pts = separablePoints(3, 30, truth, box, 0.2);
    expect(pts).toHaveLength(30);
    expect(separablePoints(3, 30, truth, box, 0.2)).toEqual(pts);
    for (const p of pts) {
      const z = truth.w1 * p.x + truth.w2 * p.y + truth.b;
      expect(Math.abs(z) / Math.SQRT2).toBeGreaterThanOrEqual(0.2 - 0.002);
      expect(p.label).toBe(z >= 0 ? 1 : 0);
    }
    expect(new Set(pts.map((p) => p.label)).size).toBe(2);
  });

  it('separablePoints refuses impossible requests', () => {
    expect(() => separablePoints(1, 3, { w1: 0, w2: 0, b: 1 }, box)).toThrow(RangeError);
    expect(() => separablePoints(1, 5, { w1: 1, w2: 0, b: 0 }, box, 5)).toThrow(RangeError);
  });

  it('xorPoints labels the corners by exclusive or', () => {
    expect(xorPoints().map((p) => [p.x, p.y, p.label])).toEqual([
      [0, 0, 0],
      [0, 1, 1],
      [1, 0, 1],
      [1, 1, 0],
    ]);
  });
});
