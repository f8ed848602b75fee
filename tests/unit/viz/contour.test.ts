import { describe, it, expect } from 'vitest';
import { sampleGrid } from '../../../src/lib/viz/grid.ts';
import {
  contourThresholds,
  contourViewModel,
  surfaceScales,
  pathViewModel,
} from '../../../src/lib/viz/contour.ts';

const layout = { width: 220, height: 220, margin: { top: 10, right: 10, bottom: 10, left: 10 } };
const bowl = sampleGrid((x, y) => x * x + y * y, 40, 40, [-2, 2], [-2, 2]);

describe('contourThresholds', () => {
  it('gives increasing levels inside the range, denser near the minimum with log spacing', () => {
    const t = contourThresholds(bowl, 6);
    expect(t).toHaveLength(6);
    for (let k = 1; k < t.length; k++) expect(t[k]!).toBeGreaterThan(t[k - 1]!);
    expect(t[0]! - Math.min(...bowl.values)).toBeLessThan(t[5]! - t[4]!);
    const lin = contourThresholds(bowl, 3, false);
    expect(lin[1]! - lin[0]!).toBeCloseTo(lin[2]! - lin[1]!);
  });
  it('copes with a flat grid and refuses a count below 1', () => {
    expect(contourThresholds(sampleGrid(() => 3, 3, 3, [0, 1], [0, 1]))).toEqual([3]);
    expect(() => contourThresholds(bowl, 0)).toThrow(RangeError);
  });
});

describe('contourViewModel', () => {
  it('draws a closed ring for a level of the bowl, centred in the plot', () => {
    const vm = contourViewModel(bowl, layout, [1]);
    expect(vm.levels).toHaveLength(1);
    const d = vm.levels[0]!.d;
    expect(d).toMatch(/^M/);
    expect(d).toMatch(/Z/);
    const nums = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    const xs = nums.filter((_, k) => k % 2 === 0);
    // The outer edge of "≥ 1" is the plot frame (10…210) and the hole is the circle of radius 1
    // (from 60 to 160 in SVG units).
    expect(Math.min(...xs)).toBeCloseTo(10, 0);
    expect(Math.max(...xs)).toBeCloseTo(210, 0);
    expect(xs.some((x) => Math.abs(x - 60) < 3)).toBe(true);
  });
  it('survives non-finite samples', () => {
    const g = sampleGrid((x) => (x > 1 ? Infinity : x), 10, 10, [0, 2], [0, 2]);
    expect(() => contourViewModel(g, layout, [0.5])).not.toThrow();
  });
});

describe('pathViewModel', () => {
  const scales = surfaceScales(bowl, layout);
  it('maps points to SVG units and marks the start and end', () => {
    const vm = pathViewModel([0, 1], [0, -1], scales);
    expect(vm.start).toEqual({ px: 110, py: 110, inside: true });
    expect(vm.end).toEqual({ px: 160, py: 160, inside: true });
    expect(vm.d).toBe('M110.00,110.00L160.00,160.00');
    expect(vm.leaves).toBe(false);
  });
  it('clamps far points, flags leaving the domain and stops at non-finite values', () => {
    const vm = pathViewModel([0, 1e9, NaN, 0], [0, 0, 0, 0], scales);
    expect(vm.points).toHaveLength(2);
    expect(vm.leaves).toBe(true);
    expect(vm.end!.px).toBe(410);
  });
  it('draws only the first `count` points', () => {
    expect(pathViewModel([0, 1, 2], [0, 1, 2], scales, 2).points).toHaveLength(2);
    expect(pathViewModel([], [], scales).d).toBe('');
  });
});
