import { describe, expect, it } from 'vitest';
import {
  createLineFit,
  epochOrder,
  leastSquares,
  lineGradient,
  lineLoss,
  makeLinePoints,
  runLineFit,
  stepLineFit,
  stepsPerEpoch,
  type Point,
} from '../../../src/lib/ml/linefit.ts';

const points = makeLinePoints({ seed: 7 });

describe('noisy line data', () => {
  it('is the same for the same seed and different for another', () => {
    expect(makeLinePoints({ seed: 7 })).toEqual(points);
    expect(makeLinePoints({ seed: 8 })).not.toEqual(points);
    expect(points).toHaveLength(40);
    expect(points.every((p) => p.x >= -1 && p.x < 1)).toBe(true);
  });

  it('scatters around the true line with roughly the requested noise', () => {
    const many = makeLinePoints({ seed: 1, n: 4000, slope: 2, intercept: -1, noise: 0.5 });
    const fit = leastSquares(many);
    expect(fit.w).toBeCloseTo(2, 1);
    expect(fit.b).toBeCloseTo(-1, 1);
    expect(Math.sqrt(fit.loss)).toBeCloseTo(0.5, 1);
    expect(() => makeLinePoints({ seed: 1, n: 1 })).toThrow(/at least 2/);
  });
});

describe('loss and gradient', () => {
  const tiny: Point[] = [
    { x: 0, y: 1 },
    { x: 1, y: 3 },
  ];

  it('computes the mean squared error and its gradient by hand', () => {
    expect(lineLoss(tiny, 2, 1)).toBe(0);
    expect(lineLoss(tiny, 0, 0)).toBe((1 + 9) / 2);
    // d/dw = mean 2(wx + b − y)x = (0 + 2·(−3)·1)/2; d/db = (2·(−1) + 2·(−3))/2
    expect(lineGradient(tiny, 0, 0)).toEqual({ dw: -3, db: -4 });
  });

  it('has a gradient equal to finite differences', () => {
    const h = 1e-6;
    const g = lineGradient(points, 0.3, -0.2);
    expect(g.dw).toBeCloseTo(
      (lineLoss(points, 0.3 + h, -0.2) - lineLoss(points, 0.3 - h, -0.2)) / (2 * h),
      6,
    );
    expect(g.db).toBeCloseTo(
      (lineLoss(points, 0.3, -0.2 + h) - lineLoss(points, 0.3, -0.2 - h)) / (2 * h),
      6,
    );
  });

  it('finds the least-squares line where the gradient vanishes', () => {
    const best = leastSquares(points);
    const g = lineGradient(points, best.w, best.b);
    expect(Math.abs(g.dw)).toBeLessThan(1e-12);
    expect(Math.abs(g.db)).toBeLessThan(1e-12);
    expect(() =>
      leastSquares([
        { x: 1, y: 0 },
        { x: 1, y: 2 },
      ]),
    ).toThrow(/one x/);
    expect(() => lineLoss([], 0, 0)).toThrow(/no points/);
  });
});

describe('mini-batch SGD', () => {
  it('lowers the loss to near the best possible with batch size 10 and η = 0.1 in 20 epochs', () => {
    const s = runLineFit(
      createLineFit(points, 7),
      points,
      { batchSize: 10, learningRate: 0.1 },
      80,
    );
    expect(s.epoch).toBe(20);
    expect(s.history[0]).toBeGreaterThan(5 * s.history.at(-1)!);
    expect(s.history.at(-1)!).toBeLessThan(leastSquares(points).loss * 1.05);
    expect(s.diverged).toBe(false);
  });

  it('is deterministic for a seed', () => {
    const a = runLineFit(createLineFit(points, 3), points, { batchSize: 4, learningRate: 0.2 }, 30);
    const b = runLineFit(createLineFit(points, 3), points, { batchSize: 4, learningRate: 0.2 }, 30);
    const c = runLineFit(createLineFit(points, 4), points, { batchSize: 4, learningRate: 0.2 }, 30);
    expect(a).toEqual(b);
    expect(c.w).not.toBe(a.w);
  });

  it('full batch with a small rate always goes downhill; batch size 1 zigzags', () => {
    const full = runLineFit(
      createLineFit(points, 7),
      points,
      { batchSize: 40, learningRate: 0.1 },
      40,
    );
    const rises = (h: readonly number[]): number => h.slice(1).filter((v, i) => v > h[i]!).length;
    expect(rises(full.history)).toBe(0);
    const sgd = runLineFit(
      createLineFit(points, 7),
      points,
      { batchSize: 1, learningRate: 0.1 },
      400,
    );
    expect(rises(sgd.history)).toBeGreaterThan(50);
  });

  it('visits every point once per epoch, in a new order each epoch', () => {
    let s = createLineFit(points, 7);
    const seen: number[] = [];
    const settings = { batchSize: 3, learningRate: 0.01 };
    for (let i = 0; i < stepsPerEpoch(40, 3); i++) {
      seen.push(...s.order.slice(s.cursor, s.cursor + 3));
      s = stepLineFit(s, points, settings);
    }
    expect(s.epoch).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(s.cursor).toBe(0);
    expect(epochOrder(40, 7, 1)).not.toEqual(epochOrder(40, 7, 0));
    expect(stepsPerEpoch(40, 3)).toBe(14);
  });

  it('diverges with η = 1.5 and then stops changing', () => {
    const s = runLineFit(
      createLineFit(points, 7),
      points,
      { batchSize: 40, learningRate: 1.5 },
      200,
    );
    expect(s.diverged).toBe(true);
    expect(s.step).toBeLessThan(200);
    expect(stepLineFit(s, points, { batchSize: 40, learningRate: 1.5 })).toBe(s);
  });

  it('rejects bad settings with a clear message', () => {
    const s = createLineFit(points, 1);
    expect(() => stepLineFit(s, points, { batchSize: 0, learningRate: 0.1 })).toThrow(/batch size/);
    expect(() => stepLineFit(s, points, { batchSize: 41, learningRate: 0.1 })).toThrow(/1 to 40/);
    expect(() => stepLineFit(s, points, { batchSize: 4, learningRate: -1 })).toThrow(
      /learning rate/,
    );
  });
});
