import { describe, expect, it } from 'vitest';
import {
  clampPosition,
  computeMaps,
  describeWindow,
  mapSize,
  paint,
  sampleDrawing,
  sizeFormula,
  stepPosition,
} from '../../../src/lib/conv/explorer.ts';
import { makeGrid } from '../../../src/lib/conv/grid.ts';
import { presetKernel } from '../../../src/lib/conv/kernels.ts';
import { gridSvg } from '../../../src/lib/conv/svg.ts';
import { colourOf } from '../../../src/lib/conv/colours.ts';
import { kernelFromRows, summarise } from '../../../src/lib/conv/notebook.ts';
import {
  describePooledCell,
  computePooling,
  pooledSize,
} from '../../../src/lib/conv/pooling-explorer.ts';

describe('explorer state helpers', () => {
  it('steps in reading order and wraps round', () => {
    expect(stepPosition(0, 25, 26, 1)).toEqual({ row: 1, col: 0 });
    expect(stepPosition(0, 0, 26, -1)).toEqual({ row: 25, col: 25 });
    expect(stepPosition(25, 25, 26, 1)).toEqual({ row: 0, col: 0 });
    expect(clampPosition(-3, 40, 14)).toEqual({ row: 0, col: 13 });
  });
  it('writes the size formula with the settings', () => {
    const s = { kernel: presetKernel('blur', 5), stride: 2, padding: 2 };
    expect(mapSize(s)).toBe(14);
    expect(sizeFormula(s)).toBe('⌊(28 + 4 − 5) / 2⌋ + 1 = 14');
  });
  it('says when the window lies partly over the zero padding', () => {
    const input = sampleDrawing();
    const s = { input, kernel: presetKernel('identity'), stride: 1, padding: 1, row: 0, col: 0 };
    expect(describeWindow(s)).toContain(
      'input rows 0–2, columns 0–2 (partly over the zero padding)',
    );
    expect(computeMaps(s).size).toBe(28);
  });
  it('the sample drawing is a 7 with ink in 0–1, and paint inks and erases softly', () => {
    const g = sampleDrawing();
    expect(g.data.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(g.data.filter((v) => v === 1).length).toBeGreaterThan(30);
    const blank = makeGrid(28, 28);
    paint(blank, 10, 10, 1);
    expect(blank.data[10 * 28 + 10]).toBe(1);
    expect(blank.data[10 * 28 + 11]).toBeGreaterThan(0);
    expect(blank.data[10 * 28 + 11]).toBeLessThan(1);
    expect(blank.data[10 * 28 + 13]).toBe(0);
    paint(blank, 10, 10, -1);
    expect(blank.data[10 * 28 + 10]).toBe(0);
  });
});

describe('notebook helpers', () => {
  it('reads a reader-typed kernel or says what is wrong', () => {
    expect(kernelFromRows([[1, 2, 3]]).width).toBe(3);
    expect(() => kernelFromRows([[1, 2], [3]])).toThrow('same number of values');
    expect(() => kernelFromRows('x')).toThrow('list of rows');
    expect(() => kernelFromRows([[1, 'a']])).toThrow('must be a number');
  });
  it('summarises a map and draws it as an accessible SVG', () => {
    const g = makeGrid(2, 2, [-1, 0, 0.5, 2]);
    expect(summarise(g)).toEqual({
      size: '2 × 2',
      min: '−1.00',
      max: '2.00',
      aboveZero: '2 of 4 cells',
    });
    const svg = gridSvg(g, { title: 'A <map>' });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="A &lt;map&gt;: 2 × 2 values from −1.00 to 2.00"');
    expect(svg.match(/<rect /g)).toHaveLength(4);
  });
  it('colours: white at 0, full colour at the scale, ink is black at 1', () => {
    expect(colourOf(0, 'diverging', 2)).toBe('rgb(255,255,255)');
    expect(colourOf(2, 'positive', 2)).toBe('rgb(168,70,0)');
    expect(colourOf(-2, 'diverging', 2)).toBe('rgb(0,90,140)');
    expect(colourOf(1, 'ink', 1)).toBe('rgb(0,0,0)');
  });
});

describe('pooling explorer sentences', () => {
  it('names the window, value and source of a maximum, or says the window is empty', () => {
    const input = sampleDrawing();
    const setup = {
      input,
      preset: 'horizontal-edges' as const,
      kind: 'max' as const,
      window: 2,
      stride: 2,
      shiftX: 0,
      shiftY: 0,
    };
    const r = computePooling(setup);
    expect(pooledSize(2, 2)).toBe(13);
    expect(describePooledCell(setup, r, 0, 0)).toContain('every cell of the 2×2 window');
    let best = 0;
    r.pooled.data.forEach((v, i) => (best = v > r.pooled.data[best]! ? i : best));
    const text = describePooledCell(setup, r, Math.floor(best / 13), best % 13);
    const at = r.argmax[best]!;
    expect(text).toContain(`from row ${Math.floor(at / 26) + 1}, column ${(at % 26) + 1}`);
  });
});
