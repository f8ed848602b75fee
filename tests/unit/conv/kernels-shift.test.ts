import { describe, expect, it } from 'vitest';
import {
  edgeResponse,
  matchPreset,
  PRESET_IDS,
  presetKernel,
} from '../../../src/lib/conv/kernels.ts';
import { fromRows, makeGrid, toRows } from '../../../src/lib/conv/grid.ts';
import { mapChange, shiftGrid } from '../../../src/lib/conv/shift.ts';
import { fmt, parseTyped, pct } from '../../../src/lib/conv/format.ts';

describe('presets', () => {
  it('come in 3×3 and 5×5 and are recognised again', () => {
    for (const id of PRESET_IDS)
      for (const size of [3, 5] as const) {
        const k = presetKernel(id, size);
        expect(k.height).toBe(size);
        expect(matchPreset(k)).toBe(id);
      }
    expect(matchPreset(makeGrid(3, 3))).toBeUndefined();
  });
  it('blur weights sum to 1; edge kernels sum to 0', () => {
    const sum = (id: (typeof PRESET_IDS)[number], s: 3 | 5) =>
      presetKernel(id, s).data.reduce((a, b) => a + b, 0);
    expect(sum('blur', 3)).toBeCloseTo(1, 6);
    expect(sum('blur', 5)).toBeCloseTo(1, 6);
    expect(sum('sharpen', 3)).toBeCloseTo(1, 6);
    for (const id of [
      'horizontal-edges',
      'vertical-edges',
      'sobel-horizontal',
      'sobel-vertical',
    ] as const)
      expect(sum(id, 3)).toBe(0);
  });
  it('edge kernels answer their own edge and ignore the other and flat regions', () => {
    const h = edgeResponse(presetKernel('horizontal-edges'));
    expect(h).toEqual({ horizontal: 3, vertical: 0, flat: 0 });
    const v = edgeResponse(presetKernel('sobel-vertical'));
    expect(v).toEqual({ horizontal: 0, vertical: 4, flat: 0 });
    const id = edgeResponse(presetKernel('identity'));
    expect(id.flat).toBe(1);
  });
});

describe('shift and change', () => {
  const x = fromRows([
    [1, 2, 0],
    [3, 4, 0],
    [0, 0, 0],
  ]);
  it('shifts right and down, filling with zeros', () => {
    expect(toRows(shiftGrid(x, 1, 1))).toEqual([
      [0, 0, 0],
      [0, 1, 2],
      [0, 3, 4],
    ]);
    expect(toRows(shiftGrid(x, -1, 0))).toEqual([
      [2, 0, 0],
      [4, 0, 0],
      [0, 0, 0],
    ]);
  });
  it('measures relative change and the share of changed cells', () => {
    expect(mapChange(x, x)).toEqual({ relative: 0, cellsChanged: 0, cells: 4 });
    const c = mapChange(x, shiftGrid(x, 1, 1));
    // |diff| sum: cells (0,0)1 (0,1)2 (1,0)3 (1,1)3 (1,2)2 (2,1)3 (2,2)4 = 18; total 10
    expect(c.relative).toBeCloseTo(1.8, 6);
    // active cells: 4 in x, 4 in the shifted copy, (1,1) in both → 7, and all 7 changed
    expect(c.cells).toBe(7);
    expect(c.cellsChanged).toBe(1);
    expect(() => mapChange(x, makeGrid(2, 2))).toThrow();
  });
});

describe('format', () => {
  it('uses a real minus and never shows −0', () => {
    expect(fmt(-1.234)).toBe('−1.23');
    expect(fmt(-0.0001)).toBe('0.00');
    expect(fmt(2, 0)).toBe('2');
    expect(pct(0.234)).toBe('23%');
    expect(parseTyped('−0,5')).toBe(-0.5);
    expect(parseTyped('')).toBeNaN();
  });
});
