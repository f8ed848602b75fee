import { describe, it, expect } from 'vitest';
import { sampleGrid, gridFromValues, gridRange, cellCenter } from '../../../src/lib/viz/grid.ts';
import { heatmapViewModel, gridAccuracy } from '../../../src/lib/viz/heatmap.ts';

const layout = { width: 120, height: 120, margin: { top: 10, right: 10, bottom: 10, left: 10 } };

describe('grids', () => {
  it('samples at cell centres, row-major with rows along y', () => {
    const g = sampleGrid((x, y) => x + 10 * y, 2, 2, [0, 2], [0, 2]);
    expect(g.values).toEqual([0.5 + 5, 1.5 + 5, 0.5 + 15, 1.5 + 15]);
    expect(cellCenter(g, 1, 0)).toEqual([1.5, 0.5]);
    expect(gridRange(g)).toEqual([5.5, 16.5]);
  });
  it('refuses bad sizes and domains, and checks value counts', () => {
    expect(() => sampleGrid(() => 0, 1, 5, [0, 1], [0, 1])).toThrow(RangeError);
    expect(() => sampleGrid(() => 0, 3, 3, [1, 1], [0, 1])).toThrow(/min < max/);
    expect(() => gridFromValues([1, 2, 3], 2, 2, [0, 1], [0, 1])).toThrow(/expected 4/);
    expect(gridFromValues([1, 2, 3, 4], 2, 2, [0, 1], [0, 1]).values).toEqual([1, 2, 3, 4]);
  });
  it('ignores non-finite values in its range', () => {
    expect(gridRange(gridFromValues([NaN, 2, Infinity, 1], 2, 2, [0, 1], [0, 1]))).toEqual([1, 2]);
    expect(gridRange(gridFromValues([NaN, NaN, NaN, NaN], 2, 2, [0, 1], [0, 1]))).toEqual([0, 0]);
  });
});

describe('heatmapViewModel', () => {
  // Class 1 where x > 0.
  const g = sampleGrid((x) => (x > 0 ? 0.9 : 0.2), 4, 4, [-1, 1], [-1, 1]);
  it('tints cells by predicted class with confidence as strength, y up', () => {
    const vm = heatmapViewModel(g, [], layout);
    expect(vm.cells).toHaveLength(16);
    expect(vm.cells[0]).toMatchObject({ cls: 0, x: 10, y: 85, w: 25, h: 25 });
    expect(vm.cells[0]!.strength).toBeCloseTo(0.6);
    expect(vm.cells[3]).toMatchObject({ cls: 1 });
    expect(vm.cells[3]!.strength).toBeCloseTo(0.8);
    expect(vm.share1).toBe(0.5);
  });
  it('places points on the same axes', () => {
    const vm = heatmapViewModel(g, [{ x: 1, y: 1, label: 1 }], layout);
    expect(vm.points[0]).toMatchObject({ px: 110, py: 10, label: 1 });
  });
  it('treats NaN as undecided and clamps values', () => {
    const vm = heatmapViewModel(
      gridFromValues([NaN, 2, -1, 0.5], 2, 2, [0, 1], [0, 1]),
      [],
      layout,
    );
    expect(vm.cells.map((c) => c.value)).toEqual([0.5, 1, 0, 0.5]);
  });
  it('scores points against the grid', () => {
    expect(
      gridAccuracy(g, [
        { x: 0.5, y: 0, label: 1 },
        { x: -0.5, y: 0, label: 0 },
        { x: -0.5, y: 0.5, label: 1 },
        { x: 5, y: 5, label: 1 },
      ]),
    ).toBe(0.75);
    expect(gridAccuracy(g, [])).toBeNaN();
  });
});
