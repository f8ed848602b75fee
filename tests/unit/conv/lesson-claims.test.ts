// Every number the convolution and pooling lessons quote about their explorers, computed here
// from the same real MNIST digit the widgets show (the first 7 of the test split).
import { describe, expect, it } from 'vitest';
import { parseDigits } from '../../../src/lib/data/digits.ts';
import { packDigits } from '../../../scripts/data/digits.mjs';
import { pickSamples, sampleGrid } from '../../../src/lib/conv/samples.ts';
import {
  computeMaps,
  currentWindow,
  describeMaps,
  type ConvState,
} from '../../../src/lib/conv/explorer.ts';
import { presetKernel } from '../../../src/lib/conv/kernels.ts';
import { flipKernel, outputSize, parameterCounts } from '../../../src/lib/conv/conv2d.ts';
import { computePooling, type PoolingSetup } from '../../../src/lib/conv/pooling-explorer.ts';
import { pct } from '../../../src/lib/conv/format.ts';
import { toRows } from '../../../src/lib/conv/grid.ts';
import { digitsCnnSpec, layerShapes } from '../../../src/lib/ml/cnn/spec.ts';

const bytes = packDigits();
const set = parseDigits(
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
);
const seven = sampleGrid(pickSamples(set)[7]!);
const start: ConvState = {
  input: seven,
  kernel: presetKernel('horizontal-edges'),
  stride: 1,
  padding: 0,
  row: 0,
  col: 0,
};

describe('lesson 2.1: the convolution explorer', () => {
  const r = computeMaps(start);
  it('starts with a 26×26 map from −2.99 to 2.98, 15% above 0 after ReLU', () => {
    expect(r.size).toBe(26);
    expect(describeMaps(start, r)).toBe(
      'Horizontal edges (3×3), stride 1, padding 0: a 26×26 feature map with values from −2.99 to 2.98. After ReLU, 15% of its cells are above 0.',
    );
  });
  it('row 9, column 13 sums to 2.98; row 6, column 17 to −2.99; row 1, column 1 to 0', () => {
    expect(currentWindow({ ...start, row: 8, col: 12 }).sum).toBeCloseTo(2.98, 2);
    expect(currentWindow({ ...start, row: 5, col: 16 }).sum).toBeCloseTo(-2.99, 2);
    const corner = currentWindow(start);
    expect(corner.terms.every((t) => t.product === 0)).toBe(true);
    expect(Math.max(...r.before.data)).toBeCloseTo(2.98, 2);
    expect(r.before.data[8 * 26 + 12]).toBe(Math.max(...r.before.data));
  });
  it('identity gives the digit minus a one-pixel border', () => {
    const id = computeMaps({ ...start, kernel: presetKernel('identity') });
    const rows = toRows(seven);
    expect(toRows(id.before)).toEqual(rows.slice(1, 27).map((row) => row.slice(1, 27)));
  });
  it('vertical edges: the top bar goes dark except its right end; the slanted stroke lights up', () => {
    const v = computeMaps({ ...start, kernel: presetKernel('vertical-edges') });
    const h = r;
    for (let c = 8; c <= 15; c++) {
      expect(v.after.data[8 * 26 + c]).toBeLessThan(0.5);
      expect(v.after.data[7 * 26 + c]).toBeLessThan(0.5);
    }
    expect(Math.max(...h.after.data.subarray(8 * 26 + 9, 8 * 26 + 16))).toBeGreaterThan(1.5);
    expect(Math.max(...v.after.data.subarray(6 * 26 + 17, 6 * 26 + 21))).toBeGreaterThan(1.5);
    let stroke = 0;
    for (let i = 12; i < 26; i++)
      stroke = Math.max(stroke, ...v.after.data.subarray(i * 26, i * 26 + 26));
    expect(stroke).toBeGreaterThan(1.5);
  });
  it('the output sizes the text works out', () => {
    expect(outputSize(28, 3, 0, 1)).toBe(26);
    expect(outputSize(28, 5, 0, 1)).toBe(24);
    expect(outputSize(28, 3, 1, 1)).toBe(28);
    expect(outputSize(28, 3, 1, 2)).toBe(14);
    expect(outputSize(28, 5, 0, 1) ** 2 * 8).toBe(4608);
  });
  it("lesson 2.3's network starts with 8 kernels of 5×5: 8 maps of 24×24", () => {
    const first = digitsCnnSpec.layers[0]!;
    expect(first).toMatchObject({ kind: 'conv', kernel: 5, filters: 8, padding: 'valid' });
    expect(layerShapes(digitsCnnSpec)[0]!.outShape).toEqual([24, 24, 8]);
  });
  it('the parameter table', () => {
    expect(parameterCounts(28, 28, 1, 3, 8, 100)).toEqual({ conv: 80, dense: 78_500 });
    expect(parameterCounts(28, 28, 1, 5, 32, 5408)).toEqual({ conv: 832, dense: 4_245_280 });
    expect(26 * 26 * 8).toBe(5408);
  });
  it('flipping the horizontal-edges kernel swaps its top and bottom rows', () => {
    expect(toRows(flipKernel(presetKernel('horizontal-edges')))).toEqual([
      [-1, -1, -1],
      [0, 0, 0],
      [1, 1, 1],
    ]);
  });
});

describe('lesson 2.2: the pooling explorer', () => {
  const base: PoolingSetup = {
    input: seven,
    preset: 'horizontal-edges',
    kind: 'max',
    window: 2,
    stride: 2,
    shiftX: 0,
    shiftY: 0,
  };
  const change = (p: Partial<PoolingSetup>) => {
    const r = computePooling({ ...base, ...p });
    return [pct(r.mapChange.relative), pct(r.pooledChange.relative)];
  };
  it('2×2 max pooling with stride 2 turns 676 values into 169', () => {
    const r = computePooling(base);
    expect([r.map.data.length, r.pooled.data.length]).toEqual([676, 169]);
  });
  it('1 px right: 62% vs 37%; 2 px: 117% vs 81%', () => {
    expect(change({ shiftX: 1 })).toEqual(['62%', '37%']);
    expect(change({ shiftX: 2 })).toEqual(['117%', '81%']);
  });
  it('average pooling, 1 px: 57%; 3×3 max with stride 3: 21%', () => {
    expect(change({ shiftX: 1, kind: 'avg' })).toEqual(['62%', '57%']);
    expect(change({ shiftX: 1, window: 3, stride: 3 })).toEqual(['62%', '21%']);
  });
  it('pooled sizes and parameter counts the text works out', () => {
    expect(outputSize(26, 2, 0, 2)).toBe(13);
    expect(outputSize(26, 3, 0, 3)).toBe(8);
    expect(outputSize(26, 3, 0, 2)).toBe(12);
    expect(5408 * 10 + 10).toBe(54_090);
    expect(8 * 13 * 13 * 10 + 10).toBe(13_530);
  });
});
