import { describe, it, expect } from 'vitest';
import {
  plotArea,
  paddedExtent,
  makeScale,
  logSliderValue,
  logSliderPosition,
  formatNumber,
} from '../../../src/lib/viz/scales.ts';

const layout = { width: 200, height: 100, margin: { top: 10, right: 20, bottom: 30, left: 40 } };

describe('plotArea', () => {
  it('is the rectangle inside the margins', () => {
    expect(plotArea(layout)).toEqual({ left: 40, right: 180, top: 10, bottom: 70 });
  });
  it('refuses margins that leave no room', () => {
    expect(() => plotArea({ ...layout, width: 50 })).toThrow(/no plotting area/);
  });
});

describe('paddedExtent', () => {
  it('pads the finite range on both sides and skips NaN and infinities', () => {
    expect(paddedExtent([0, 10, NaN, Infinity], 0.1)).toEqual([-1, 11]);
  });
  it('never collapses to a point', () => {
    expect(paddedExtent([3, 3])).toEqual([2, 4]);
    expect(paddedExtent([])).toEqual([0, 1]);
  });
});

describe('makeScale', () => {
  it('maps linearly or logarithmically', () => {
    expect(makeScale([0, 10], [0, 100])(5)).toBeCloseTo(50);
    expect(makeScale([1, 100], [0, 100], true)(10)).toBeCloseTo(50);
  });
  it('keeps a log domain positive', () => {
    const s = makeScale([0, 0], [0, 1], true);
    const [lo, hi] = s.domain() as [number, number];
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeGreaterThan(lo);
  });
});

describe('log slider', () => {
  const s = { min: 0.001, max: 10, steps: 400 };
  it('spans min…max geometrically', () => {
    expect(logSliderValue(0, s)).toBeCloseTo(0.001, 12);
    expect(logSliderValue(400, s)).toBeCloseTo(10, 9);
    expect(logSliderValue(200, s)).toBeCloseTo(0.1, 9);
    expect(logSliderValue(-5, s)).toBeCloseTo(0.001, 12);
  });
  it('round-trips positions and clamps values', () => {
    for (const pos of [0, 37, 200, 399, 400]) {
      expect(logSliderPosition(logSliderValue(pos, s), s)).toBe(pos);
    }
    expect(logSliderPosition(1e6, s)).toBe(400);
    expect(logSliderPosition(-1, s)).toBe(0);
  });
});

describe('formatNumber', () => {
  it('formats small, medium, large and special values', () => {
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(1.23456)).toBe('1.23');
    expect(formatNumber(-2.5)).toBe('−2.5');
    expect(formatNumber(1234.4)).toBe('1,234');
    expect(formatNumber(2.5e7)).toBe('2.5e+7');
    expect(formatNumber(3e-6)).toBe('3.0e-6');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(NaN)).toBe('—');
    expect(formatNumber(Infinity)).toBe('∞');
  });
});
