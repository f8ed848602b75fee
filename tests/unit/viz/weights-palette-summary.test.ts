import { describe, it, expect } from 'vitest';
import { weightMatrixViewModel } from '../../../src/lib/viz/weights.ts';
import {
  seriesColour,
  seriesDash,
  seriesColours,
  contrastRatio,
  luminance,
} from '../../../src/lib/viz/palette.ts';
import { curvesSummary, curvesTable, thin } from '../../../src/lib/viz/summary.ts';

const layout = { width: 100, height: 60, margin: { top: 0, right: 0, bottom: 0, left: 0 } };

describe('weightMatrixViewModel', () => {
  it('lays out cells row-major with sign and magnitude on a symmetric scale', () => {
    const vm = weightMatrixViewModel([1, -2, 0, 0.5, NaN, 2], 2, 3, layout);
    expect(vm.maxAbs).toBe(2);
    expect(vm.cells[1]).toMatchObject({
      row: 0,
      col: 1,
      sign: -1,
      magnitude: 1,
      w: 100 / 3,
      h: 30,
    });
    expect(vm.cells[2]).toMatchObject({ sign: 0, magnitude: 0 });
    expect(vm.cells[3]).toMatchObject({ row: 1, col: 0, y: 30, magnitude: 0.25 });
    expect(vm.cells[4]).toMatchObject({ sign: 0, magnitude: 1 });
  });
  it('refuses a wrong number of weights and keeps a floor on the scale', () => {
    expect(() => weightMatrixViewModel([1, 2], 2, 2, layout)).toThrow(/expected 4/);
    expect(weightMatrixViewModel([0, 0], 1, 2, layout).maxAbs).toBe(1e-6);
  });
});

describe('palette', () => {
  it('cycles colours and dashes, with a fallback inside var()', () => {
    expect(seriesColour(0)).toBe('var(--nb-series-1, #005a8c)');
    expect(seriesColour(4)).toBe(seriesColour(0));
    expect(seriesColour(-1)).toBe(seriesColour(3));
    expect(seriesDash(0)).toBe('');
    expect(seriesDash(1)).not.toBe('');
  });
  it('has light-theme colours with at least 3:1 contrast on white', () => {
    for (const [, hex] of seriesColours)
      expect(contrastRatio(hex, '#ffffff')).toBeGreaterThanOrEqual(3);
  });
  it('computes WCAG luminance and contrast', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    expect(() => luminance('red')).toThrow(RangeError);
  });
});

describe('text alternatives', () => {
  const series = [
    {
      id: 't',
      label: 'train loss',
      kind: 'train' as const,
      points: [
        { x: 0, y: 2 },
        { x: 5, y: 0.5 },
      ],
    },
    { id: 'v', label: 'test loss', kind: 'test' as const, points: [{ x: 5, y: 0.7 }] },
  ];
  it('summarises the latest values and direction', () => {
    expect(curvesSummary(series)).toBe(
      'Train loss 0.5 at step 5, down from 2; test loss 0.7 at step 5.',
    );
    expect(curvesSummary([])).toBe('No data yet.');
  });
  it('tabulates series on a shared x', () => {
    expect(curvesTable(series)).toEqual({
      columns: ['x', 'train loss', 'test loss'],
      rows: [
        ['0', '2', ''],
        ['5', '0.5', '0.7'],
      ],
    });
  });
  it('thins evenly, keeping first and last', () => {
    expect(thin([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([1, 5, 9]);
    expect(thin([1, 2], 5)).toEqual([1, 2]);
    expect(thin([1, 2, 3], 1)).toEqual([3]);
  });
});
