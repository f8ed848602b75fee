import { describe, it, expect } from 'vitest';
import {
  surfaces,
  surfaceIds,
  bowl,
  twoMinima,
  regressionPoints,
  regressionSurface,
  isSurfaceId,
  minimumLoss,
} from '../../../../src/lib/ml/descent/surfaces.ts';

describe('surfaces', () => {
  it.each(surfaceIds)(
    '%s: gradient matches central differences and vanishes at each minimum',
    (id) => {
      const s = surfaces[id];
      const h = 1e-5;
      for (const [x, y] of [
        [0.7, -0.3],
        [-1.1, 1.9],
      ] as const) {
        const [gx, gy] = s.grad(x, y);
        expect(gx).toBeCloseTo((s.f(x + h, y) - s.f(x - h, y)) / (2 * h), 5);
        expect(gy).toBeCloseTo((s.f(x, y + h) - s.f(x, y - h)) / (2 * h), 5);
      }
      for (const m of s.minima) {
        const [gx, gy] = s.grad(m.x, m.y);
        expect(Math.hypot(gx, gy)).toBeLessThan(1e-9);
        expect(s.f(m.x, m.y)).toBeCloseTo(m.loss, 12);
      }
      expect(s.minima.filter((m) => m.global)).toHaveLength(1);
    },
  );

  it('starts every surface inside its domain and away from the minimum', () => {
    for (const id of surfaceIds) {
      const s = surfaces[id];
      expect(s.start[0]).toBeGreaterThanOrEqual(s.domain.x[0]);
      expect(s.start[0]).toBeLessThanOrEqual(s.domain.x[1]);
      expect(s.start[1]).toBeGreaterThanOrEqual(s.domain.y[0]);
      expect(s.start[1]).toBeLessThanOrEqual(s.domain.y[1]);
      expect(s.f(s.start[0], s.start[1])).toBeGreaterThan(minimumLoss(s) + 1);
    }
  });

  it('has known values on the bowl and two minima of different depth', () => {
    expect(bowl.f(3, 4)).toBe(25);
    expect(bowl.grad(1, -2)).toEqual([2, -4]);
    const [deep, shallow] = twoMinima.minima;
    expect(deep!.x).toBeCloseTo(-1.0467, 3);
    expect(deep!.loss).toBe(0);
    expect(shallow!.x).toBeCloseTo(0.9456, 3);
    expect(shallow!.loss).toBeGreaterThan(0.5);
    expect(shallow!.global).toBe(false);
  });

  it('generates the same regression points for the same seed, different ones otherwise', () => {
    expect(regressionPoints(3)).toEqual(regressionPoints(3));
    expect(regressionPoints(3).xs).not.toEqual(regressionPoints(4).xs);
    expect(() => regressionPoints(1, 1)).toThrow(RangeError);
  });

  it('puts the regression minimum at the least-squares line, equal to a direct MSE', () => {
    const data = regressionPoints(11, 200, 0.1);
    const s = regressionSurface(data);
    const [m] = s.minima;
    expect(m!.x).toBeCloseTo(1.5, 1);
    expect(m!.y).toBeCloseTo(-0.5, 1);
    const mse = (w: number, b: number) =>
      data.xs.reduce((acc, x, i) => acc + (w * x + b - data.ys[i]!) ** 2, 0) / data.xs.length;
    expect(s.f(0.3, 0.9)).toBeCloseTo(mse(0.3, 0.9), 10);
    expect(m!.loss).toBeCloseTo(0.01, 2);
  });

  it('recognises surface ids', () => {
    expect(isSurfaceId('valley')).toBe(true);
    expect(isSurfaceId('saddle')).toBe(false);
    expect(isSurfaceId(3)).toBe(false);
  });
});
