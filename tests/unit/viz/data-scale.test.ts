import { describe, it, expect } from 'vitest';
import {
  classicalCurve,
  deepCurve,
  schematicSeries,
  schematicPaths,
  crossover,
} from '../../../src/lib/viz/data-scale.ts';

describe('data-scale schematic', () => {
  it('shows classical ML ahead with little data and deep learning ahead with a lot', () => {
    expect(classicalCurve(0.05)).toBeGreaterThan(deepCurve(0.05));
    expect(deepCurve(1)).toBeGreaterThan(classicalCurve(1) + 0.2);
  });

  it('has classical ML level off while deep learning keeps rising', () => {
    expect(classicalCurve(1) - classicalCurve(0.7)).toBeLessThan(0.02);
    expect(deepCurve(0.7) - deepCurve(0.5)).toBeGreaterThan(0.1);
  });

  it('finds the crossover where the curves meet', () => {
    const c = crossover();
    expect(c).toBeGreaterThan(0.1);
    expect(c).toBeLessThan(0.9);
    expect(Math.abs(deepCurve(c) - classicalCurve(c))).toBeLessThan(1e-6);
  });

  it('samples n points from 0 to 1 and refuses fewer than 2', () => {
    const [a] = schematicSeries(5);
    expect(a!.points.map((p) => p[0])).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(() => schematicSeries(1)).toThrow(RangeError);
  });

  it('maps series into the plotting area', () => {
    const layout = {
      width: 200,
      height: 100,
      margin: { top: 10, right: 20, bottom: 10, left: 20 },
    };
    const paths = schematicPaths(schematicSeries(3), layout);
    expect(paths).toHaveLength(2);
    for (const p of paths) {
      expect(p.d.startsWith('M20,')).toBe(true);
      expect(p.end[0]).toBe(180);
      expect(p.end[1]).toBeGreaterThanOrEqual(10);
      expect(p.end[1]).toBeLessThanOrEqual(90);
    }
  });
});
